import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeWorld, type Auth, type World } from '../../../test/world.js';
import { syntheticExamples } from '../classifier/classifier.fixtures.js';
import type { JobOut } from '../jobs/jobs.schema.js';
import { makeCase } from '../metrics/metrics.factories.js';
import { activateSyntheticModel } from './suggest.fixtures.js';
import { trainFromDb } from './training.js';

let w: World;
let v1: number;
beforeAll(async () => {
  w = await makeWorld();
  v1 = await activateSyntheticModel(w);
});
afterAll(async () => {
  await w.close();
});

async function startTraining(auth: Auth, payload: object = {}) {
  return w.app.inject({ method: 'POST', url: '/api/models/train', payload, headers: auth });
}

/** Polls the job as a console would, until it is no longer running. */
async function settle(id: string, auth: Auth = w.users.admin.auth): Promise<JobOut> {
  for (let i = 0; i < 1000; i++) {
    const res = await w.app.inject({ url: `/api/jobs/${id}`, headers: auth });
    expect(res.statusCode, res.body).toBe(200);
    const job = res.json<JobOut>();
    if (job.status !== 'running') return job;
    await sleep(10);
  }
  throw new Error(`job ${id} still running`);
}

/** Labels as the lifecycle writes them when a unit accepts a case: 60 cases of two units. */
async function seedLabels() {
  const examples = syntheticExamples(30).filter((e) => e.label !== '教育');
  for (const [i, e] of examples.entries()) {
    const res = await w.app.inject({
      method: 'POST',
      url: '/api/reports',
      headers: w.users.agent.auth,
      payload: {
        channel: 'hotline',
        text: `${e.text}（${i}）`,
        categoryCode: '02-01',
        areaCode: '110115104001',
        reporter: { name: '张三', phone: '13812345678' },
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    await w.db
      .insertInto('training_labels')
      .values({
        case_id: res.json<{ case: { id: string } }>().case.id,
        text: e.text,
        category_id: w.categories.noise.id,
        unit_id: e.label === '环境' ? w.units.cgw.id : w.units.hbj.id,
        source: 'accept',
        labelled_at: new Date(),
      })
      .execute();
  }
}

describe('retraining as a job (POST /api/models/train, GET /api/jobs/{id})', () => {
  it('is for administrators', async () => {
    const res = await startTraining(w.users.dispatcher.auth);
    expect(res.statusCode).toBe(403);
    expect((await w.db.selectFrom('jobs').select('id').execute()).length).toBe(0);
  });

  it('fails with the reason when the database has too few labelled cases', async () => {
    const res = await startTraining(w.users.admin.auth);
    expect(res.statusCode, res.body).toBe(202);
    const started = res.json<JobOut>();
    expect(started).toMatchObject({ kind: 'model_training', status: 'running', progress: 0 });
    expect(started.params).toEqual({ label: 'unit', activate: false });
    const done = await settle(started.id);
    expect(done.status).toBe('failed');
    expect(done.error?.code).toBe('validation_failed');
    expect(done.error?.message).toContain('at least 50 labelled cases');
    expect(done.error?.details).toEqual({ needed: 50, examples: 0, classes: 0 });
    expect(done.finishedAt).not.toBeNull();
  });

  it('trains the next version in the background; the job shows it and the registry lists it', async () => {
    await seedLabels();
    const res = await startTraining(w.users.admin.auth, { activate: true });
    expect(res.statusCode, res.body).toBe(202);
    const id = res.json<JobOut>().id;
    // One run at a time: a second start while this one runs is refused with the running job's id.
    const again = await startTraining(w.users.admin.auth);
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ error: { code: 'duplicate', details: { jobId: id } } });

    const done = await settle(id);
    expect(done.status, JSON.stringify(done.error)).toBe('succeeded');
    expect(done.progress).toBe(1);
    expect(done.result).toMatchObject({ version: v1 + 1, active: true, examples: 60, folds: 5 });
    expect((done.result as { macroF1: number }).macroF1).toBeGreaterThan(0.8);

    const models = await w.app.inject({ url: '/api/models', headers: w.users.admin.auth });
    const items = models.json<{ items: Array<{ version: number; active: boolean; source: string }> }>().items;
    expect(items.find((m) => m.version === v1 + 1)).toMatchObject({ active: true, source: 'db' });

    const list = await w.app.inject({ url: '/api/jobs?kind=model_training', headers: w.users.admin.auth });
    expect(list.json<{ items: JobOut[] }>().items.map((j) => j.status)).toEqual(['succeeded', 'failed']);
    // Another user does not see the administrator's job.
    const other = await w.app.inject({ url: `/api/jobs/${id}`, headers: w.users.dispatcher.auth });
    expect(other.statusCode).toBe(404);
    const back = await w.app.inject({
      method: 'POST',
      url: '/api/models/rollback',
      headers: w.users.admin.auth,
    });
    expect(back.json()).toMatchObject({ version: v1, active: true });
  });

  it('reports progress step by step, rising to the end', async () => {
    const seen: number[] = [];
    const { entry } = await trainFromDb(w.ctx, w.db, {
      label: 'unit',
      activate: false,
      createdBy: null,
      onProgress: (p) => {
        seen.push(p);
        return Promise.resolve();
      },
    });
    expect(entry.version).toBe(v1 + 2);
    // Reading, starting cross-validation, after each of the 5 folds, the final fit, registering.
    expect(seen.length).toBe(9);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
    expect(seen.at(-1)).toBe(0.95);
  });

  it('trains in a worker thread: requests are answered while the final model is being fitted', async () => {
    // A set large enough that the final fit takes a while (about a sixth of the run).
    for (const [i, e] of syntheticExamples(300).entries()) {
      const unit = { name: '', ...(e.label === '环境' ? w.units.cgw : w.units.hbj) };
      await w.db
        .insertInto('training_labels')
        .values({
          case_id: await makeCase(w.db, { lead: unit, dispatchedAt: new Date(), withAssignment: false }),
          text: `${e.text}（批${i}）`,
          category_id: w.categories.noise.id,
          unit_id: unit.id,
          source: 'accept',
          labelled_at: new Date(),
        })
        .execute();
    }
    const order: string[] = [];
    const answered: Array<Promise<void>> = [];
    await trainFromDb(w.ctx, w.db, {
      label: 'unit',
      activate: false,
      createdBy: null,
      onProgress: (_p, step) => {
        order.push(step.key);
        if (step.key === 'final_fit') {
          // Sent as the worker starts the final fit: on the event loop, that fit would hold this
          // request until it ended, after 'registering the model'.
          answered.push(
            w.app
              .inject({ url: '/api/models', headers: w.users.admin.auth })
              .then((res) => void order.push(`answered ${res.statusCode}`)),
          );
        }
        return Promise.resolve();
      },
    });
    await Promise.all(answered);
    const i = order.indexOf('final_fit');
    expect(i).toBeGreaterThan(0);
    expect(order.slice(i)).toEqual(['final_fit', 'answered 200', 'registering']);
  });
});
