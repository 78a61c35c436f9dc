import type { Actor } from '../../platform/auth.js';
import type { Conn } from '../../platform/db/index.js';
import type { OrgKind } from '../../platform/db/schema.js';
import { DomainError } from '../../platform/errors.js';
import {
  aggregateCases,
  aggregateLeadAssignments,
  categoryExists,
  findCategoriesByIds,
  findUnit,
  findUnitsByIds,
  type AggregateFilter,
} from './metrics.repository.js';
import { finish, mergeByKey, unitLabel, type GroupLabel, type GroupMetrics } from './metrics.rollup.js';
import { emptyCounts, monthOf, monthPeriod, monthsEnding, type Weights } from './metrics.rules.js';
import { rolledUpGroups } from './ranking.service.js';
import { getWeights } from './weights.service.js';

export type GroupBy = 'lead_unit' | 'street' | 'area' | 'category';

export interface UnitMetricsQuery {
  from: Date;
  to: Date;
  groupBy: GroupBy;
  /** Only lead units in this org subtree. */
  scopePath?: string | null;
  /** Only cases in this category or below it. */
  categoryId?: number;
  /** Only lead units of this kind. */
  unitKind?: OrgKind;
}

/**
 * The data scope of an actor for metrics: its own unit's subtree, narrowed to `unitId` when
 * given (which must lie inside it). Centre roles without a unit see the whole tree (null);
 * a handler without a unit sees nothing.
 */
export async function resolveScope(db: Conn, actor: Actor, unitId?: number): Promise<string | null> {
  const base = actor.unitPath;
  if (base === null && actor.role === 'handler') throw new DomainError('forbidden', 'handler without a unit');
  if (unitId === undefined) return base;
  const unit = await findUnit(db, unitId);
  if (!unit) throw new DomainError('unit_not_found');
  if (base !== null && !unit.path.startsWith(base)) throw new DomainError('out_of_scope');
  return unit.path;
}

/** Refuses an unknown category filter (422 unknown_category). */
export async function checkCategory(db: Conn, categoryId: number | undefined): Promise<void> {
  if (categoryId !== undefined && !(await categoryExists(db, categoryId))) {
    throw new DomainError('unknown_category');
  }
}

async function labels(
  db: Conn,
  groupBy: Exclude<GroupBy, 'street'>,
  keys: (number | string | null)[],
): Promise<Map<unknown, GroupLabel>> {
  const ids = keys.filter((k): k is number => typeof k === 'number');
  const out = new Map<unknown, GroupLabel>();
  if (groupBy === 'category') {
    for (const c of await findCategoriesByIds(db, ids)) out.set(c.id, { ...c, kind: 'category' });
    out.set(null, { id: null, code: null, name: '未分类', kind: 'category' });
  } else {
    for (const u of await findUnitsByIds(db, ids)) out.set(u.id, unitLabel(u));
    out.set(null, { id: null, code: null, name: '未定位', kind: 'unknown' });
  }
  return out;
}

/**
 * Metrics of the cases first dispatched in [from, to), per current lead unit, per street (lead
 * units rolled up to their street), per area unit (where the case is) or per category.
 * Groups are ordered by code; every street in scope appears when grouping by street.
 */
export async function unitMetrics(db: Conn, q: UnitMetricsQuery, weights?: Weights): Promise<GroupMetrics[]> {
  await checkCategory(db, q.categoryId);
  const w = weights ?? (await getWeights(db));
  const f: AggregateFilter = q;
  if (q.groupBy === 'street') return rolledUpGroups(db, ['street'], f, w);
  const [caseRows, assignmentRows] = await Promise.all([
    aggregateCases(db, q.groupBy, f),
    aggregateLeadAssignments(db, q.groupBy, f),
  ]);
  const counts = mergeByKey(caseRows, assignmentRows);
  const names = await labels(db, q.groupBy, [...counts.keys()]);
  const unknown: GroupLabel = { id: null, code: null, name: '?', kind: 'unknown' };
  const groups = [...counts].map(([k, c]) => finish(names.get(k) ?? unknown, c, w));
  return groups.sort((a, b) => (a.group.code ?? '\uffff').localeCompare(b.group.code ?? '\uffff'));
}

/** The figures of everything in scope over [from, to) as one group. */
export async function summary(
  db: Conn,
  q: Omit<UnitMetricsQuery, 'groupBy'>,
  weights?: Weights,
): Promise<GroupMetrics> {
  await checkCategory(db, q.categoryId);
  const w = weights ?? (await getWeights(db));
  const counts = mergeByKey(
    await aggregateCases(db, 'none', q),
    await aggregateLeadAssignments(db, 'none', q),
  );
  const label: GroupLabel = { id: null, code: null, name: '合计', kind: 'total' };
  return finish(label, counts.get(0) ?? emptyCounts(), w);
}

export interface TrendQuery {
  /** The unit whose subtree to follow; everything in scope when absent. */
  unitId?: number;
  /** How many months, ending with `endMonth`. */
  months: number;
  /** Last month 'YYYY-MM' (China time); the current month when absent. */
  endMonth?: string;
  scopePath?: string | null;
}

/** Month-by-month figures of a unit's subtree (or the whole scope), oldest month first. */
export async function trend(
  db: Conn,
  q: TrendQuery,
  weights?: Weights,
): Promise<(GroupMetrics & { month: string })[]> {
  let scopePath = q.scopePath ?? null;
  if (q.unitId !== undefined) {
    const unit = await findUnit(db, q.unitId);
    if (!unit) throw new DomainError('unit_not_found');
    if (scopePath !== null && !unit.path.startsWith(scopePath)) throw new DomainError('out_of_scope');
    scopePath = unit.path;
  }
  const w = weights ?? (await getWeights(db));
  const months = monthsEnding(q.endMonth ?? monthOf(new Date()), q.months);
  const f: AggregateFilter = {
    from: monthPeriod(months[0]!).from,
    to: monthPeriod(months[months.length - 1]!).to,
    scopePath,
  };
  const counts = mergeByKey(
    await aggregateCases(db, 'month', f),
    await aggregateLeadAssignments(db, 'month', f),
  );
  return months.map((month) => ({
    month,
    ...finish({ id: null, code: month, name: month, kind: 'month' }, counts.get(month) ?? emptyCounts(), w),
  }));
}
