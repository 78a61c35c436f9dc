import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeWorld, setDistrictBbox, type Auth, type World } from '../../../test/world.js';

let w: World;
beforeAll(async () => {
  w = await makeWorld();
  await setDistrictBbox(w);
});
afterAll(async () => {
  await w.close();
});

interface CaseOut {
  id: string;
  number: string;
  status: string;
  version: number;
  categoryId: number | null;
  areaUnitId: number | null;
  priority: string;
  counts: Record<string, number>;
  actions: string[];
}
interface Detail {
  case: CaseOut;
  reports: Array<{ id: string; text: string; joinedLater: boolean }>;
  timeline: Array<{ action: string; reason: string | null; data: Record<string, unknown> }>;
}
interface SplitOut {
  case: CaseOut;
  newCase: CaseOut;
  reportId: string;
  error?: { code: string };
}

const stall = '西红门鸿坤广场东门有流动摊贩占道经营，晚高峰影响通行，请尽快处理';
const stallAgain = '鸿坤广场东门晚上又有流动摊贩占道经营，严重影响行人通行';
const noise = '西红门鸿坤广场东门旁边工地夜间施工噪音扰民，凌晨还在施工';
const here = { lon: 116.3301, lat: 39.7889 };

async function post<T>(auth: Auth, url: string, payload: object) {
  const res = await w.app.inject({ method: 'POST', url, payload, headers: auth });
  return { status: res.statusCode, body: res.json<T & { error?: { code: string } }>() };
}

async function file(text: string, extra: Record<string, unknown> = {}) {
  const res = await post<{ case: CaseOut; reportId: string }>(w.users.agent.auth, '/api/reports', {
    channel: 'hotline',
    text,
    reporter: { name: '张三', phone: '13812345678' },
    ...extra,
  });
  expect(res.status, JSON.stringify(res.body)).toBeLessThan(300);
  return res.body;
}

async function detail(id: string, auth = w.users.supervisor.auth) {
  const res = await w.app.inject({ url: `/api/cases/${id}`, headers: auth });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<Detail>();
}

const split = (auth: Auth, c: { id: string; version: number }, reportId: string, reason?: string) =>
  post<SplitOut>(auth, `/api/cases/${c.id}/split`, {
    version: c.version,
    reportId,
    ...(reason ? { reason } : {}),
  });

describe('拆分 POST /api/cases/{id}/split', () => {
  it('takes a report that joined at intake back out into a new case in the dispatcher queue', async () => {
    const first = await file(stall, { categoryCode: '04-06', areaCode: '110115104001', ...here });
    const joined = await file(noise, {
      mergeIntoCase: first.case.number,
      address: '西红门鸿坤广场东门',
      reporter: { name: '李四', phone: '13900001111' },
    });
    let d = await detail(first.case.id);
    expect(d.case.counts.reports).toBe(2);
    expect(d.case.actions).toContain('split');
    expect(d.reports.map((r) => r.joinedLater)).toEqual([false, true]);

    const res = await split(w.users.dispatcher.auth, d.case, joined.reportId, '噪音与占道不是同一问题');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const { case: source, newCase } = res.body;
    expect(source.status).toBe('received');
    expect(source.counts.reports).toBe(1);
    expect(source.version).toBe(d.case.version + 1);
    expect(newCase.status).toBe('received');
    expect(newCase.number).not.toBe(first.case.number);
    expect(newCase.counts.reports).toBe(1);
    // its place read from the report's address
    expect(newCase.areaUnitId).toBe(w.units.s1.id);

    d = await detail(first.case.id);
    expect(d.reports.map((r) => r.text)).toEqual([stall]);
    const splitEntry = d.timeline.find((e) => e.action === 'split')!;
    expect(splitEntry.reason).toBe('噪音与占道不是同一问题');
    expect(splitEntry.data).toMatchObject({ reportId: joined.reportId, newCase: newCase.number });

    const n = await detail(newCase.id);
    expect(n.reports.map((r) => r.id)).toEqual([joined.reportId]);
    expect(n.reports[0]!.joinedLater).toBe(false);
    expect(n.timeline[0]).toMatchObject({ action: 'received', data: { splitFrom: first.case.number } });

    // the new case is indexed for 并案 under its own id; the pair is never proposed again
    const rows = await w.db
      .selectFrom('case_lsh')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('case_id', '=', newCase.id)
      .executeTakeFirstOrThrow();
    expect(Number(rows.n)).toBeGreaterThan(0);
    const pair = await w.db
      .selectFrom('merge_proposals')
      .select('status')
      .where('case_id', '=', newCase.id)
      .where('candidate_case_id', '=', first.case.id)
      .executeTakeFirstOrThrow();
    expect(pair.status).toBe('rejected');

    // the audit chain records it on both cases
    const audit = await w.db
      .selectFrom('audit_log')
      .select(['action', 'entity_id'])
      .where('entity_id', 'in', [first.case.id, newCase.id])
      .execute();
    expect(audit).toContainEqual({ action: 'case.split', entity_id: first.case.id });
    expect(audit.filter((a) => a.entity_id === newCase.id).map((a) => a.action)).toContain('case.received');
  });

  it('gives a report that came with a merged case that case’s category, area and priority', async () => {
    // b is filed first and merged into the later a: the founding report is a's, not the earliest one
    const b = await file(noise, { categoryCode: '02-01', areaCode: '110115105001', priority: 'urgent' });
    const a = await file(stall, { categoryCode: '04-06', areaCode: '110115104001' });
    const merged = await post<{ case: CaseOut }>(w.users.dispatcher.auth, `/api/cases/${b.case.id}/merge`, {
      version: b.case.version,
      intoCase: a.case.number,
    });
    expect(merged.status, JSON.stringify(merged.body)).toBe(200);
    const d = await detail(a.case.id);
    expect(d.reports.map((r) => [r.id, r.joinedLater])).toEqual([
      [b.reportId, true],
      [a.reportId, false],
    ]);
    const founding = await split(w.users.agent.auth, d.case, a.reportId);
    expect([founding.status, founding.body.error?.code]).toEqual([409, 'report_not_merged']);
    const res = await split(w.users.agent.auth, d.case, b.reportId);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.newCase).toMatchObject({
      categoryId: w.categories.noise.id,
      areaUnitId: w.units.c2.id,
      priority: 'urgent',
      status: 'received',
    });
    expect(res.body.case.counts.reports).toBe(1);
  });

  it('refuses the founding report, unknown reports, stale versions, the wrong roles and closed cases', async () => {
    const first = await file(stall, { categoryCode: '04-06', areaCode: '110115104001' });
    const joined = await file(stallAgain, { mergeIntoCase: first.case.number });
    const { case: c } = await detail(first.case.id);
    const founding = (await detail(first.case.id)).reports[0]!.id;

    let r = await split(w.users.dispatcher.auth, c, founding);
    expect([r.status, r.body.error?.code]).toEqual([409, 'report_not_merged']);
    r = await split(w.users.dispatcher.auth, c, '0190f0f0-0000-7000-8000-000000000000');
    expect([r.status, r.body.error?.code]).toEqual([404, 'report_not_found']);
    r = await split(w.users.dispatcher.auth, { id: c.id, version: c.version - 1 }, joined.reportId);
    expect([r.status, r.body.error?.code]).toEqual([409, 'stale_version']);
    // a unit does not see a case nobody has sent it
    r = await split(w.users.handlerS1.auth, c, joined.reportId);
    expect([r.status, r.body.error?.code]).toEqual([404, 'case_not_found']);
    r = await split(w.users.leader.auth, c, joined.reportId);
    expect([r.status, r.body.error?.code]).toEqual([403, 'read_only_role']);
    const bad = await post<object>(w.users.dispatcher.auth, `/api/cases/${c.id}/split`, {
      version: c.version,
      reportId: 'nope',
    });
    expect(bad.status).toBe(400);
    // nothing was written
    expect((await detail(c.id)).case.version).toBe(c.version);

    const invalid = await post<{ case: CaseOut }>(w.users.dispatcher.auth, `/api/cases/${c.id}/invalidate`, {
      version: c.version,
      reason: '重复',
    });
    expect(invalid.status).toBe(200);
    r = await split(w.users.dispatcher.auth, invalid.body.case, joined.reportId);
    expect([r.status, r.body.error?.code]).toEqual([409, 'invalid_transition']);
  });

  it('keeps a rated report with the case it was rated on (a reopened case)', async () => {
    const u = w.users;
    const first = await file(stall, { categoryCode: '04-06', areaCode: '110115104001' });
    const joined = await file(stallAgain, { mergeIntoCase: first.case.number });
    let c = (await detail(first.case.id)).case;
    const step = async (auth: Auth, action: string, body: object = {}) => {
      const res = await post<{ case: CaseOut }>(auth, `/api/cases/${c.id}/${action}`, {
        version: c.version,
        ...body,
      });
      expect(res.status, `${action}: ${JSON.stringify(res.body)}`).toBe(200);
      c = res.body.case;
    };
    await step(u.dispatcher.auth, 'dispatch');
    await step(u.handlerS1.auth, 'accept');
    await step(u.handlerS1.auth, 'resolve', { result: '已劝离' });
    await step(u.supervisor.auth, 'verify', { passed: true });
    await step(u.agent.auth, 'evaluate', {
      reportId: joined.reportId,
      solved: false,
      satisfaction: 'unsatisfied',
    });
    await step(u.supervisor.auth, 'reopen', { reason: '市民不满意' });
    expect(c.status).toBe('dispatched');
    const r = await split(u.dispatcher.auth, c, joined.reportId);
    expect([r.status, r.body.error?.code]).toEqual([409, 'report_evaluated']);
  });
});
