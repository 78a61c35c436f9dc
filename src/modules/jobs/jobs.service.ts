import type { Actor } from '../../platform/auth.js';
import type { AppContext } from '../../platform/context.js';
import type { Conn } from '../../platform/db/index.js';
import { DomainError } from '../../platform/errors.js';
import { uuidv7 } from '../../platform/ids.js';
import {
  findJob,
  findRunningJob,
  findJobFile,
  finishJob,
  insertJob,
  insertJobFile,
  listJobs,
  setJobProgress,
  type JobFile,
  type JobRow,
} from './jobs.repository.js';
import type { JobKind, JobStep } from './jobs.schema.js';

/** Why a run failed: the domain error's code, message and details. */
type JobError = { code: string; message: string; details?: unknown };

/**
 * A running job whose process has not reported for this long is taken for dead (the server
 * restarted or crashed mid-run): readers see it failed instead of running for ever. Runs report
 * after every step, and no step takes minutes.
 */
export const JOB_STALE_MS = 10 * 60_000;

/** What a job's work is handed: report progress (0..1) and the step it is at. */
export type ReportProgress = (progress: number, step: JobStep) => Promise<void>;

/** What a job's work is handed besides: keep the file it made (an export) with the job. */
export interface JobTools {
  jobId: string;
  saveFile(file: JobFile): Promise<void>;
}

export interface StartJob {
  kind: JobKind;
  params: Record<string, unknown>;
  createdBy: number | null;
  /** Refuse to start while another run of the same kind is going (duplicate, with its id). */
  exclusive?: boolean;
  /** Told about failures that are not domain errors (bugs, lost database). */
  onUnexpected?: (error: unknown) => void;
}

// The runs this process is doing, so closing the app can wait for them before the database goes.
const inFlight = new Set<Promise<void>>();

/**
 * Records a job as running and starts its work after the current request has been answered, in
 * this process. The work's result (JSON) or error (its DomainError code, else internal_error) ends
 * up on the row, which GET /api/jobs/{id} shows.
 */
export async function startJob(
  ctx: AppContext,
  input: StartJob,
  work: (report: ReportProgress, tools: JobTools) => Promise<unknown>,
): Promise<JobRow> {
  const now = new Date();
  if (input.exclusive) {
    const current = await findRunningJob(ctx.db, input.kind);
    if (current && !(await failIfStale(ctx.db, current, now))) {
      throw new DomainError('duplicate', `a ${input.kind} job is already running`, { jobId: current.id });
    }
  }
  const row = await insertJob(ctx.db, {
    id: uuidv7(now.getTime()),
    kind: input.kind,
    params: input.params,
    createdBy: input.createdBy,
    at: now,
  });
  const report: ReportProgress = (progress, step) =>
    setJobProgress(ctx.db, row.id, Math.min(1, Math.max(0, progress)), JSON.stringify(step), new Date());
  const run = (async () => {
    await new Promise<void>((resolve) => setImmediate(resolve));
    try {
      const result = await work(report, {
        jobId: row.id,
        saveFile: (file) => insertJobFile(ctx.db, row.id, file),
      });
      await finishJob(ctx.db, row.id, { status: 'succeeded', result }, new Date());
    } catch (error) {
      if (!(error instanceof DomainError)) input.onUnexpected?.(error);
      await finishJob(ctx.db, row.id, { status: 'failed', error: jobError(error) }, new Date());
    }
  })().catch((error: unknown) => input.onUnexpected?.(error));
  inFlight.add(run);
  void run.finally(() => inFlight.delete(run));
  return row;
}

function jobError(error: unknown): JobError {
  if (error instanceof DomainError) {
    return {
      code: error.code,
      message: error.message,
      ...(error.details === undefined ? {} : { details: error.details }),
    };
  }
  return { code: 'internal_error', message: error instanceof Error ? error.message : String(error) };
}

/** Marks a running job failed when its process stopped reporting; true when it did. */
async function failIfStale(db: Conn, job: JobRow, now: Date): Promise<boolean> {
  if (job.status !== 'running' || now.getTime() - job.heartbeat_at.getTime() < JOB_STALE_MS) return false;
  await finishJob(
    db,
    job.id,
    {
      status: 'failed',
      error: { code: 'internal_error', message: 'interrupted: the server stopped during the run' },
    },
    now,
  );
  return true;
}

/** One job, for an administrator or the user who started it. */
export async function getJobFor(db: Conn, actor: Actor, id: string): Promise<JobRow> {
  const job = await findJob(db, id);
  if (!job || (actor.role !== 'admin' && job.created_by !== actor.id)) {
    throw new DomainError('not_found', `no job ${id}`);
  }
  if (await failIfStale(db, job, new Date())) return (await findJob(db, id))!;
  return job;
}

/** The file a job made, for an administrator or the user who started it; 404 otherwise or before it exists. */
export async function getJobFileFor(db: Conn, actor: Actor, id: string): Promise<JobFile> {
  await getJobFor(db, actor, id);
  const file = await findJobFile(db, id);
  if (!file) throw new DomainError('not_found', `job ${id} has no file (yet)`);
  return file;
}

/** Recent jobs, newest first (administrators). */
export async function listJobsFor(db: Conn, filter: { kind?: JobKind; limit: number }): Promise<JobRow[]> {
  const rows = await listJobs(db, filter);
  const now = new Date();
  return Promise.all(
    rows.map(async (r) => ((await failIfStale(db, r, now)) ? (await findJob(db, r.id))! : r)),
  );
}

/** Waits for this process's runs to end (app close, before the database closes). */
export async function drainJobs(): Promise<void> {
  while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
}
