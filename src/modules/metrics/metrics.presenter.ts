import type { GroupMetrics } from './metrics.rollup.js';
import { rateKeys, type Rates } from './metrics.rules.js';

/** Rates rounded to 4 decimals (0.01 %); null stays null. */
export function presentRates(rates: Rates): Rates {
  return Object.fromEntries(
    rateKeys.map((k) => {
      const r = rates[k];
      return [k, r === null ? null : Math.round(r * 10000) / 10000];
    }),
  ) as Rates;
}

/** One row of figures as the API shows it. */
export function presentGroup<T extends GroupMetrics>(g: T): T {
  return { ...g, group: { ...g.group }, counts: { ...g.counts }, rates: presentRates(g.rates) };
}

/** A period as ISO instants. */
export function presentPeriod(p: { from: Date; to: Date }): { from: string; to: string } {
  return { from: p.from.toISOString(), to: p.to.toISOString() };
}
