import type { Conn } from '../../platform/db/index.js';
import type { JobsTable } from '../../platform/db/schema.js';
import type { Selectable } from 'kysely';

export type JobRow = Selectable<JobsTable>;

export async function insertJob(
  db: Conn,
  row: { id: string; kind: string; params: Record<string, unknown>; createdBy: number | null; at: Date },
): Promise<JobRow> {
  return db
    .insertInto('jobs')
    .values({
      id: row.id,
      kind: row.kind,
      status: 'running',
      params: JSON.stringify(row.params),
      created_by: row.createdBy,
      created_at: row.at,
      heartbeat_at: row.at,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function findJob(db: Conn, id: string): Promise<JobRow | undefined> {
  return db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Newest first. */
export async function listJobs(db: Conn, filter: { kind?: string; limit: number }): Promise<JobRow[]> {
  let q = db.selectFrom('jobs').selectAll();
  if (filter.kind) q = q.where('kind', '=', filter.kind);
  return q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(filter.limit).execute();
}

/** The running job of a kind, if any (the newest). */
export async function findRunningJob(db: Conn, kind: string): Promise<JobRow | undefined> {
  return db
    .selectFrom('jobs')
    .selectAll()
    .where('kind', '=', kind)
    .where('status', '=', 'running')
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
}

/** Progress of a running job; also proves its process is alive. */
export async function setJobProgress(db: Conn, id: string, progress: number, message: string, at: Date) {
  await db
    .updateTable('jobs')
    .set({ progress, message, heartbeat_at: at })
    .where('id', '=', id)
    .where('status', '=', 'running')
    .execute();
}

export async function finishJob(
  db: Conn,
  id: string,
  outcome:
    | { status: 'succeeded'; result: unknown }
    | { status: 'failed'; error: { code: string; message: string; details?: unknown } },
  at: Date,
): Promise<JobRow | undefined> {
  return db
    .updateTable('jobs')
    .set(
      outcome.status === 'succeeded'
        ? { status: 'succeeded', progress: 1, message: null, result: JSON.stringify(outcome.result ?? null) }
        : { status: 'failed', error: JSON.stringify(outcome.error) },
    )
    .set({ heartbeat_at: at, finished_at: at })
    .where('id', '=', id)
    .where('status', '=', 'running')
    .returningAll()
    .executeTakeFirst();
}

/** The file a job made; one per job. */
export interface JobFile {
  name: string;
  mimeType: string;
  content: Buffer;
}

export async function insertJobFile(db: Conn, jobId: string, file: JobFile): Promise<void> {
  await db
    .insertInto('job_files')
    .values({
      job_id: jobId,
      name: file.name,
      mime_type: file.mimeType,
      size: file.content.length,
      content: file.content,
    })
    .execute();
}

export async function findJobFile(db: Conn, jobId: string): Promise<JobFile | undefined> {
  const row = await db
    .selectFrom('job_files')
    .select(['name', 'mime_type', 'content'])
    .where('job_id', '=', jobId)
    .executeTakeFirst();
  return row && { name: row.name, mimeType: row.mime_type, content: row.content };
}
