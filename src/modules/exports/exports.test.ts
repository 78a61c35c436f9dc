import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runExport } from '../../../test/exports.js';
import { makeWorld, type Auth, type World } from '../../../test/world.js';
import { drainJobs } from '../jobs/jobs.service.js';
import type { JobOut } from '../jobs/jobs.schema.js';

let w: World;
/** Case numbers by street: 西红门 (s1) has three, 黄村 (s2) one. */
const numbers: Record<'s1' | 's2', string[]> = { s1: [], s2: [] };

async function file(areaCode: string, text: string, phone: string) {
  const res = await w.app.inject({
    method: 'POST',
    url: '/api/reports',
    headers: w.users.agent.auth,
    payload: {
      channel: 'hotline',
      text,
      categoryCode: '04-06',
      areaCode,
      autoDispatch: true,
      reporter: { name: '张三丰', phone },
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ case: { number: string } }>().case.number;
}

beforeAll(async () => {
  w = await makeWorld();
  for (let i = 0; i < 3; i++)
    numbers.s1.push(await file('110115104001', `西红门路边占道经营 ${i}`, '13812345678'));
  numbers.s2.push(await file('110115105001', '黄村路口占道经营', '13987654321'));
});
afterAll(async () => {
  await w.close();
});

/** The CSV's lines after the BOM, split into cells (no cell here holds a comma or quote). */
function csvRows(body: Buffer): string[][] {
  expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return body
    .subarray(3)
    .toString('utf8')
    .split('\r\n')
    .filter((l) => l !== '')
    .map((l) => l.split(','));
}

const start = (auth: Auth, payload: object) =>
  w.app.inject({ method: 'POST', url: '/api/exports', headers: auth, payload });

describe('case export (POST /api/exports kind=cases)', () => {
  it('writes the filtered list as CSV, with the job’s progress and result', async () => {
    const { job, file: res } = await runExport(w.app, w.users.agent.auth, {
      kind: 'cases',
      format: 'csv',
      filters: { q: '西红门' },
    });
    expect(job).toMatchObject({ kind: 'case_export', status: 'succeeded', progress: 1 });
    const result = job.result as { rows: number; fileName: string };
    expect(result.rows).toBe(3);
    expect(result.fileName).toMatch(/^cases-\d{8}\.csv$/);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toContain(result.fileName);
    const [header, ...rows] = csvRows(res.rawPayload);
    expect(header).toEqual([
      '编号',
      '状态',
      '标题',
      '诉求内容',
      '分类',
      '承办单位',
      '地址',
      '渠道',
      '受理时间',
      '办结时限',
      '办结时间',
      '超期',
      '反映人',
      '联系电话',
    ]);
    expect(rows.map((r) => r[0]).sort()).toEqual([...numbers.s1].sort());
    // The agent has the PII right: names and numbers in full.
    expect(rows[0]!.slice(12)).toEqual(['张三丰', '13812345678']);
    expect(rows[0]![1]).toBe('已派单');
    expect(rows[0]![5]).toBe('西红门地区');
  });

  it('keeps to the caller’s scope: a street handler exports only the street’s cases', async () => {
    const { file: res } = await runExport(w.app, w.users.handlerS2.auth, { kind: 'cases', format: 'csv' });
    const rows = csvRows(res.rawPayload).slice(1);
    expect(rows.map((r) => r[0])).toEqual(numbers.s2);
  });

  it('masks reporters for roles without the PII right, as the case pages do', async () => {
    const { file: res } = await runExport(w.app, w.users.leader.auth, {
      kind: 'cases',
      format: 'csv',
      filters: { status: 'dispatched' },
    });
    const rows = csvRows(res.rawPayload).slice(1);
    expect(rows).toHaveLength(4);
    for (const r of rows) {
      expect(r[12]).toBe('张**');
      expect(r[13]).toMatch(/^1\d{2}\*{4}\d{4}$/);
    }
  });

  it('writes an xlsx workbook that reads back', async () => {
    const { file: res } = await runExport(w.app, w.users.supervisor.auth, { kind: 'cases', format: 'xlsx' });
    expect(res.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).value).toBe('编号');
    expect(sheet.rowCount).toBe(5);
    const exported = [2, 3, 4, 5].map((i) => sheet.getRow(i).getCell(1).value);
    expect(exported.sort()).toEqual([...numbers.s1, ...numbers.s2].sort());
  });
});

describe('refusals', () => {
  it('refuses an unknown kind, a bad format and unknown filters with validation_failed', async () => {
    for (const payload of [
      { kind: 'users', format: 'csv' },
      { kind: 'cases', format: 'pdf' },
      { kind: 'cases', format: 'csv', filters: { owner: 'me' } },
      { kind: 'cases', format: 'csv', filters: { status: 'lost' } },
      { kind: 'ranking', format: 'csv', month: '2024-13' },
    ]) {
      const res = await start(w.users.admin.auth, payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json()).toMatchObject({ error: { code: 'validation_failed' } });
    }
  });

  it('refuses the ranking to roles that do not read metrics', async () => {
    const res = await start(w.users.agent.auth, { kind: 'ranking', format: 'csv' });
    expect(res.statusCode).toBe(403);
  });

  it('serves a job’s file to its creator and administrators only; 404 to anyone else', async () => {
    const res = await start(w.users.agent.auth, { kind: 'cases', format: 'csv' });
    const id = res.json<JobOut>().id;
    await drainJobs();
    const get = (auth: Auth) => w.app.inject({ url: `/api/jobs/${id}/file`, headers: auth });
    expect((await get(w.users.agent.auth)).statusCode).toBe(200);
    expect((await get(w.users.admin.auth)).statusCode).toBe(200);
    const other = await get(w.users.dispatcher.auth);
    expect(other.statusCode).toBe(404);
    expect(other.json()).toMatchObject({ error: { code: 'not_found' } });
    // A job without a file (retraining) and an unknown job: 404 too.
    const none = await w.app.inject({
      url: '/api/jobs/0190f000-0000-7000-8000-000000000000/file',
      headers: w.users.admin.auth,
    });
    expect(none.statusCode).toBe(404);
  });
});
