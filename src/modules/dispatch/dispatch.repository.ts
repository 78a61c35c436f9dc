import type { Insertable } from 'kysely';
import type { Conn } from '../../platform/db/index.js';
import type { DispatchRule, DispatchRulesTable, OrgKind } from '../../platform/db/schema.js';

/** The org columns dispatch needs. */
export interface UnitRef {
  id: number;
  code: string;
  name: string;
  kind: OrgKind;
  path: string;
  depth: number;
  active: boolean;
}

const unitColumns = ['id', 'code', 'name', 'kind', 'path', 'depth', 'active'] as const;

// Org units are read here directly (not through the org module) so dispatch depends only on the table.

/** Units by id (any order). */
export async function findUnitsByIds(db: Conn, ids: readonly number[]): Promise<UnitRef[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('org_units').select(unitColumns).where('id', 'in', ids).execute();
}

/** Units by code (any order). */
export async function findUnitsByCodes(db: Conn, codes: readonly string[]): Promise<UnitRef[]> {
  if (codes.length === 0) return [];
  return db.selectFrom('org_units').select(unitColumns).where('code', 'in', codes).execute();
}

/**
 * A unit and every unit above it, deepest first: `…/110115001/110115001001/` yields the
 * community, its street, the district and the city. Paths end with '/', so the ancestors' paths
 * are the prefixes ending at each '/'.
 */
export async function unitWithAncestors(db: Conn, unitId: number): Promise<UnitRef[]> {
  const [unit] = await findUnitsByIds(db, [unitId]);
  if (!unit) return [];
  const prefixes: string[] = [];
  for (let i = unit.path.indexOf('/'); i >= 0; i = unit.path.indexOf('/', i + 1)) {
    prefixes.push(unit.path.slice(0, i + 1));
  }
  const rows = await db.selectFrom('org_units').select(unitColumns).where('path', 'in', prefixes).execute();
  return rows.sort((a, b) => b.path.length - a.path.length);
}

/** Current rules whose category and area are in the given sets (null = any / whole district). */
export async function findCandidateRules(
  db: Conn,
  categoryIds: readonly number[],
  areaIds: readonly number[],
): Promise<DispatchRule[]> {
  return db
    .selectFrom('dispatch_rules')
    .selectAll()
    .where('retired_at', 'is', null)
    .where((eb) =>
      eb.or([
        eb('category_id', 'is', null),
        ...(categoryIds.length ? [eb('category_id', 'in', categoryIds)] : []),
      ]),
    )
    .where((eb) =>
      eb.or([eb('area_unit_id', 'is', null), ...(areaIds.length ? [eb('area_unit_id', 'in', areaIds)] : [])]),
    )
    .execute();
}

/** One rule (current or retired). */
export async function findRule(db: Conn, id: number, lock = false): Promise<DispatchRule | undefined> {
  let query = db.selectFrom('dispatch_rules').selectAll().where('id', '=', id);
  if (lock) query = query.forUpdate();
  return query.executeTakeFirst();
}

/** The current rule of a (category, area) pair, if any. */
export async function findCurrentRuleForPair(
  db: Conn,
  categoryId: number | null,
  areaUnitId: number | null,
): Promise<DispatchRule | undefined> {
  return db
    .selectFrom('dispatch_rules')
    .selectAll()
    .where('retired_at', 'is', null)
    .where('category_id', categoryId === null ? 'is' : '=', categoryId)
    .where('area_unit_id', areaUnitId === null ? 'is' : '=', areaUnitId)
    .executeTakeFirst();
}

/** Every version of a (category, area) pair, newest first. */
export async function findPairHistory(
  db: Conn,
  categoryId: number | null,
  areaUnitId: number | null,
): Promise<DispatchRule[]> {
  return db
    .selectFrom('dispatch_rules')
    .selectAll()
    .where('category_id', categoryId === null ? 'is' : '=', categoryId)
    .where('area_unit_id', areaUnitId === null ? 'is' : '=', areaUnitId)
    .orderBy('id', 'desc')
    .execute();
}

export interface RuleFilter {
  includeRetired: boolean;
  categoryId?: number | undefined;
  areaUnitId?: number | undefined;
}

/** Rules for the catalogue screen. */
export async function listRules(db: Conn, filter: RuleFilter): Promise<DispatchRule[]> {
  let query = db.selectFrom('dispatch_rules').selectAll().orderBy('id');
  if (!filter.includeRetired) query = query.where('retired_at', 'is', null);
  if (filter.categoryId !== undefined) query = query.where('category_id', '=', filter.categoryId);
  if (filter.areaUnitId !== undefined) query = query.where('area_unit_id', '=', filter.areaUnitId);
  return query.execute();
}

/** Inserts rules and returns them. */
export async function insertRules(db: Conn, rows: Insertable<DispatchRulesTable>[]): Promise<DispatchRule[]> {
  if (rows.length === 0) return [];
  return db.insertInto('dispatch_rules').values(rows).returningAll().execute();
}

/** Retires one rule; it stays readable (cases keep its id). */
export async function retireRule(db: Conn, id: number, at: Date): Promise<void> {
  await db.updateTable('dispatch_rules').set({ retired_at: at }).where('id', '=', id).execute();
}
