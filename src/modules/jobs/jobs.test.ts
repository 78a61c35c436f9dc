import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeWorld, type World } from '../../../test/world.js';
import { DomainError } from '../../platform/errors.js';
import { uuidv7 } from '../../platform/ids.js';
import { drainJobs, JOB_STALE_MS, startJob } from './jobs.service.js';
import type { JobOut } from './jobs.schema.js';

let w: World;
beforeAll(async () => {
  w = await makeWorld();
});
afterAll(async () => {
  await w.close();
});

async function read(id: string, auth = w.users.admin.auth) {
  const res = await w.app.inject({ url: `/api/jobs/${id}`, headers: auth });
  return { status: res.statusCode, job: res.json<JobOut>() };
}

describe('jobs', () => {
  it('runs the work after answering, keeps its progress, then its result', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const job = await startJob(
      w.ctx,
      { kind: 'model_training', params: { label: 'unit' }, createdBy: w.users.admin.id },
      async (report) => {
        await report(0.4, { key: 'fold', done: 2, total: 5 });
        await gate;
        return { version: 7 };
      },
    );
    expect(job.status).toBe('running');
    // The work waits for the gate: the row shows its reported progress meanwhile.
    for (let i = 0; i < 100 && (await read(job.id)).job.progress === 0; i++) {
      await new Promise((r) => setTimeout(r, 5));
    }
    expect((await read(job.id)).job).toMatchObject({
      status: 'running',
      progress: 0.4,
      step: { key: 'fold', done: 2, total: 5 },
      message: 'fold 2/5 done',
    });
    release();
    await drainJobs();
    expect((await read(job.id)).job).toMatchObject({
      status: 'succeeded',
      progress: 1,
      result: { version: 7 },
      error: null,
    });
  });

  it('records a domain error’s code, and any other failure as internal_error', async () => {
    const failing = await startJob(
      w.ctx,
      { kind: 'model_training', params: {}, createdBy: w.users.admin.id },
      () => Promise.reject(new DomainError('validation_failed', 'too few')),
    );
    const seen: unknown[] = [];
    const crashing = await startJob(
      w.ctx,
      { kind: 'model_training', params: {}, createdBy: w.users.admin.id, onUnexpected: (e) => seen.push(e) },
      () => Promise.reject(new Error('boom')),
    );
    await drainJobs();
    expect((await read(failing.id)).job).toMatchObject({
      status: 'failed',
      error: { code: 'validation_failed', message: 'too few' },
    });
    expect((await read(crashing.id)).job).toMatchObject({
      status: 'failed',
      error: { code: 'internal_error', message: 'boom' },
    });
    expect(seen).toHaveLength(1);
  });

  it('shows a run whose process stopped reporting as failed, and lets a new one start', async () => {
    const id = uuidv7();
    const old = new Date(Date.now() - JOB_STALE_MS - 1000);
    await w.db
      .insertInto('jobs')
      .values({
        id,
        kind: 'model_training',
        status: 'running',
        params: '{}',
        created_at: old,
        heartbeat_at: old,
      })
      .execute();
    const { job } = await read(id);
    expect(job.status).toBe('failed');
    expect(job.error?.message).toContain('interrupted');
    const next = await startJob(
      w.ctx,
      { kind: 'model_training', params: {}, createdBy: null, exclusive: true },
      () => Promise.resolve(null),
    );
    await drainJobs();
    expect((await read(next.id)).job.status).toBe('succeeded');
  });

  it('is readable by administrators and the user who started it only', async () => {
    const job = await startJob(
      w.ctx,
      { kind: 'model_training', params: {}, createdBy: w.users.dispatcher.id },
      () => Promise.resolve(null),
    );
    await drainJobs();
    expect((await read(job.id, w.users.dispatcher.auth)).status).toBe(200);
    expect((await read(job.id, w.users.agent.auth)).status).toBe(404);
    expect((await read(job.id, w.users.admin.auth)).status).toBe(200);
    const list = await w.app.inject({ url: '/api/jobs', headers: w.users.agent.auth });
    expect(list.statusCode).toBe(403);
    const bad = await w.app.inject({ url: '/api/jobs/not-a-uuid', headers: w.users.admin.auth });
    expect(bad.statusCode).toBe(400);
  });
});
