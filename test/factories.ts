import { createSession } from '../src/platform/auth.js';
import type { Db } from '../src/platform/db/index.js';
import type { DurationUnit, OrgKind, Role } from '../src/platform/db/schema.js';

/** Small builders for test data; each test states the few rows it needs. */
export async function makeUnit(
  db: Db,
  u: { code: string; name: string; kind: OrgKind; parentId?: number | null },
): Promise<{ id: number; path: string }> {
  let path = `${u.code}/`;
  let depth = 0;
  if (u.parentId != null) {
    const parent = await db
      .selectFrom('org_units')
      .select(['path', 'depth'])
      .where('id', '=', u.parentId)
      .executeTakeFirstOrThrow();
    path = `${parent.path}${u.code}/`;
    depth = parent.depth + 1;
  }
  return db
    .insertInto('org_units')
    .values({
      code: u.code,
      name: u.name,
      short_name: null,
      kind: u.kind,
      parent_id: u.parentId ?? null,
      path,
      depth,
      division_code: null,
    })
    .returning(['id', 'path'])
    .executeTakeFirstOrThrow();
}

export async function makeCategory(
  db: Db,
  c: {
    code: string;
    name: string;
    parentId?: number | null;
    leaf?: boolean;
    response?: [number, DurationUnit];
    resolve?: [number, DurationUnit];
  },
): Promise<{ id: number }> {
  const row = await db
    .insertInto('categories')
    .values({
      code: c.code,
      name: c.name,
      name_en: null,
      parent_id: c.parentId ?? null,
      level: c.code.split('-').length,
      is_leaf: c.leaf ?? true,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (c.leaf ?? true) {
    const [ra, ru] = c.response ?? [2, 'hours'];
    const [sa, su] = c.resolve ?? [3, 'workdays'];
    for (const priority of ['normal', 'urgent', 'critical'] as const) {
      await db
        .insertInto('deadline_policies')
        .values({
          category_id: row.id,
          priority,
          response_amount: ra,
          response_unit: ru,
          resolve_amount: sa,
          resolve_unit: su,
          created_by: null,
          retired_at: null,
        })
        .execute();
    }
  }
  return row;
}

export async function makeRule(
  db: Db,
  r: {
    categoryId: number | null;
    areaUnitId?: number | null;
    leadUnitId?: number;
    coUnitIds?: number[];
    mode?: 'unit' | 'street';
  },
): Promise<void> {
  await db
    .insertInto('dispatch_rules')
    .values({
      category_id: r.categoryId,
      area_unit_id: r.areaUnitId ?? null,
      mode: r.mode ?? 'unit',
      lead_unit_id: r.leadUnitId ?? null,
      co_unit_ids: r.coUnitIds ?? [],
      note: null,
      created_by: null,
      retired_at: null,
    })
    .execute();
}

/** A user with a live session; returns the bearer header to send. */
export async function makeUser(
  db: Db,
  u: { username: string; role: Role; unitId: number | null },
): Promise<{ id: number; auth: { authorization: string } }> {
  const user = await db
    .insertInto('users')
    .values({
      username: u.username,
      display_name: u.username,
      password_hash: 'x',
      role: u.role,
      org_unit_id: u.unitId,
      phone: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const { token } = await createSession(db, user.id, 1);
  return { id: user.id, auth: { authorization: `Bearer ${token}` } };
}
