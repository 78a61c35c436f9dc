import type { Module } from '../module.js';
import { metricsRoutes } from './metrics.routes.js';
export { metricsReaders } from './metrics.routes.js';

/** 三率 and the rest per unit, street, area, category and month; the monthly ranking and its exports. */
export const metricsModule: Module = { name: 'metrics', routes: metricsRoutes };

export {
  resolveScope,
  summary,
  trend,
  unitMetrics,
  type GroupBy,
  type UnitMetricsQuery,
} from './metrics.service.js';
export {
  monthlyRanking,
  rankUnits,
  type Ranking,
  type RankingLevel,
  type RankedGroup,
} from './ranking.service.js';
export { getWeights, setWeights } from './weights.service.js';
export type { GroupMetrics, GroupLabel } from './metrics.rollup.js';
export {
  compositeScore,
  computeRates,
  defaultWeights,
  monthOf,
  monthPeriod,
  rateKeys,
  rateNames,
  type Counts,
  type RateKey,
  type Rates,
  type Weights,
} from './metrics.rules.js';
export { rankingCsv, rankingXlsx } from './metrics.export.js';
