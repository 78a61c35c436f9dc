import type { KeyedCounts, UnitRow } from './metrics.repository.js';
import {
  addCounts,
  compositeScore,
  computeRates,
  emptyCounts,
  type Counts,
  type Rates,
  type Weights,
} from './metrics.rules.js';

/** What a row of metrics is about: an org unit, a category, a month, or everything in scope. */
export interface GroupLabel {
  id: number | null;
  code: string | null;
  name: string;
  kind: string;
}

/** The figures of one group. */
export interface GroupMetrics {
  group: GroupLabel;
  counts: Counts;
  rates: Rates;
  composite: number | null;
}

/** Merges the case and assignment aggregates into counts per key. */
export function mergeByKey(...sources: KeyedCounts[][]): Map<number | string | null, Counts> {
  const out = new Map<number | string | null, Counts>();
  for (const rows of sources) {
    for (const { key, ...counts } of rows) {
      let acc = out.get(key);
      if (!acc) out.set(key, (acc = emptyCounts()));
      addCounts(acc, counts);
    }
  }
  return out;
}

/** Finishes a group: rates from counts, composite from rates. */
export function finish(group: GroupLabel, counts: Counts, weights: Weights): GroupMetrics {
  const rates = computeRates(counts);
  return { group, counts, rates, composite: compositeScore(rates, weights) };
}

export function unitLabel(u: Pick<UnitRow, 'id' | 'code' | 'name' | 'kind'>): GroupLabel {
  return { id: u.id, code: u.code, name: u.name, kind: u.kind };
}

/**
 * Rolls per-unit counts up to target units (streets, departments): a unit's counts go to the
 * target whose path is the longest prefix of the unit's path. Units under no target are dropped.
 * Every target appears, with zero counts when nothing fell to it.
 */
export function rollUp(
  perUnit: Map<number | string | null, Counts>,
  units: readonly UnitRow[],
  targets: readonly UnitRow[],
): Map<number, Counts> {
  const byPath = new Map(targets.map((t) => [t.path, t.id]));
  const out = new Map<number, Counts>(targets.map((t) => [t.id, emptyCounts()]));
  for (const unit of units) {
    const counts = perUnit.get(unit.id);
    if (!counts) continue;
    const target = out.get(ancestorTarget(unit.path, byPath) ?? -1);
    if (target) addCounts(target, counts);
  }
  return out;
}

/** The nearest ancestor-or-self path (paths end in '/') found in `byPath`. */
function ancestorTarget(path: string, byPath: Map<string, number>): number | undefined {
  const segments = path.split('/').filter(Boolean);
  for (let n = segments.length; n > 0; n--) {
    const hit = byPath.get(`${segments.slice(0, n).join('/')}/`);
    if (hit !== undefined) return hit;
  }
  return undefined;
}
