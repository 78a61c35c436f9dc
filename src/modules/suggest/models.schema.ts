import { z } from 'zod';

/** A classifier model version in the registry (never its bytes). */
export const modelOut = z.object({
  version: z.number(),
  name: z.string(),
  /** `file:<name>` (imported) or `db` (trained from the city's own handling). */
  source: z.string(),
  /** Each label → the category and/or unit a report with that label goes to. */
  labels: z.record(
    z.string(),
    z.object({ categoryCode: z.string().optional(), unitCode: z.string().optional() }),
  ),
  /** Training metrics; `crossValidation` (macroF1, accuracy, autoDispatch, …) for trained versions. */
  metrics: z.record(z.string(), z.unknown()),
  examples: z.number(),
  sha256: z.string(),
  sizeBytes: z.number(),
  active: z.boolean(),
  createdAt: z.string(),
  activatedAt: z.string().nullable(),
});

/** How a version's suggestions fared against the units that accepted the cases. */
const liveOut = z
  .object({
    suggested: z.number(),
    autoDispatched: z.number(),
    labelled: z.number(),
    accuracy: z.number().nullable(),
    autoAccuracy: z.number().nullable(),
  })
  .nullable();

export const modelListOut = z.object({
  items: z.array(modelOut.extend({ live: liveOut })),
  /** The active version cannot be read (older format, damaged): intake runs without suggestions. */
  activeProblem: z.object({ version: z.number(), code: z.string(), message: z.string() }).nullable(),
});

export const trainBody = z.strictObject({
  /** What the model predicts: the accepting unit (default) or the leaf category. */
  label: z.enum(['unit', 'category']).default('unit'),
  /** Only labels of the last N days. */
  sinceDays: z.number().int().min(1).max(3650).optional(),
  /** Make the new version active when training succeeds. */
  activate: z.boolean().default(false),
});

/** What a model_training job's result holds. */
export const trainingResult = z.object({
  version: z.number(),
  name: z.string(),
  active: z.boolean(),
  examples: z.number(),
  folds: z.number(),
  macroF1: z.number(),
  accuracy: z.number(),
});
export type TrainingResult = z.infer<typeof trainingResult>;
