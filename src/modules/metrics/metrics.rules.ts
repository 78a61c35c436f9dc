import { DomainError } from '../../platform/errors.js';

/**
 * Pure rules of the metrics: how raw counts become rates, how rates become the composite score,
 * how a month maps to an instant range, and how a ranking is ordered. No I/O here.
 * Definitions are written out in docs/METRICS.md; keep the two in step.
 */

/** The seven rates, each a fraction in [0, 1] or null when its denominator is empty. */
export const rateKeys = [
  'responseRate',
  'solveRate',
  'satisfactionRate',
  'onTimeRate',
  'returnRate',
  'repeatRate',
  'firstTimeRate',
] as const;
export type RateKey = (typeof rateKeys)[number];
export type Rates = Record<RateKey, number | null>;
export type Weights = Record<RateKey, number>;

/** Rates where lower is better: the composite scores them as 1 − rate. */
export const lowerIsBetter: ReadonlySet<RateKey> = new Set<RateKey>(['returnRate', 'repeatRate']);

/** Chinese names used in exports and docs. */
export const rateNames: Record<RateKey, string> = {
  responseRate: '响应率',
  solveRate: '解决率',
  satisfactionRate: '满意率',
  onTimeRate: '按期办结率',
  returnRate: '退单率',
  repeatRate: '重复诉求率',
  firstTimeRate: '一次办结率',
};

/** 30/35/35 over the 三率, as many localities weigh them. */
export const defaultWeights: Weights = {
  responseRate: 30,
  solveRate: 35,
  satisfactionRate: 35,
  onTimeRate: 0,
  returnRate: 0,
  repeatRate: 0,
  firstTimeRate: 0,
};

/** The numerators and denominators behind every figure of one group (all non-negative integers). */
export interface Counts {
  /** Cases first dispatched in the period (the population). */
  dispatched: number;
  /** Of those, not closed yet. */
  open: number;
  /** Of those, marked overdue on the response or the resolve deadline. */
  overdue: number;
  /** Of those, closed (结案). */
  closed: number;
  respondedInTime: number;
  responseDecided: number;
  resolvedInTime: number;
  resolveDecided: number;
  evaluations: number;
  solved: number;
  satisfied: number;
  reports: number;
  closedFirstTime: number;
  /** Lead assignments the group's units received in the period, and how many they returned. */
  leadAssignments: number;
  returnedAssignments: number;
}

export const countKeys = [
  'dispatched',
  'open',
  'overdue',
  'closed',
  'respondedInTime',
  'responseDecided',
  'resolvedInTime',
  'resolveDecided',
  'evaluations',
  'solved',
  'satisfied',
  'reports',
  'closedFirstTime',
  'leadAssignments',
  'returnedAssignments',
] as const satisfies readonly (keyof Counts)[];

export function emptyCounts(): Counts {
  return Object.fromEntries(countKeys.map((k) => [k, 0])) as unknown as Counts;
}

/** Adds b into a (for rolling units up to a street or a department). */
export function addCounts(a: Counts, b: Partial<Counts>): Counts {
  for (const k of countKeys) a[k] += b[k] ?? 0;
  return a;
}

function ratio(numerator: number, denominator: number): number | null {
  return denominator > 0 ? numerator / denominator : null;
}

/** Every rate of a group; a rate whose denominator is zero is null (not 0, not 100). */
export function computeRates(c: Counts): Rates {
  return {
    responseRate: ratio(c.respondedInTime, c.responseDecided),
    solveRate: ratio(c.solved, c.evaluations),
    satisfactionRate: ratio(c.satisfied, c.evaluations),
    onTimeRate: ratio(c.resolvedInTime, c.resolveDecided),
    returnRate: ratio(c.returnedAssignments, c.leadAssignments),
    repeatRate: ratio(c.reports - c.dispatched, c.reports),
    firstTimeRate: ratio(c.closedFirstTime, c.closed),
  };
}

/**
 * Composite score 0–100: the weighted mean of the rates that are present (non-null, weight > 0),
 * re-normalised over their weights, so a unit with no evaluations yet is scored on what it has.
 * Lower-is-better rates count as 1 − rate. Null when no weighted rate is present.
 * Rounded to 2 decimals: that is the published score, and the ranking compares it.
 */
export function compositeScore(rates: Rates, weights: Weights): number | null {
  let weighted = 0;
  let total = 0;
  for (const k of rateKeys) {
    const r = rates[k];
    const w = weights[k];
    if (r === null || w <= 0) continue;
    weighted += w * (lowerIsBetter.has(k) ? 1 - r : r);
    total += w;
  }
  if (total === 0) return null;
  return Math.round((weighted / total) * 10000) / 100;
}

/** Problems with a weight set, empty when valid: integers 0–100 over every rate, summing to 100. */
export function weightProblems(weights: Record<string, unknown>): string[] {
  const problems: string[] = [];
  for (const k of rateKeys) {
    const w = weights[k];
    if (typeof w !== 'number' || !Number.isInteger(w) || w < 0 || w > 100) {
      problems.push(`${k} must be an integer from 0 to 100`);
    }
  }
  for (const k of Object.keys(weights)) {
    if (!(rateKeys as readonly string[]).includes(k)) problems.push(`${k} is not a rate`);
  }
  if (problems.length === 0) {
    const sum = rateKeys.reduce((s, k) => s + (weights[k] as number), 0);
    if (sum !== 100) problems.push(`weights must sum to 100, not ${sum}`);
  }
  return problems;
}

/** Months and days are counted in China Standard Time (no daylight saving). */
export const CITY_UTC_OFFSET = '+08:00';
const OFFSET_MS = 8 * 3600_000;

export interface Period {
  from: Date;
  to: Date;
}

/** The instants [from, to) of a calendar month 'YYYY-MM' in China Standard Time. */
export function monthPeriod(month: string): Period {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  if (!m) throw new RangeError(`bad month ${month}`);
  const year = Number(m[1]);
  const mon = Number(m[2]);
  return {
    from: new Date(Date.UTC(year, mon - 1, 1) - OFFSET_MS),
    to: new Date(Date.UTC(year, mon, 1) - OFFSET_MS),
  };
}

/** The month 'YYYY-MM' (China Standard Time) an instant falls in. */
export function monthOf(at: Date): string {
  return new Date(at.getTime() + OFFSET_MS).toISOString().slice(0, 7);
}

/** The `count` months ending with `last`, oldest first. */
export function monthsEnding(last: string, count: number): string[] {
  const { from } = monthPeriod(last);
  const shifted = new Date(from.getTime() + OFFSET_MS);
  const out: string[] = [];
  for (let i = count - 1; i >= 0; i--) {
    const d = new Date(Date.UTC(shifted.getUTCFullYear(), shifted.getUTCMonth() - i, 1));
    out.push(d.toISOString().slice(0, 7));
  }
  return out;
}

/** Midnight China Standard Time of a 'YYYY-MM-DD' day, or the instant an ISO date-time names. */
export function parseInstant(value: string): Date {
  return /^\d{4}-\d{2}-\d{2}$/.test(value)
    ? new Date(`${value}T00:00:00${CITY_UTC_OFFSET}`)
    : new Date(value);
}

interface Rankable {
  composite: number | null;
  rates: Rates;
  name: string;
}

const collator = new Intl.Collator('zh-Hans-CN');

function desc(a: number | null, b: number | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return b - a;
}

/**
 * Ranking order: composite descending, ties by 满意率 descending, then by name (pinyin order).
 * Groups without a composite go last. Returns new objects carrying `rank` (null when unscored).
 */
export function rankGroups<T extends Rankable>(groups: readonly T[]): (T & { rank: number | null })[] {
  const sorted = [...groups].sort(
    (a, b) =>
      desc(a.composite, b.composite) ||
      desc(a.rates.satisfactionRate, b.rates.satisfactionRate) ||
      collator.compare(a.name, b.name),
  );
  return sorted.map((g, i) => ({ ...g, rank: g.composite === null ? null : i + 1 }));
}

/**
 * The period a query names: `month`, or `from`/`to` (both), or the current month (China time).
 * Throws a DomainError when the range is half-given or empty.
 */
export function periodFrom(q: { month?: string; from?: string; to?: string }, now = new Date()): Period {
  if (q.month) return monthPeriod(q.month);
  if (q.from === undefined && q.to === undefined) return monthPeriod(monthOf(now));
  if (q.from === undefined || q.to === undefined) {
    throw new DomainError('validation_failed', 'give both from and to, or a month');
  }
  const period = { from: parseInstant(q.from), to: parseInstant(q.to) };
  if (!(period.from < period.to)) throw new DomainError('validation_failed', 'from must be before to');
  return period;
}
