import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../../test/db.js';
import { runExport } from '../../../test/exports.js';
import { buildApp } from '../../app.js';
import type { DatabaseHandle } from '../../platform/db/index.js';
import type { z } from 'zod';
import { makeCase, makeOrg, makeUser, type Org } from './metrics.factories.js';
import type { rankingOut, summaryOut, trendOut, unitsOut } from './metrics.schema.js';

type Units = z.infer<typeof unitsOut>;
type RankingBody = z.infer<typeof rankingOut>;
type Summary = z.infer<typeof summaryOut>;
type Trend = z.infer<typeof trendOut>;
type ErrorBody = { error: { code: string } };

let handle: DatabaseHandle;
let app: FastifyInstance;
let org: Org;
const tokens: Record<string, string> = {};
let adminId = 0;

async function get(url: string, who: string) {
  return app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${tokens[who]}` } });
}

beforeAll(async () => {
  const fresh = await freshDatabase({ SCRYPT_COST_LOG2: '10' });
  handle = fresh.handle;
  const db = handle.db;
  org = await makeOrg(db);
  const d = new Date('2024-06-10T02:00:00Z');
  // Street A (via community A1): 响应 1/2, 解决 1/2, 满意 2/2 → 30×0.5 + 35×0.5 + 35×1 = 67.5
  await makeCase(db, {
    lead: org.a1,
    dispatchedAt: d,
    status: 'closed',
    responded_in_time: true,
    resolved_in_time: true,
    eval_count: 2,
    solved_count: 1,
    satisfied_count: 2,
  });
  await makeCase(db, { lead: org.a1, dispatchedAt: d, status: 'in_progress', responded_in_time: false });
  // Street B: 响应 1/1, 解决 1/1, 满意 1/1 → 100
  await makeCase(db, {
    lead: org.b1,
    dispatchedAt: d,
    status: 'closed',
    responded_in_time: true,
    resolved_in_time: false,
    eval_count: 1,
    solved_count: 1,
    satisfied_count: 1,
  });
  // Dept X: 响应 0/1 only → 0
  await makeCase(db, { lead: org.deptX, dispatchedAt: d, status: 'accepted', responded_in_time: false });
  tokens.leader = (await makeUser(db, 'leader', org.district)).token;
  const admin = await makeUser(db, 'admin', org.district);
  tokens.admin = admin.token;
  adminId = admin.id;
  tokens.handlerA = (await makeUser(db, 'handler', org.streetA)).token;
  tokens.citizen = (await makeUser(db, 'citizen', null)).token;
  app = await buildApp({ db, config: fresh.config, dbKind: handle.kind });
});

afterAll(async () => {
  await app.close();
  await handle.close();
});

describe('access', () => {
  it('refuses citizens and anonymous callers', async () => {
    expect((await get('/api/metrics/ranking?month=2024-06', 'citizen')).statusCode).toBe(403);
    const anon = await app.inject({ method: 'GET', url: '/api/metrics/summary' });
    expect(anon.statusCode).toBe(401);
  });

  it('limits a handler to its own subtree', async () => {
    const res = await get('/api/metrics/units?month=2024-06&groupBy=lead_unit', 'handlerA');
    expect(res.statusCode).toBe(200);
    expect(res.json<Units>().items.map((g) => g.group.id)).toEqual([org.a1.id]);
    const ranking = await get('/api/metrics/ranking?month=2024-06&level=all', 'handlerA');
    expect(ranking.json<RankingBody>().items.map((g) => g.group.name)).toEqual(['兴丰街道']);
    const outside = await get(`/api/metrics/summary?month=2024-06&unitId=${org.deptX.id}`, 'handlerA');
    expect(outside.statusCode).toBe(404);
    expect(outside.json<ErrorBody>().error.code).toBe('out_of_scope');
  });
});

describe('figures', () => {
  it('summarises the scope and validates the period', async () => {
    const res = await get('/api/metrics/summary?from=2024-06-01&to=2024-07-01', 'leader');
    expect(res.statusCode).toBe(200);
    const body = res.json<Summary>();
    expect(body.from).toBe('2024-05-31T16:00:00.000Z');
    expect(body.total.counts.dispatched).toBe(4);
    expect(body.total.rates.responseRate).toBe(0.5);
    expect(body.weights).toEqual({
      responseRate: 30,
      solveRate: 35,
      satisfactionRate: 35,
      onTimeRate: 0,
      returnRate: 0,
      repeatRate: 0,
      firstTimeRate: 0,
    });
    const half = await get('/api/metrics/summary?from=2024-06-01', 'leader');
    expect(half.statusCode).toBe(400);
    expect(half.json<ErrorBody>().error.code).toBe('validation_failed');
    expect((await get('/api/metrics/ranking?month=2024-13', 'leader')).statusCode).toBe(400);
  });

  it('ranks streets as JSON with rates as fractions and nulls kept', async () => {
    const res = await get('/api/metrics/ranking?month=2024-06&level=all', 'leader');
    expect(res.statusCode).toBe(200);
    const items = res.json<RankingBody>().items;
    expect(items.map((i) => [i.group.name, i.rank, i.composite])).toEqual([
      ['林校路街道', 1, 100],
      ['兴丰街道', 2, 67.5],
      ['区住房和城乡建设委员会', 3, 0],
      ['区城市管理委员会', null, null],
    ]);
    expect(items[1]!.rates.solveRate).toBe(0.5);
    expect(items[2]!.rates.satisfactionRate).toBeNull();
  });

  it('follows the trend of a unit', async () => {
    const res = await get(`/api/metrics/trend?unitId=${org.streetA.id}&months=2&endMonth=2024-07`, 'leader');
    expect(res.statusCode).toBe(200);
    expect(res.json<Trend>().items.map((m) => [m.month, m.composite])).toEqual([
      ['2024-06', 67.5],
      ['2024-07', null],
    ]);
  });
});

/** The ranking's export as a job (POST /api/exports), its file downloaded from the job. */
async function exportRanking(format: 'csv' | 'xlsx', level: string) {
  const headers = { authorization: `Bearer ${tokens.leader}` };
  const { job, file } = await runExport(app, headers, { kind: 'ranking', format, month: '2024-06', level });
  expect(job).toMatchObject({ kind: 'ranking_export', progress: 1 });
  return file;
}

describe('exports', () => {
  it('writes CSV with a UTF-8 BOM, Chinese headers and percentages', async () => {
    const res = await exportRanking('csv', 'street');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toContain('ranking-2024-06-street.csv');
    const raw = res.rawPayload;
    expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = raw.subarray(3).toString('utf8').split('\r\n');
    expect(lines[0]).toBe(
      '排名,单位编码,单位名称,类型,综合得分,响应率,解决率,满意率,按期办结率,退单率,重复诉求率,一次办结率,派单量,在办,超期,已结案,评价数',
    );
    expect(lines[1]).toBe(
      '1,110115002,林校路街道,街道/乡镇,100.00,100.00%,100.00%,100.00%,0.00%,0.00%,0.00%,100.00%,1,0,0,1,1',
    );
    expect(lines[2]).toBe(
      '2,110115001,兴丰街道,街道/乡镇,67.50,50.00%,50.00%,100.00%,100.00%,0.00%,0.00%,100.00%,2,1,0,1,2',
    );
    expect(lines).toHaveLength(4); // header, two streets, final CRLF
  });

  it('writes an xlsx workbook that reads back with a header row and percent formats', async () => {
    const res = await exportRanking('xlsx', 'all');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.name).toBe('排名 2024-06');
    expect(sheet.getRow(1).getCell(1).value).toBe('排名');
    expect(sheet.getRow(1).getCell(6).value).toBe('响应率');
    expect(sheet.getRow(1).font?.bold).toBe(true);
    const second = sheet.getRow(3);
    expect(second.getCell(3).value).toBe('兴丰街道');
    expect(second.getCell(5).value).toBe(67.5);
    expect(second.getCell(6).value).toBe(0.5);
    expect(second.getCell(6).numFmt).toBe('0.00%');
    expect(sheet.getRow(5).getCell(1).value).toBeNull(); // unranked: empty cell, not 0
    expect(sheet.rowCount).toBe(5);
  });
});

describe('weights', () => {
  it('lets only an admin set them, validated to sum to 100, audited, and applied', async () => {
    const put = (who: string, payload: object) =>
      app.inject({
        method: 'PUT',
        url: '/api/metrics/weights',
        headers: { authorization: `Bearer ${tokens[who]}` },
        payload,
      });
    const next = {
      responseRate: 50,
      solveRate: 25,
      satisfactionRate: 25,
      onTimeRate: 0,
      returnRate: 0,
      repeatRate: 0,
      firstTimeRate: 0,
    };
    expect((await put('leader', next)).statusCode).toBe(403);
    const bad = await put('admin', { ...next, responseRate: 40 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<ErrorBody>().error.code).toBe('validation_failed');
    expect((await put('admin', { ...next, bonus: 0 })).statusCode).toBe(400);
    const ok = await put('admin', next);
    expect(ok.statusCode).toBe(200);
    expect((await get('/api/metrics/weights', 'leader')).json()).toEqual(next);
    // Street A now: 50×0.5 + 25×0.5 + 25×1 = 62.5
    const ranking = (
      await get('/api/metrics/ranking?month=2024-06&level=street', 'leader')
    ).json<RankingBody>();
    expect(ranking.items[1]!.composite).toBe(62.5);
    const audit = await handle.db
      .selectFrom('audit_log')
      .select(['actor_user_id', 'entity_id', 'after'])
      .where('action', '=', 'metrics.weights.update')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor_user_id: adminId, entity_id: 'metrics.weights', after: next });
  });
});
