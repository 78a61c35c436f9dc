import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/app.js';
import type { AppContext } from '../src/platform/context.js';
import type { DatabaseHandle } from '../src/platform/db/index.js';
import { seedDemo } from '../src/seed/demo.js';
import { refreshDemoModel } from '../src/seed/model.js';
import { freshDatabase } from './db.js';
import { runExport } from './exports.js';

let handle: DatabaseHandle;
let app: FastifyInstance;
let ctx: AppContext;

beforeAll(async () => {
  const fresh = await freshDatabase({ DEMO_PASSWORD: 'demo-pass-123', SCRYPT_COST_LOG2: '10' });
  handle = fresh.handle;
  ctx = { db: handle.db, config: fresh.config, dbKind: handle.kind };
  const credentials = await seedDemo(ctx);
  expect(credentials?.open311ApiKey).toMatch(/^[\w-]{43}$/);
  expect(credentials?.users.map((c) => c.role)).toEqual(
    expect.arrayContaining([
      'admin',
      'agent',
      'dispatcher',
      'handler',
      'grid_worker',
      'supervisor',
      'leader',
      'citizen',
    ]),
  );
  expect(await seedDemo(ctx)).toBeNull();
  app = await buildApp(ctx);
});
afterAll(async () => {
  await app.close();
  await handle.close();
});

async function login(username: string) {
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password: 'demo-pass-123' },
  });
  expect(res.statusCode).toBe(200);
  return { authorization: `Bearer ${res.json<{ token: string }>().token}` };
}

describe('the seeded demo district', () => {
  it('routes a 占道经营 report in 西红门 straight to the street and lets its handler close the loop', async () => {
    const agent = await login('agent');
    const community = await handle.db
      .selectFrom('org_units as c')
      .innerJoin('org_units as s', 's.id', 'c.parent_id')
      .select(['c.code', 's.id as streetId'])
      .where('s.name', '=', '西红门地区')
      .where('c.kind', '=', 'community')
      .executeTakeFirstOrThrow();
    const filed = await app.inject({
      method: 'POST',
      url: '/api/reports',
      headers: agent,
      payload: {
        channel: 'hotline',
        text: '西红门鸿坤广场东门有流动摊贩占道经营',
        categoryCode: '35-02',
        areaCode: community.code,
        lon: 116.33,
        lat: 39.79,
        autoDispatch: true,
        reporter: { name: '张三', phone: '13812345678' },
      },
    });
    expect(filed.statusCode, filed.body).toBe(201);
    const c = filed.json<{ case: { id: string; status: string; leadUnitId: number; version: number } }>()
      .case;
    expect(c.status).toBe('dispatched');
    expect(c.leadUnitId).toBe(community.streetId);

    const handler = await login('handler_xhm');
    const accepted = await app.inject({
      method: 'POST',
      url: `/api/cases/${c.id}/accept`,
      headers: handler,
      payload: { version: c.version },
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    const other = await login('handler_hc');
    expect((await app.inject({ url: `/api/cases/${c.id}`, headers: other })).statusCode).toBe(404);
  });

  it('ranks the streets for the month and exports the ranking as CSV', async () => {
    const leader = await login('leader');
    const month = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 7);
    const res = await app.inject({
      url: `/api/metrics/ranking?month=${month}&level=street`,
      headers: leader,
    });
    expect(res.statusCode, res.body).toBe(200);
    const { file: csv } = await runExport(app, leader, {
      kind: 'ranking',
      format: 'csv',
      month,
      level: 'street',
    });
    expect(csv.statusCode).toBe(200);
    expect(csv.body.charCodeAt(0)).toBe(0xfeff);
  });
});

describe('smart dispatch in the demo', () => {
  it('dispatches a clear report without a category to the department the shipped model names', async () => {
    const agent = await login('agent');
    const filed = await app.inject({
      method: 'POST',
      url: '/api/reports',
      headers: agent,
      payload: {
        channel: 'hotline',
        title: '拖欠工资',
        text: '我在一家建筑公司打工，老板拖欠我们农民工工资半年了，劳动合同也没签，社保也不给交，希望劳动部门帮忙讨薪',
        reporter: { name: '王五', phone: '13900001111' },
      },
    });
    expect(filed.statusCode, filed.body).toBe(201);
    const c = filed.json<{ case: { id: string; status: string; leadUnitId: number | null } }>().case;
    const s = await app.inject({ url: `/api/cases/${c.id}/suggestion`, headers: agent });
    const suggestion = s.json<{
      suggestion: { label: string; confidence: number; unitName: string; decision: string };
    }>().suggestion;
    expect(suggestion).toMatchObject({ label: '劳动和社会保障', unitName: '区人力资源和社会保障局' });
    expect(c.status).toBe(suggestion.decision === 'auto_dispatched' ? 'dispatched' : 'received');
    expect(suggestion.decision).toBe('auto_dispatched');
    const models = await app.inject({ url: '/api/models', headers: await login('admin') });
    expect(models.json<{ items: Array<{ version: number; active: boolean }> }>().items).toEqual([
      expect.objectContaining({ version: 1, active: true }),
    ]);
  });
  it('takes up a rebuilt shipped model on a later start, and leaves a city’s own model alone', async () => {
    expect(await refreshDemoModel(ctx)).toBeNull(); // the same bytes: nothing to do
    // The district was seeded by an older checkout whose model file had other bytes.
    await ctx.db
      .updateTable('classifier_models')
      .set({ sha256: 'f'.repeat(64) })
      .where('version', '=', 1)
      .execute();
    expect(await refreshDemoModel(ctx)).toBe(2);
    const versions = await ctx.db
      .selectFrom('classifier_models')
      .select(['version', 'active'])
      .orderBy('version')
      .execute();
    expect(versions).toEqual([
      { version: 1, active: false },
      { version: 2, active: true },
    ]);
    // A model the city activated itself (another source) is never replaced.
    await ctx.db
      .updateTable('classifier_models')
      .set({ source: 'db:unit', sha256: 'e'.repeat(64) })
      .where('version', '=', 2)
      .execute();
    expect(await refreshDemoModel(ctx)).toBeNull();
  });
});
