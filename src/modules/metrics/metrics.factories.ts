/**
 * Test factories for the metrics: a small org, a small taxonomy, and cases and assignments
 * inserted directly with exactly the columns the case lifecycle maintains. Used by tests only.
 */
import { randomUUID } from 'node:crypto';
import { createSession } from '../../platform/auth.js';
import type { Db } from '../../platform/db/index.js';
import { caseCell } from '../../platform/h3.js';
import type { NewCase, OrgKind, Role } from '../../platform/db/schema.js';

export interface UnitRef {
  id: number;
  path: string;
  name: string;
}

async function unit(
  db: Db,
  code: string,
  name: string,
  kind: OrgKind,
  parent: UnitRef | null,
): Promise<UnitRef> {
  const path = `${parent?.path ?? ''}${code}/`;
  const row = await db
    .insertInto('org_units')
    .values({ code, name, kind, parent_id: parent?.id ?? null, path, depth: path.split('/').length - 2 })
    .returning(['id', 'path', 'name'])
    .executeTakeFirstOrThrow();
  return row;
}

/** 北京市 → 大兴区 → two streets (A with two communities, B with one) and two departments. */
export async function makeOrg(db: Db) {
  const city = await unit(db, '110000', '北京市', 'city', null);
  const district = await unit(db, '110115', '大兴区', 'district', city);
  const streetA = await unit(db, '110115001', '兴丰街道', 'street', district);
  const streetB = await unit(db, '110115002', '林校路街道', 'street', district);
  const a1 = await unit(db, '110115001001', '三合南里社区', 'community', streetA);
  const a2 = await unit(db, '110115001002', '兴政中里社区', 'community', streetA);
  const b1 = await unit(db, '110115002001', '车站北里社区', 'community', streetB);
  const deptX = await unit(db, '110115-D01', '区住房和城乡建设委员会', 'department', district);
  const deptY = await unit(db, '110115-D02', '区城市管理委员会', 'department', district);
  return { city, district, streetA, streetB, a1, a2, b1, deptX, deptY };
}
export type Org = Awaited<ReturnType<typeof makeOrg>>;

/** 城市管理 (with 占道经营 and 噪音) and 交通 (with 停车). */
export async function makeCategories(db: Db) {
  const add = async (code: string, name: string, level: number, parentId: number | null, isLeaf: boolean) =>
    (
      await db
        .insertInto('categories')
        .values({ code, name, level, parent_id: parentId, is_leaf: isLeaf })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const city = await add('04', '城市管理', 1, null, false);
  const street = await add('04-06', '占道经营', 2, city, true);
  const noise = await add('04-07', '噪音扰民', 2, city, true);
  const traffic = await add('05', '交通', 1, null, false);
  const parking = await add('05-01', '停车管理', 2, traffic, true);
  return { city, street, noise, traffic, parking };
}

let seq = 0;

export interface CaseSpec extends Partial<NewCase> {
  lead: UnitRef;
  dispatchedAt: Date;
  /** Insert the case's lead assignment too (assigned at dispatch, accepted); default true. */
  withAssignment?: boolean;
}

/** Inserts one dispatched case with the given metric columns; returns its id. */
export async function makeCase(db: Db, spec: CaseSpec): Promise<string> {
  const { lead, dispatchedAt, withAssignment = true, ...columns } = spec;
  const id = randomUUID();
  seq += 1;
  await db
    .insertInto('cases')
    .values({
      id,
      number: `T${String(seq).padStart(6, '0')}`,
      status: 'dispatched',
      title: '测试案件',
      description: '测试',
      channel: 'hotline',
      received_at: dispatchedAt,
      dispatched_at: dispatchedAt,
      lead_unit_id: lead.id,
      lead_unit_path: lead.path,
      area_unit_id: lead.id,
      area_path: lead.path,
      updated_at: dispatchedAt,
      // Stored where the point is, as intake stores it.
      h3_cell: await caseCell(columns.lon, columns.lat),
      ...columns,
    })
    .execute();
  if (withAssignment) await makeAssignment(db, { caseId: id, unit: lead, at: dispatchedAt });
  return id;
}

/** Inserts a case assignment (lead, accepted unless told otherwise). */
export async function makeAssignment(
  db: Db,
  a: {
    caseId: string;
    unit: UnitRef;
    at: Date;
    role?: 'lead' | 'co';
    status?: 'pending' | 'accepted' | 'returned' | 'done' | 'withdrawn';
  },
): Promise<void> {
  await db
    .insertInto('case_assignments')
    .values({
      id: randomUUID(),
      case_id: a.caseId,
      unit_id: a.unit.id,
      role: a.role ?? 'lead',
      status: a.status ?? 'accepted',
      assigned_at: a.at,
      returned_at: a.status === 'returned' ? a.at : null,
    })
    .execute();
}

/** A user with a session; returns its bearer token. */
export async function makeUser(
  db: Db,
  role: Role,
  unitRef: UnitRef | null,
): Promise<{ id: number; token: string }> {
  seq += 1;
  const user = await db
    .insertInto('users')
    .values({
      username: `u${seq}`,
      display_name: `用户${seq}`,
      password_hash: 'not-a-hash',
      role,
      org_unit_id: unitRef?.id ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const { token } = await createSession(db, user.id, 1);
  return { id: user.id, token };
}
