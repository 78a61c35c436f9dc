import type { Conn } from '../../platform/db/index.js';
import {
  aggregateCases,
  aggregateLeadAssignments,
  findRankingUnits,
  findUnitsByIds,
  type AggregateFilter,
} from './metrics.repository.js';
import { finish, mergeByKey, rollUp, unitLabel, type GroupMetrics } from './metrics.rollup.js';
import { emptyCounts, monthPeriod, rankGroups, type Weights } from './metrics.rules.js';
import { getWeights } from './weights.service.js';

export type RankingLevel = 'street' | 'department' | 'all';

/** One row of a ranking; `rank` is null for a unit with nothing to score in the period. */
export type RankedGroup = GroupMetrics & { rank: number | null };

export interface Ranking {
  month: string | null;
  from: Date;
  to: Date;
  level: RankingLevel;
  weights: Weights;
  rows: RankedGroup[];
}

export interface RankingQuery {
  from: Date;
  to: Date;
  level: RankingLevel;
  /** Only units (and cases led by units) in this org subtree. */
  scopePath?: string | null;
}

/**
 * The figures of streets and/or top-level departments: each unit's are those of every case led
 * by a unit in its subtree (and of the lead assignments such units received). Every such unit in
 * scope appears, with zeros when nothing fell to it. One aggregate pass per table, grouped by lead
 * unit (run concurrently), then rolled up in memory by path prefix.
 */
export async function rolledUpGroups(
  db: Conn,
  kinds: readonly ('street' | 'department')[],
  f: AggregateFilter,
  weights: Weights,
): Promise<GroupMetrics[]> {
  const [targets, caseRows, assignmentRows] = await Promise.all([
    findRankingUnits(db, kinds, f.scopePath ?? null),
    aggregateCases(db, 'lead_unit', f),
    aggregateLeadAssignments(db, 'lead_unit', f),
  ]);
  const perUnit = mergeByKey(caseRows, assignmentRows);
  const units = await findUnitsByIds(
    db,
    [...perUnit.keys()].filter((k): k is number => typeof k === 'number'),
  );
  const rolled = rollUp(perUnit, units, targets);
  return targets.map((t) => finish(unitLabel(t), rolled.get(t.id) ?? emptyCounts(), weights));
}

/**
 * Ranks streets and/or top-level departments over the cases first dispatched in [from, to):
 * composite descending, ties by 满意率 then name; units without a composite last, unranked.
 */
export async function rankUnits(db: Conn, q: RankingQuery, weights?: Weights): Promise<RankedGroup[]> {
  const w = weights ?? (await getWeights(db));
  const kinds = q.level === 'all' ? (['street', 'department'] as const) : ([q.level] as const);
  const groups = await rolledUpGroups(
    db,
    kinds,
    { from: q.from, to: q.to, scopePath: q.scopePath ?? null },
    w,
  );
  return rankGroups(groups.map((g) => ({ ...g, name: g.group.name }))).map(({ name: _name, ...row }) => row);
}

/** The monthly ranking of `month` ('YYYY-MM', China time) at a level, within a scope. */
export async function monthlyRanking(
  db: Conn,
  q: { month: string; level: RankingLevel; scopePath?: string | null },
  weights?: Weights,
): Promise<Ranking> {
  const w = weights ?? (await getWeights(db));
  const { from, to } = monthPeriod(q.month);
  const rows = await rankUnits(db, { from, to, level: q.level, scopePath: q.scopePath }, w);
  return { month: q.month, from, to, level: q.level, weights: w, rows };
}
