import { z } from 'zod';

/** A local day in Asia/Shanghai, `YYYY-MM-DD`. */
export const dayString = z.iso.date();

export const dayParams = z.strictObject({ day: dayString });

export const overrideBody = z.strictObject({
  /** true = a working day (e.g. a make-up Saturday), false = a day off (e.g. a 2027 holiday). */
  isWorkday: z.boolean(),
  /** Why, e.g. `2027 国庆节` or `调休上班`. */
  note: z.string().trim().min(1).max(200).nullable().default(null),
});
export type OverrideInput = z.infer<typeof overrideBody>;

export const overridesQuery = z.strictObject({ from: dayString.optional(), to: dayString.optional() });

export const daysQuery = z.strictObject({ from: dayString, to: dayString });

export const overrideSchema = z.object({
  day: z.string(),
  isWorkday: z.boolean(),
  note: z.string().nullable(),
  createdAt: z.string(),
});

export const coverageSchema = z.object({
  /** Years the holiday package knows. */
  years: z.array(z.number()),
  firstYear: z.number(),
  lastYear: z.number(),
});

export const overridesResponse = z.object({ overrides: z.array(overrideSchema), coverage: coverageSchema });

export const daySchema = z.object({
  day: z.string(),
  isWorkday: z.boolean(),
  /** override | makeup (调休上班) | holiday | weekend | weekday */
  source: z.enum(['override', 'makeup', 'holiday', 'weekend', 'weekday']),
  name: z.string().nullable(),
});

export const daysResponse = z.object({
  days: z.array(daySchema),
  coverage: coverageSchema,
  /** Requested years the package has no holiday data for: only weekends and overrides apply. */
  uncoveredYears: z.array(z.number()),
  warnings: z.array(z.string()),
});

export const statusResponse = z.object({ coverage: coverageSchema, warnings: z.array(z.string()) });
