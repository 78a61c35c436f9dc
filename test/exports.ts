import type { FastifyInstance } from 'fastify';
import { drainJobs } from '../src/modules/jobs/jobs.service.js';
import type { JobOut } from '../src/modules/jobs/jobs.schema.js';

/**
 * Runs an export as a client does: POST /api/exports, then (once this process's job is done) the
 * job and its file. Throws with the body when the export is refused or fails.
 */
export async function runExport(app: FastifyInstance, headers: Record<string, string>, body: object) {
  const started = await app.inject({ method: 'POST', url: '/api/exports', headers, payload: body });
  if (started.statusCode !== 202) throw new Error(`export refused: ${started.statusCode} ${started.body}`);
  const id = started.json<JobOut>().id;
  await drainJobs();
  const job = (await app.inject({ url: `/api/jobs/${id}`, headers })).json<JobOut>();
  if (job.status !== 'succeeded') throw new Error(`export ${job.status}: ${JSON.stringify(job.error)}`);
  const file = await app.inject({ url: `/api/jobs/${id}/file`, headers });
  return { job, file };
}
