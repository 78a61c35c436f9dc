import { sql, type Insertable, type Updateable } from 'kysely';
import type { Conn } from '../../platform/db/index.js';
import type { OrgKind, OrgUnit, OrgUnitsTable } from '../../platform/db/schema.js';

/** A unit to create; path and depth are derived from its parent by the caller. */
export type NewUnit = Omit<Insertable<OrgUnitsTable>, 'id' | 'created_at'>;

export async function findUnitById(db: Conn, id: number): Promise<OrgUnit | undefined> {
  return db.selectFrom('org_units').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findUnitByCode(db: Conn, code: string): Promise<OrgUnit | undefined> {
  return db.selectFrom('org_units').selectAll().where('code', '=', code).executeTakeFirst();
}

/** Direct children of a unit, in code order. */
export async function listChildren(db: Conn, parentId: number): Promise<OrgUnit[]> {
  return db.selectFrom('org_units').selectAll().where('parent_id', '=', parentId).orderBy('code').execute();
}

/** Units without a parent (normally the one city), in code order. */
export async function listRoots(db: Conn): Promise<OrgUnit[]> {
  return db.selectFrom('org_units').selectAll().where('parent_id', 'is', null).orderBy('code').execute();
}

/** The units named by a path's codes (root first), i.e. a unit and all its ancestors. */
export async function findUnitsOnPath(db: Conn, path: string): Promise<OrgUnit[]> {
  const codes = path.split('/').filter(Boolean);
  if (codes.length === 0) return [];
  return db.selectFrom('org_units').selectAll().where('code', 'in', codes).orderBy('depth').execute();
}

/** The nearest unit of `kind` on the way from `unitId` to the root, the unit itself included. */
export async function findAncestorOfKind(
  db: Conn,
  unitId: number,
  kind: OrgKind,
): Promise<OrgUnit | undefined> {
  return db
    .selectFrom('org_units as u')
    .innerJoin('org_units as a', (join) => join.on(sql<boolean>`u.path like a.path || '%'`))
    .selectAll('a')
    .where('u.id', '=', unitId)
    .where('a.kind', '=', kind)
    .orderBy('a.depth', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export interface UnitFilter {
  parentId?: number;
  kind?: OrgKind;
  /** Matches name, short name or code (case-insensitive substring). */
  q?: string;
  /** Only units in the subtree of this path. */
  underPath?: string;
  limit: number;
  offset: number;
}

/** Units matching a filter, in path order (so a subtree reads top-down). */
export async function searchUnits(db: Conn, f: UnitFilter): Promise<{ rows: OrgUnit[]; total: number }> {
  let query = db.selectFrom('org_units');
  if (f.parentId !== undefined) query = query.where('parent_id', '=', f.parentId);
  if (f.kind) query = query.where('kind', '=', f.kind);
  if (f.underPath) query = query.where('path', 'like', `${escapeLike(f.underPath)}%`);
  if (f.q) {
    const pattern = `%${escapeLike(f.q)}%`;
    query = query.where((eb) =>
      eb.or([eb('name', 'ilike', pattern), eb('short_name', 'ilike', pattern), eb('code', 'ilike', pattern)]),
    );
  }
  const [rows, count] = await Promise.all([
    query.selectAll().orderBy('path').limit(f.limit).offset(f.offset).execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

/** Escapes LIKE wildcards so user text matches literally. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

const UPSERT_CHUNK = 1000;

/**
 * Inserts units in multi-row batches; a unit whose code exists is refreshed (name, short name,
 * division code) instead of duplicated. Returns each unit's id and whether it was new.
 */
export async function upsertUnits(
  db: Conn,
  units: NewUnit[],
): Promise<Array<{ id: number; code: string; inserted: boolean }>> {
  const out: Array<{ id: number; code: string; inserted: boolean }> = [];
  for (let i = 0; i < units.length; i += UPSERT_CHUNK) {
    const rows = await db
      .insertInto('org_units')
      .values(units.slice(i, i + UPSERT_CHUNK))
      .onConflict((oc) =>
        oc.column('code').doUpdateSet((eb) => ({
          name: eb.ref('excluded.name'),
          short_name: eb.ref('excluded.short_name'),
          division_code: eb.ref('excluded.division_code'),
        })),
      )
      // xmax is 0 only on a freshly inserted row version.
      .returning(['id', 'code', sql<boolean>`(xmax = 0)`.as('inserted')])
      .execute();
    out.push(...rows);
  }
  return out;
}

export async function insertUnit(db: Conn, unit: NewUnit): Promise<OrgUnit> {
  return db.insertInto('org_units').values(unit).returningAll().executeTakeFirstOrThrow();
}

export async function updateUnit(
  db: Conn,
  id: number,
  changes: Pick<Updateable<OrgUnitsTable>, 'name' | 'short_name' | 'active'>,
): Promise<OrgUnit> {
  return db
    .updateTable('org_units')
    .set(changes)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Locks a unit row for the rest of the transaction (before-image of an audited change). */
export async function lockUnit(db: Conn, id: number): Promise<OrgUnit | undefined> {
  return db.selectFrom('org_units').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}
