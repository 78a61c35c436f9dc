import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeWorld, type Auth, type CaseOut, type World } from '../../../test/world.js';
import { activateSyntheticModel } from './suggest.fixtures.js';
import { forgetActiveModel } from './registry.js';
import { syntheticExamples } from '../classifier/classifier.fixtures.js';
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

async function post(auth: Auth, url: string, payload: object) {
  const res = await w.app.inject({ method: 'POST', url, payload, headers: auth });
  return { status: res.statusCode, body: res.json<{ case: CaseOut & { leadUnitId: number | null } }>() };
}

async function file(text: string, extra: Record<string, unknown> = {}) {
  const res = await post(w.users.agent.auth, '/api/reports', {
    channel: 'hotline',
    text,
    areaCode: '110115104001',
    reporter: { name: '张三', phone: '13812345678' },
    ...extra,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.case;
}

async function suggestionOf(c: CaseOut) {
  const res = await w.app.inject({ url: `/api/cases/${c.id}/suggestion`, headers: w.users.dispatcher.auth });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{
    suggestion: {
      label: string;
      confidence: number;
      unitName: string | null;
      categoryCode: string | null;
      decision: string;
      phrases: Array<{ text: string }>;
    } | null;
  }>().suggestion;
}

describe('smart dispatch at intake', () => {
  it('dispatches on a confident suggestion: the label’s unit, its category’s deadlines, the reasons', async () => {
    const c = await file('我们小区附近工地扬尘和噪音严重影响居民，油烟垃圾也多，希望政府尽快处理');
    expect(c.status).toBe('dispatched');
    expect(c.leadUnitId).toBe(w.units.cgw.id);
    const s = await suggestionOf(c);
    expect(s).toMatchObject({
      label: '环境',
      unitName: '区城市管理委员会',
      categoryCode: '02-01',
      decision: 'auto_dispatched',
    });
    expect(s!.confidence).toBeGreaterThanOrEqual(0.9);
    expect(s!.phrases.length).toBeGreaterThan(0);
    const detail = await w.app.inject({ url: `/api/cases/${c.id}`, headers: w.users.supervisor.auth });
    const d = detail.json<{
      timeline: Array<{ action: string; actorUserId: number | null; reason: string | null }>;
    }>();
    const dispatch = d.timeline.find((e) => e.action === 'dispatch')!;
    expect(dispatch.actorUserId).toBeNull();
    expect(dispatch.reason).toContain('模型 v');
  });

  it('sends a category label through the catalogue with the report’s area (直派街乡)', async () => {
    const c = await file('学校老师收学费，幼儿园课外补习乱收费，学生家长多次反映希望政府尽快处理');
    expect(c.status).toBe('dispatched');
    expect(c.leadUnitId).toBe(w.units.s1.id);
  });

  it('queues what it is unsure of, with the suggestion, for a dispatcher', async () => {
    const c = await file('请问办理居住证需要带什么材料？');
    expect(c.status).toBe('received');
    const s = await suggestionOf(c);
    expect(s?.decision).toBe('queued');
    const queue = await w.app.inject({
      url: '/api/intake/queue?pageSize=200',
      headers: w.users.dispatcher.auth,
    });
    expect(queue.statusCode).toBe(200);
    const items = queue.json<{
      items: Array<{ case: { id: string }; suggestion: { decision: string } | null }>;
    }>().items;
    expect(items.find((i) => i.case.id === c.id)?.suggestion?.decision).toBe('queued');
    expect(items.every((i) => i.case.id !== undefined)).toBe(true);
    const handler = await w.app.inject({ url: '/api/intake/queue', headers: w.users.handlerS1.auth });
    expect(handler.statusCode).toBe(403);
  });

  it('leaves a report that names its category alone', async () => {
    const c = await file('工地扬尘噪音严重', { categoryCode: '04-06' });
    expect(c.status).toBe('received');
    expect(await suggestionOf(c)).toBeNull();
  });
});

describe('labels and retraining', () => {
  it('learns the accepting unit as the label, after a return and re-dispatch too', async () => {
    const u = w.users;
    let c = await file('我们小区工地噪音扬尘严重，垃圾油烟，附近居民希望尽快处理');
    expect(c.leadUnitId).toBe(w.units.cgw.id);
    const ret = await post(u.handlerCgw.auth, `/api/cases/${c.id}/return`, {
      version: c.version,
      reason: '属生态环境局职责',
    });
    expect(ret.status, JSON.stringify(ret.body)).toBe(200);
    c = ret.body.case;
    const again = await post(u.dispatcher.auth, `/api/cases/${c.id}/dispatch`, {
      version: c.version,
      leadUnitId: w.units.hbj.id,
      categoryCode: '02-01',
    });
    expect(again.status, JSON.stringify(again.body)).toBe(200);
    c = again.body.case;
    const accepted = await post(u.handlerHbj.auth, `/api/cases/${c.id}/accept`, { version: c.version });
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    const label = await w.db
      .selectFrom('training_labels')
      .selectAll()
      .where('case_id', '=', c.id)
      .executeTakeFirstOrThrow();
    expect(label).toMatchObject({ unit_id: w.units.hbj.id, source: 'accept' });
    expect(label.text).toContain('工地噪音');
    const models = await w.app.inject({ url: '/api/models', headers: u.admin.auth });
    const live = models.json<{
      items: Array<{ version: number; live: { labelled: number; accuracy: number } | null }>;
    }>();
    expect(live.items.find((m) => m.version === v1)?.live).toMatchObject({ labelled: 1, accuracy: 0 });
  });

  it('trains a new version from the database, activates it and rolls back', async () => {
    const refused = await trainFromDb(w.ctx, w.db, { label: 'unit', activate: false, createdBy: null }).catch(
      (e: Error) => e,
    );
    expect(refused).toBeInstanceOf(Error);
    expect((refused as Error).message).toContain('at least 50');
    // Labels as the lifecycle writes them (one per accepted case), for 60 cases of two units.
    const examples = syntheticExamples(30).filter((e) => e.label !== '教育');
    for (const [i, e] of examples.entries()) {
      const c = await file(`${e.text}（${i}）`, { categoryCode: '02-01' });
      await w.db
        .insertInto('training_labels')
        .values({
          case_id: c.id,
          text: e.text,
          category_id: w.categories.noise.id,
          unit_id: e.label === '环境' ? w.units.cgw.id : w.units.hbj.id,
          source: 'accept',
          labelled_at: new Date(),
        })
        .onConflict((oc) => oc.column('case_id').doNothing())
        .execute();
    }
    const { entry, evaluation } = await trainFromDb(w.ctx, w.db, {
      label: 'unit',
      activate: false,
      createdBy: null,
    });
    expect(entry.version).toBe(v1 + 1);
    expect(entry.active).toBe(false);
    expect(entry.labelMap['110115-D02']).toEqual({ unitCode: '110115-D02', categoryCode: '02-01' });
    expect(evaluation.macroF1).toBeGreaterThan(0.8);
    expect(evaluation.autoDispatch.share).toBeGreaterThan(0);

    const forbidden = await w.app.inject({
      method: 'POST',
      url: `/api/models/${entry.version}/activate`,
      headers: w.users.dispatcher.auth,
    });
    expect(forbidden.statusCode).toBe(403);
    const on = await w.app.inject({
      method: 'POST',
      url: `/api/models/${entry.version}/activate`,
      headers: w.users.admin.auth,
    });
    expect(on.statusCode, on.body).toBe(200);
    // (Not the text labelled 生态环境局 above: the model rightly learnt that one.)
    const c = await file('附近居民反映空气污染和污水问题，油烟噪音严重，希望政府尽快处理');
    expect((await suggestionOf(c))?.label).toBe('110115-D02');
    const back = await w.app.inject({
      method: 'POST',
      url: '/api/models/rollback',
      headers: w.users.admin.auth,
    });
    expect(back.json()).toMatchObject({ version: v1, active: true });
    const d = await file('附近居民反映空气污染和污水问题，油烟噪音严重，希望政府尽快处理。再次反映');
    expect((await suggestionOf(d))?.label).toBe('环境');
  });
  it('keeps taking reports when the active model cannot be read, and says why', async () => {
    const active = await w.db
      .selectFrom('classifier_models')
      .select(['id', 'model'])
      .where('active', '=', true)
      .executeTakeFirstOrThrow();
    // An older format after an upgrade, or damaged bytes: the header no longer reads.
    const damaged = Buffer.from(active.model);
    damaged.write('XXXX', 0);
    await w.db.updateTable('classifier_models').set({ model: damaged }).where('id', '=', active.id).execute();
    forgetActiveModel(w.ctx);
    try {
      const c = await file('我们小区附近工地扬尘和噪音严重影响居民，油烟垃圾也多，希望政府尽快处理');
      expect(c.status).toBe('received');
      expect(await suggestionOf(c)).toBeNull();
      const models = await w.app.inject({ url: '/api/models', headers: w.users.admin.auth });
      expect(models.json<{ activeProblem: { code: string } | null }>().activeProblem?.code).toMatch(
        /^model_/,
      );
    } finally {
      await w.db
        .updateTable('classifier_models')
        .set({ model: active.model })
        .where('id', '=', active.id)
        .execute();
      forgetActiveModel(w.ctx);
    }
  });
});
