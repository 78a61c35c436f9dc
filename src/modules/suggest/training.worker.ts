/**
 * The CPU-bound part of retraining, in a worker thread (started by training.ts through
 * platform/workers.ts): cross-validation fold by fold, then the final fit. The server's event loop
 * stays free for requests meanwhile; progress goes back as messages.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { WorkerMessage } from '../../platform/workers.js';
import { serializeModel } from '../classifier/format.js';
import { trainModel, type Example } from '../classifier/model.js';
import { crossValidation, type Evaluation } from './evaluate.js';

export interface TrainingTask {
  examples: Example[];
  /** The auto-dispatch confidence the evaluation reports against. */
  threshold: number;
}

/** A fold done, or the final fit begun. */
export type TrainingProgress = { step: 'fold'; fold: number; folds: number } | { step: 'final' };

export interface TrainingOutcome {
  evaluation: Evaluation;
  /** The final model's file (format.ts). */
  model: Uint8Array;
}

const post = (m: WorkerMessage<TrainingProgress, TrainingOutcome>) => parentPort!.postMessage(m);

try {
  const { examples, threshold } = workerData as TrainingTask;
  const folds = crossValidation(examples, threshold);
  let step = folds.next();
  while (!step.done) {
    post({ type: 'progress', progress: { step: 'fold', ...step.value } });
    step = folds.next();
  }
  post({ type: 'progress', progress: { step: 'final' } });
  const model = new Uint8Array(serializeModel(trainModel(examples)));
  post({ type: 'done', value: { evaluation: step.value, model } });
} catch (error) {
  const e = error instanceof Error ? error : new Error(String(error));
  const code = 'code' in e && typeof e.code === 'string' ? e.code : undefined;
  post({ type: 'failed', error: { name: e.name, code, message: e.message } });
}
