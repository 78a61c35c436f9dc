import type { JobRow } from './jobs.repository.js';
import type { JobKind, JobOut } from './jobs.schema.js';

export function presentJob(row: JobRow): JobOut {
  return {
    id: row.id,
    kind: row.kind as JobKind,
    status: row.status,
    progress: Number(row.progress),
    message: row.message,
    params: row.params,
    result: row.result ?? null,
    error: row.error,
    createdBy: row.created_by,
    createdAt: row.created_at.toISOString(),
    finishedAt: row.finished_at?.toISOString() ?? null,
  };
}
