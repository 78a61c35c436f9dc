import type { JobRow } from './jobs.repository.js';
import { jobStepOut, type JobKind, type JobOut, type JobStep, type JobStepKey } from './jobs.schema.js';

const english: Record<JobStepKey, (s: JobStep) => string> = {
  reading_labels: () => 'reading labelled cases',
  cross_validating: (s) => `cross-validating ${s.total ?? ''} cases`,
  fold: (s) => `fold ${s.done}/${s.total} done`,
  final_fit: () => 'fitting the final model',
  registering: () => 'registering the model',
  reading_cases: () => 'reading the cases',
  cases: (s) => `${s.done}/${s.total} cases`,
  ranking: () => 'ranking the units',
  writing_file: () => 'writing the file',
  saving_file: () => 'saving the file',
  features: (s) => `${s.done}/${s.total} features`,
};

/** A step in English words (the API's `message`, the command line's progress lines). */
export function stepText(step: JobStep): string {
  return english[step.key](step);
}

/** The step a row stores as JSON in its message column (null when none, or not a known step). */
function storedStep(message: string | null): JobStep | null {
  if (!message) return null;
  try {
    const parsed = jobStepOut.safeParse(JSON.parse(message));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function presentJob(row: JobRow): JobOut {
  const step = storedStep(row.message);
  return {
    id: row.id,
    kind: row.kind as JobKind,
    status: row.status,
    progress: Number(row.progress),
    step,
    message: step ? stepText(step) : row.message,
    params: row.params,
    result: row.result ?? null,
    error: row.error,
    createdBy: row.created_by,
    createdAt: row.created_at.toISOString(),
    finishedAt: row.finished_at?.toISOString() ?? null,
  };
}
