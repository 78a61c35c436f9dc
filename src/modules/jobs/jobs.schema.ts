import { z } from 'zod';

/**
 * What a job does; each kind is started by its own route: model_training by POST /api/models/train,
 * case_export and ranking_export by POST /api/exports (their file at GET /api/jobs/{id}/file),
 * polygon_import by POST /api/geo/polygons.
 */
export const jobKinds = ['model_training', 'case_export', 'ranking_export', 'polygon_import'] as const;
export type JobKind = (typeof jobKinds)[number];

export const jobStatuses = ['running', 'succeeded', 'failed'] as const;

/**
 * The steps a run reports, a closed list so clients can word them in their own language; `done` and
 * `total` count what the step counts (folds, cases, features).
 */
export const jobStepKeys = [
  'reading_labels',
  'cross_validating',
  'fold',
  'final_fit',
  'registering',
  'reading_cases',
  'cases',
  'ranking',
  'writing_file',
  'saving_file',
  'features',
] as const;
export type JobStepKey = (typeof jobStepKeys)[number];

export const jobStepOut = z.object({
  key: z.enum(jobStepKeys),
  done: z.number().optional(),
  total: z.number().optional(),
});
export type JobStep = z.infer<typeof jobStepOut>;

/** A long operation's run as the API shows it; clients poll GET /api/jobs/{id} until it is not running. */
export const jobOut = z.object({
  id: z.string(),
  kind: z.enum(jobKinds),
  status: z.enum(jobStatuses),
  /** 0..1; 1 once succeeded. */
  progress: z.number(),
  /** The current step while running (clients word it from `key`). */
  step: jobStepOut.nullable(),
  /** The same step in English words. */
  message: z.string().nullable(),
  /** What the run was asked to do. */
  params: z.record(z.string(), z.unknown()),
  /**
   * The kind's own result once succeeded (model_training: the new version and its scores; exports:
   * the file's name and row count; polygon_import: what was imported).
   */
  result: z.unknown(),
  /** Why it failed: a stable error code and a message. */
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }).nullable(),
  createdBy: z.number().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type JobOut = z.infer<typeof jobOut>;

export const jobParams = z.strictObject({ id: z.uuid() });

export const jobListQuery = z.strictObject({
  kind: z.enum(jobKinds).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

export const jobListOut = z.object({ items: z.array(jobOut) });
