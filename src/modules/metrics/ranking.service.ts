import type { Conn } from '../../platform/db/index.js';
import {
  aggregateCases,
  aggregateLeadAssignments,
  findRankingUnits,
  findUnitsByIds,
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
 * Ranks streets and/or top-level departments over the cases first dispatched in [from, to):
 * each unit's figures are those of every case led by a unit in its subtree. Composite descending,
 * ties by 满意率 then name. One aggregate pass per table, grouped by lead unit, then rolled up.
 */
export async function rankUnits(db: Conn, q: RankingQuery, weights?: Weights): Promise<RankedGroup[]> {
  const w = weights ?? (await getWeights(db));
  const kinds = q.level === 'all' ? (['street', 'department'] as const) : ([q.level] as const);
  const f = { from: q.from, to: q.to, scopePath: q.scopePath ?? null };
  const [targets, caseRows, assignmentRows] = await Promise.all([
    findRankingUnits(db, kinds, f.scopePath),
    aggregateCases(db, 'lead_unit', f),
    aggregateLeadAssignments(db, 'lead_unit', f),
  ]);
  const perUnit = mergeByKey(caseRows, assignmentRows);
  const units = await findUnitsByIds(
    db,
    [...perUnit.keys()].filter((k): k is number => typeof k === 'number'),
  );
  const rolled = rollUp(perUnit, units, targets);
  const groups = targets.map((t) => ({
    ...finish(unitLabel(t), rolled.get(t.id) ?? emptyCounts(), w),
    name: t.name,
  }));
  return rankGroups(groups).map(({ name: _name, ...row }) => row);
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
