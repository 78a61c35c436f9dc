import { z } from 'zod';

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'month: YYYY-MM');
/** A day 'YYYY-MM-DD' (midnight China time) or an ISO date-time with its offset. */
const instant = z.union([z.iso.date(), z.iso.datetime({ offset: true })]);
const orgKind = z.enum(['city', 'district', 'street', 'community', 'grid', 'department']);

/** The period of a query: a month, or [from, to); the current month (China time) when neither is given. */
export const periodQuery = z.object({
  month: month.optional(),
  from: instant.optional(),
  to: instant.optional(),
  /** Narrow the scope to this unit's subtree (it must lie inside the caller's own). */
  unitId: z.coerce.number().int().positive().optional(),
  /** Only cases of this category or below it. */
  categoryId: z.coerce.number().int().positive().optional(),
});
export type PeriodQuery = z.infer<typeof periodQuery>;

export const unitsQuery = periodQuery.extend({
  /** lead_unit: each current lead unit; street: lead units rolled up to their street;
   *  area: the unit where the case is; category: the case's category. */
  groupBy: z.enum(['lead_unit', 'street', 'area', 'category']).default('lead_unit'),
  /** Only lead units of this kind. */
  unitKind: orgKind.optional(),
});
export type UnitsQuery = z.infer<typeof unitsQuery>;

export const rankingQuery = z.object({
  /** The month ranked, 'YYYY-MM' (China time); the current month when absent. */
  month: month.optional(),
  /** street: 街乡镇; department: 委办局; all: both in one list. */
  level: z.enum(['street', 'department', 'all']).default('street'),
  unitId: z.coerce.number().int().positive().optional(),
});
export type RankingQuery = z.infer<typeof rankingQuery>;

export const trendQuery = z.object({
  /** Follow this unit's subtree; the caller's whole scope when absent. */
  unitId: z.coerce.number().int().positive().optional(),
  months: z.coerce.number().int().min(1).max(36).default(12),
  /** Last month of the series; the current month when absent. */
  endMonth: month.optional(),
});

const weight = z.number().int().min(0).max(100);
/** Composite weights, integers 0–100 over the seven rates, summing to 100. */
export const weightsBody = z
  .strictObject({
    responseRate: weight,
    solveRate: weight,
    satisfactionRate: weight,
    onTimeRate: weight,
    returnRate: weight,
    repeatRate: weight,
    firstTimeRate: weight,
  })
  .refine((w) => Object.values(w).reduce((s, x) => s + x, 0) === 100, {
    message: 'weights must sum to 100',
  });
export const weightsOut = z.object({
  responseRate: z.number(),
  solveRate: z.number(),
  satisfactionRate: z.number(),
  onTimeRate: z.number(),
  returnRate: z.number(),
  repeatRate: z.number(),
  firstTimeRate: z.number(),
});

const rate = z.number().nullable();
/** Rates as fractions 0–1 (4 decimals); null when the denominator is empty. */
export const ratesOut = z.object({
  responseRate: rate,
  solveRate: rate,
  satisfactionRate: rate,
  onTimeRate: rate,
  returnRate: rate,
  repeatRate: rate,
  firstTimeRate: rate,
});

const count = z.number().int();
/** Every numerator and denominator behind the rates, so a figure can be checked by hand. */
export const countsOut = z.object({
  dispatched: count,
  open: count,
  overdue: count,
  closed: count,
  respondedInTime: count,
  responseDecided: count,
  resolvedInTime: count,
  resolveDecided: count,
  evaluations: count,
  solved: count,
  satisfied: count,
  reports: count,
  closedFirstTime: count,
  leadAssignments: count,
  returnedAssignments: count,
});

/** One row of figures: a unit, a category, a month or the total. */
export const groupOut = z.object({
  group: z.object({
    id: z.number().int().nullable(),
    code: z.string().nullable(),
    name: z.string(),
    /** Org kind, or 'category', 'month', 'total', 'unknown'. */
    kind: z.string(),
  }),
  counts: countsOut,
  rates: ratesOut,
  /** Weighted score 0–100 over the rates present; null when none is. */
  composite: z.number().nullable(),
});

const periodOut = { from: z.iso.datetime({ offset: true }), to: z.iso.datetime({ offset: true }) };

export const summaryOut = z.object({ ...periodOut, weights: weightsOut, total: groupOut });
export const unitsOut = z.object({
  ...periodOut,
  groupBy: z.string(),
  weights: weightsOut,
  items: z.array(groupOut),
});
export const rankingOut = z.object({
  ...periodOut,
  month: z.string(),
  level: z.string(),
  weights: weightsOut,
  items: z.array(groupOut.extend({ rank: z.number().int().nullable() })),
});
export const trendOut = z.object({
  weights: weightsOut,
  items: z.array(groupOut.extend({ month: z.string() })),
});

export const geoQuery = periodQuery.extend({
  /** H3 resolution of the cells: 5 (~250 km²) to 9 (~0.1 km², the stored cell); 7 (~5 km²) suits a district. */
  resolution: z.coerce.number().int().min(5).max(9).default(7),
});
const lonLat = z.tuple([z.number(), z.number()]);
export const geoOut = z.object({
  ...periodOut,
  resolution: z.number().int(),
  total: count,
  located: count,
  hexes: z.array(z.object({ h3: z.string(), count, open: count, overdue: count, boundary: z.array(lonLat) })),
  /** The configured district box; the boundaries themselves are GET /api/geo/areas. */
  bbox: z
    .object({ minLon: z.number(), maxLon: z.number(), minLat: z.number(), maxLat: z.number() })
    .nullable(),
});

export const topicsQuery = z.object({
  /** The recent window in days (ending now). */
  days: z.coerce.number().int().min(1).max(90).default(7),
  /** The baseline window in days, just before the recent one. */
  baselineDays: z.coerce.number().int().min(1).max(365).default(28),
  limit: z.coerce.number().int().min(1).max(50).default(10),
  unitId: z.coerce.number().int().positive().optional(),
});
const topicRow = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  recent: count,
  baseline: count,
  /** recent − baseline × days / baselineDays */
  rise: z.number(),
});
export const topicsOut = z.object({
  days: z.number().int(),
  baselineDays: z.number().int(),
  top: z.array(topicRow),
  rising: z.array(topicRow),
});
