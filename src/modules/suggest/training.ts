import type { AppContext } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import type { LabelMap } from '../../platform/db/schema.js';
import { DomainError } from '../../platform/errors.js';
import { runInWorker, WorkerError } from '../../platform/workers.js';
import type { Example } from '../classifier/index.js';
import type { JobStep } from '../jobs/index.js';
import type { Evaluation } from './evaluate.js';
import { activateModel, registerModel, type ModelEntry } from './registry.js';
import type { TrainingOutcome, TrainingProgress, TrainingTask } from './training.worker.js';

/** Fewest labelled cases a model is trained from; below this the dispatcher is better alone. */
export const MIN_DB_EXAMPLES = 50;

export interface FromDbOptions {
  /** What the model predicts: the accepting unit (default) or the leaf category. */
  label: 'unit' | 'category';
  /** Only labels of the last N days (a city's catalogue changes; old habits fade). */
  sinceDays?: number;
  activate: boolean;
  createdBy: number | null;
  /** Told after each step (0..1 and what is next). */
  onProgress?: (progress: number, step: JobStep) => Promise<void>;
}

/**
 * `train --from-db`: learns from the city's own handling — each case's text labelled with the
 * unit that accepted it as lead (or its category) — cross-validates, and registers the model as
 * the next version (active only when asked). Unit labels carry the unit's most frequent category,
 * which auto-dispatch needs for deadlines. The cross-validation and the final fit run in a worker
 * thread (training.worker.ts): the process's event loop keeps answering requests meanwhile.
 */
export async function trainFromDb(
  ctx: AppContext,
  db: Db,
  options: FromDbOptions,
): Promise<{ entry: ModelEntry; evaluation: Evaluation }> {
  let q = db
    .selectFrom('training_labels as t')
    .innerJoin('org_units as u', 'u.id', 't.unit_id')
    .leftJoin('categories as c', 'c.id', 't.category_id')
    .select(['t.text', 'u.code as unit_code', 'c.code as category_code']);
  if (options.sinceDays) {
    q = q.where('t.labelled_at', '>=', new Date(Date.now() - options.sinceDays * 86_400_000));
  }
  const report = async (progress: number, step: JobStep) => {
    await options.onProgress?.(progress, step);
  };
  await report(0.02, { key: 'reading_labels' });
  const rows = await q.orderBy('t.case_id').execute();
  const usable = rows.filter((r) => options.label === 'unit' || r.category_code !== null);
  const examples: Example[] = usable.map((r) => ({
    text: r.text,
    label: options.label === 'unit' ? r.unit_code : r.category_code!,
  }));
  const classes = new Set(examples.map((e) => e.label));
  if (examples.length < MIN_DB_EXAMPLES || classes.size < 2) {
    throw new DomainError(
      'validation_failed',
      `training needs at least ${MIN_DB_EXAMPLES} labelled cases in 2 or more classes; the database has ` +
        `${examples.length} in ${classes.size}`,
      { needed: MIN_DB_EXAMPLES, examples: examples.length, classes: classes.size },
    );
  }
  // Cross-validation is most of the work: 5 models on 4/5 of the data; then the final model.
  await report(0.05, { key: 'cross_validating', total: examples.length });
  const task: TrainingTask = { examples, threshold: ctx.config.AUTO_DISPATCH_CONFIDENCE };
  const { evaluation, model } = await runInWorker<TrainingProgress, TrainingOutcome>(
    'training-worker',
    task,
    (p) =>
      p.step === 'fold'
        ? report(0.05 + 0.75 * (p.fold / p.folds), { key: 'fold', done: p.fold, total: p.folds })
        : report(0.8, { key: 'final_fit' }),
  ).catch((error: unknown) => {
    // The classifier's refusals (text without Chinese, …) are the data's fault, not the server's.
    if (error instanceof WorkerError && error.workerName === 'ClassifierError') {
      throw new DomainError('validation_failed', error.message, { reason: error.code });
    }
    throw error;
  });
  await report(0.95, { key: 'registering' });
  const labelMap: LabelMap = {};
  if (options.label === 'unit') {
    for (const label of classes) {
      const counts = new Map<string, number>();
      for (const r of usable) {
        if (r.unit_code === label && r.category_code) {
          counts.set(r.category_code, (counts.get(r.category_code) ?? 0) + 1);
        }
      }
      const top = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0];
      labelMap[label] = { unitCode: label, ...(top ? { categoryCode: top[0] } : {}) };
    }
  } else {
    for (const label of classes) labelMap[label] = { categoryCode: label };
  }
  const entry = await registerModel(ctx, db, {
    name: `db-${options.label}-${new Date().toISOString().slice(0, 10)}`,
    source: 'db',
    bytes: Buffer.from(model),
    labelMap,
    metrics: { crossValidation: evaluation },
    createdBy: options.createdBy,
  });
  if (options.activate)
    return { entry: await activateModel(ctx, db, entry.version, options.createdBy), evaluation };
  return { entry, evaluation };
}
