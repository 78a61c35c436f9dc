import { sql, type RawBuilder } from 'kysely';
import type { Conn } from '../../platform/db/index.js';
import type { OrgKind } from '../../platform/db/schema.js';
import type { Counts } from './metrics.rules.js';

/** What the raw aggregates are grouped by: a case column, or the China-time month of the period column. */
export type AggregateKey = 'lead_unit' | 'area' | 'category' | 'month' | 'none';

/** Which cases and assignments an aggregate covers. */
export interface AggregateFilter {
  from: Date;
  to: Date;
  /** Only lead units in this org subtree (path prefix). */
  scopePath?: string | null;
  /** Only lead units of this kind. */
  unitKind?: OrgKind;
  /** Only cases in this category or below it. */
  categoryId?: number;
}

export type KeyedCounts = Partial<Counts> & { key: number | string | null };

/** Escapes LIKE wildcards so a path prefix matches literally. */
export function likePrefix(path: string): string {
  return `${path.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
}

function caseKey(key: AggregateKey): RawBuilder<unknown> {
  switch (key) {
    case 'lead_unit':
      return sql`c.lead_unit_id`;
    case 'area':
      return sql`c.area_unit_id`;
    case 'category':
      return sql`c.category_id`;
    case 'month':
      return sql`to_char((c.dispatched_at at time zone 'UTC') + interval '8 hours', 'YYYY-MM')`;
    case 'none':
      return sql`0`;
  }
}

/** `<column> in (units of the scope)`, or nothing when neither scope nor kind narrows. */
function unitFilter(column: RawBuilder<unknown>, f: AggregateFilter): RawBuilder<unknown> {
  if (!f.scopePath && !f.unitKind) return sql``;
  const path = f.scopePath ? sql`and u.path like ${likePrefix(f.scopePath)}` : sql``;
  const kind = f.unitKind ? sql`and u.kind = ${f.unitKind}` : sql``;
  return sql`and ${column} in (select u.id from org_units u where true ${path} ${kind})`;
}

/** `category_id in (the category and its descendants)` — the taxonomy is at most three levels deep. */
export function categoryFilter(f: { categoryId?: number | undefined }): RawBuilder<unknown> {
  if (f.categoryId === undefined) return sql``;
  const id = f.categoryId;
  return sql`and c.category_id in (
    select k.id from categories k left join categories p on p.id = k.parent_id
    where k.id = ${id} or k.parent_id = ${id} or p.parent_id = ${id})`;
}

/**
 * Case figures per key over the population: cases first dispatched in [from, to), with a lead
 * unit, neither merged into another case nor voided. One pass over the covering index
 * cases_metrics (migration 0004).
 */
export async function aggregateCases(
  db: Conn,
  key: AggregateKey,
  f: AggregateFilter,
): Promise<KeyedCounts[]> {
  const result = await sql<KeyedCounts>`
    select ${caseKey(key)} as key,
      count(*) as "dispatched",
      count(*) - count(*) filter (where c.status = 'closed') as "open",
      count(*) filter (where c.response_overdue or c.resolve_overdue) as "overdue",
      count(*) filter (where c.status = 'closed') as "closed",
      count(*) filter (where c.responded_in_time) as "respondedInTime",
      count(c.responded_in_time) as "responseDecided",
      count(*) filter (where c.resolved_in_time) as "resolvedInTime",
      count(c.resolved_in_time) as "resolveDecided",
      coalesce(sum(c.eval_count), 0) as "evaluations",
      coalesce(sum(c.solved_count), 0) as "solved",
      coalesce(sum(c.satisfied_count), 0) as "satisfied",
      coalesce(sum(c.report_count), 0) as "reports",
      count(*) filter (where c.status = 'closed' and c.return_count = 0 and c.reopen_count = 0)
        as "closedFirstTime"
    from cases c
    where c.dispatched_at >= ${f.from} and c.dispatched_at < ${f.to}
      and c.status not in ('merged', 'invalid')
      and c.lead_unit_id is not null
      ${unitFilter(sql`c.lead_unit_id`, f)}
      ${categoryFilter(f)}
    group by 1`.execute(db);
  return result.rows;
}

function assignmentKey(key: AggregateKey): RawBuilder<unknown> {
  switch (key) {
    case 'lead_unit':
      return sql`a.unit_id`;
    case 'area':
      return sql`c.area_unit_id`;
    case 'category':
      return sql`c.category_id`;
    case 'month':
      return sql`to_char((a.assigned_at at time zone 'UTC') + interval '8 hours', 'YYYY-MM')`;
    case 'none':
      return sql`0`;
  }
}

/**
 * Lead assignments received in [from, to) and how many of them the receiving unit returned (退单),
 * per key. Keyed by the receiving unit, or by the case's area/category. Scope and kind apply to
 * the receiving unit.
 */
export async function aggregateLeadAssignments(
  db: Conn,
  key: AggregateKey,
  f: AggregateFilter,
): Promise<KeyedCounts[]> {
  const needsCase = key === 'area' || key === 'category' || f.categoryId !== undefined;
  const result = await sql<KeyedCounts>`
    select ${assignmentKey(key)} as key,
      count(*) as "leadAssignments",
      count(*) filter (where a.status = 'returned') as "returnedAssignments"
    from case_assignments a
      ${needsCase ? sql`join cases c on c.id = a.case_id` : sql``}
    where a.role = 'lead' and a.assigned_at >= ${f.from} and a.assigned_at < ${f.to}
      ${unitFilter(sql`a.unit_id`, f)}
      ${categoryFilter(f)}
    group by 1`.execute(db);
  return result.rows;
}

export interface UnitRow {
  id: number;
  code: string;
  name: string;
  kind: OrgKind;
  path: string;
  parentKind: OrgKind | null;
}

/** Org units by id (for labelling and rolling up the keys an aggregate returned). */
export async function findUnitsByIds(db: Conn, ids: readonly number[]): Promise<UnitRow[]> {
  if (ids.length === 0) return [];
  const result = await sql<UnitRow>`
    select u.id, u.code, u.name, u.kind, u.path, p.kind as "parentKind"
    from org_units u left join org_units p on p.id = u.parent_id
    where u.id = any(${[...ids]}::int[])`.execute(db);
  return result.rows;
}

/**
 * The units a ranking is made of: streets, and/or top-level departments (a department whose
 * parent is not a department), within the scope.
 */
export async function findRankingUnits(
  db: Conn,
  kinds: readonly ('street' | 'department')[],
  scopePath: string | null,
): Promise<UnitRow[]> {
  const result = await sql<UnitRow>`
    select u.id, u.code, u.name, u.kind, u.path, p.kind as "parentKind"
    from org_units u left join org_units p on p.id = u.parent_id
    where u.kind in (${sql.join(kinds)})
      and not (u.kind = 'department' and coalesce(p.kind, '') = 'department')
      ${scopePath ? sql`and u.path like ${likePrefix(scopePath)}` : sql``}
    order by u.path`.execute(db);
  return result.rows;
}

/** One org unit by id, or undefined. */
export async function findUnit(db: Conn, id: number): Promise<UnitRow | undefined> {
  return (await findUnitsByIds(db, [id]))[0];
}

export interface CategoryLabel {
  id: number;
  code: string;
  name: string;
}

/** Category labels by id. */
export async function findCategoriesByIds(db: Conn, ids: readonly number[]): Promise<CategoryLabel[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('categories').select(['id', 'code', 'name']).where('id', 'in', ids).execute();
}

/** Whether a category exists. */
export async function categoryExists(db: Conn, id: number): Promise<boolean> {
  const row = await db.selectFrom('categories').select('id').where('id', '=', id).executeTakeFirst();
  return row !== undefined;
}
