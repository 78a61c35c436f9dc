import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileReport, makeWorld, type Auth, type World } from '../../../test/world.js';

let w: World;
beforeAll(async () => {
  w = await makeWorld();
});
afterAll(async () => {
  await w.close();
});

interface CaseOut {
  id: string;
  number: string;
  status: string;
  version: number;
  leadUnitId: number | null;
  responseDueAt: string | null;
  resolveDueAt: string | null;
  respondedInTime: boolean | null;
  resolvedInTime: boolean | null;
  counts: Record<string, number>;
}

async function post(auth: Auth, url: string, payload: unknown, headers: Record<string, string> = {}) {
  const res = await w.app.inject({
    method: 'POST',
    url,
    payload: payload as object,
    headers: { ...auth, ...headers },
  });
  return {
    status: res.statusCode,
    body: res.json<{ case: CaseOut; error?: { code: string }; duplicate?: boolean; reportId?: string }>(),
  };
}

/** A street case filed by the agent (test/world.ts fileReport), as this file reads cases. */
const file = (fields?: Record<string, unknown>) => fileReport<CaseOut>(w, fields);

async function step(auth: Auth, c: CaseOut, action: string, body: Record<string, unknown> = {}) {
  const res = await post(auth, `/api/cases/${c.id}/${action}`, { version: c.version, ...body });
  expect(res.status, `${action}: ${JSON.stringify(res.body)}`).toBe(200);
  return res.body.case;
}

async function refused(auth: Auth, c: CaseOut, action: string, body: Record<string, unknown> = {}) {
  const res = await post(auth, `/api/cases/${c.id}/${action}`, { version: c.version, ...body });
  return { status: res.status, code: res.body.error?.code };
}

describe('the closed loop', () => {
  it('takes a street case from 受理 to 结案 with deadlines, timeline and evaluation', async () => {
    const { users: u } = w;
    let c = await file();
    expect(c.status).toBe('received');
    expect(c.number).toMatch(/^110115-\d{8}-\d{6}$/);

    c = await step(u.dispatcher.auth, c, 'dispatch');
    expect(c.status).toBe('dispatched');
    expect(c.leadUnitId).toBe(w.units.s1.id); // 直派街乡: the street that contains the community
    const dispatchedAt = Date.now();
    const responseMs = Date.parse(c.responseDueAt!) - dispatchedAt;
    expect(responseMs).toBeGreaterThan(2 * 3600_000 - 60_000);
    expect(responseMs).toBeLessThanOrEqual(2 * 3600_000);
    expect(Date.parse(c.resolveDueAt!)).toBeGreaterThan(Date.parse(c.responseDueAt!));

    c = await step(u.handlerS1.auth, c, 'accept');
    expect(c.status).toBe('accepted');
    c = await step(u.handlerS1.auth, c, 'contact', { note: '已电话联系市民' });
    expect(c.status).toBe('in_progress');
    expect(c.respondedInTime).toBe(true);
    c = await step(u.handlerS1.auth, c, 'resolve', { result: '已劝离摊贩并加强巡查' });
    expect(c.status).toBe('resolved');
    expect(c.resolvedInTime).toBe(true);
    c = await step(u.supervisor.auth, c, 'verify', { passed: true });
    expect(c.status).toBe('verified');
    c = await step(u.agent.auth, c, 'evaluate', { solved: true, satisfaction: 'satisfied' });
    expect(c.status).toBe('evaluated');
    expect(c.counts.evaluations).toBe(1);
    c = await step(u.supervisor.auth, c, 'close');
    expect(c.status).toBe('closed');

    const detail = await w.app.inject({ url: `/api/cases/${c.number}`, headers: u.supervisor.auth });
    const d = detail.json<{
      timeline: Array<{ action: string; actorUserId: number }>;
      reports: Array<{ evaluation: unknown }>;
    }>();
    expect(d.timeline.map((e) => e.action)).toEqual([
      'received',
      'dispatch',
      'accept',
      'contact',
      'resolve',
      'verify',
      'evaluate',
      'close',
    ]);
    expect(d.timeline[2]!.actorUserId).toBe(u.handlerS1.id);
    expect(d.reports[0]!.evaluation).toMatchObject({ solved: true, satisfaction: 'satisfied' });
  });

  it('returns with a reason and re-dispatches to another unit', async () => {
    const { users: u } = w;
    let c = await file();
    c = await step(u.dispatcher.auth, c, 'dispatch');
    expect((await refused(u.handlerS1.auth, c, 'return', {})).code).toBe('validation_failed');
    c = await step(u.handlerS1.auth, c, 'return', { reason: '该点位属黄村地区管辖' });
    expect(c.status).toBe('returned');
    expect(c.leadUnitId).toBeNull();
    expect(c.counts.returns).toBe(1);
    c = await step(u.dispatcher.auth, c, 'dispatch', { leadUnitId: w.units.s2.id, reason: '改派黄村' });
    expect(c.leadUnitId).toBe(w.units.s2.id);
    // the first unit keeps sight of the case it returned but can no longer act on it
    expect(await refused(u.handlerS1.auth, c, 'accept')).toEqual({ status: 403, code: 'not_assigned' });
    c = await step(u.handlerS2.auth, c, 'accept');
    expect(c.status).toBe('accepted');
  });

  it('co-handling: the lead cannot resolve until the co-unit submits its part', async () => {
    const { users: u } = w;
    let c = await file({ categoryCode: '02-01', text: '工地夜间施工噪声扰民' });
    c = await step(u.dispatcher.auth, c, 'dispatch');
    expect(c.leadUnitId).toBe(w.units.cgw.id);
    c = await step(u.handlerCgw.auth, c, 'accept');
    const early = await refused(u.handlerCgw.auth, c, 'resolve', { result: '已处理' });
    expect(early).toEqual({ status: 409, code: 'co_handling_pending' });
    c = await step(u.handlerHbj.auth, c, 'co-accept');
    c = await step(u.handlerHbj.auth, c, 'co-submit', { result: '已监测噪声并告知施工方' });
    c = await step(u.handlerCgw.auth, c, 'resolve', { result: '已责令停止夜间施工' });
    expect(c.status).toBe('resolved');
  });

  it('extensions move the resolution deadline only when approved', async () => {
    const { users: u } = w;
    let c = await file();
    c = await step(u.dispatcher.auth, c, 'dispatch');
    c = await step(u.handlerS1.auth, c, 'accept');
    const due = Date.parse(c.resolveDueAt!);
    c = await step(u.handlerS1.auth, c, 'request-extension', {
      amount: 2,
      unit: 'workdays',
      reason: '需协调产权单位',
    });
    expect(
      (await refused(u.handlerS1.auth, c, 'request-extension', { amount: 1, unit: 'workdays', reason: 'x' }))
        .code,
    ).toBe('extension_pending');
    c = await step(u.supervisor.auth, c, 'decide-extension', { approve: false, reason: '理由不充分' });
    expect(Date.parse(c.resolveDueAt!)).toBe(due);
    expect((await refused(u.supervisor.auth, c, 'decide-extension', { approve: true })).code).toBe(
      'no_pending_extension',
    );
    c = await step(u.handlerS1.auth, c, 'request-extension', {
      amount: 2,
      unit: 'workdays',
      reason: '需协调产权单位',
    });
    c = await step(u.supervisor.auth, c, 'decide-extension', { approve: true });
    expect(Date.parse(c.resolveDueAt!) - due).toBeGreaterThanOrEqual(2 * 86_400_000);
    expect(c.counts.extensions).toBe(1);
  });

  it('reopens (重办) after an unsatisfied rating and dispatches back to the same unit', async () => {
    const { users: u } = w;
    let c = await file();
    c = await step(u.dispatcher.auth, c, 'dispatch');
    c = await step(u.handlerS1.auth, c, 'accept');
    c = await step(u.handlerS1.auth, c, 'resolve', { result: '已处理' });
    c = await step(u.supervisor.auth, c, 'verify', { passed: true });
    c = await step(u.agent.auth, c, 'evaluate', { solved: true, satisfaction: 'satisfied' });
    expect((await refused(u.supervisor.auth, c, 'reopen', { reason: '市民不满意' })).code).toBe(
      'invalid_transition',
    );
    // a second reporter joins and is unhappy
    const joined = await post(u.agent.auth, '/api/reports', {
      channel: 'web',
      text: '摊贩又回来了',
      mergeIntoCase: c.number,
      reporter: { phone: '13900000000' },
    });
    expect(joined.status).toBe(201);
    c = joined.body.case;
    expect(c.counts.reports).toBe(2);
    c = await step(u.agent.auth, c, 'evaluate', {
      reportId: joined.body.reportId,
      solved: false,
      satisfaction: 'unsatisfied',
    });
    c = await step(u.supervisor.auth, c, 'reopen', { reason: '市民反映问题未解决' });
    expect(c.status).toBe('dispatched');
    expect(c.leadUnitId).toBe(w.units.s1.id);
    expect(c.counts.reopens).toBe(1);
  });

  it('verification failure sends the case back to the unit', async () => {
    const { users: u } = w;
    let c = await file();
    c = await step(u.dispatcher.auth, c, 'dispatch');
    c = await step(u.handlerS1.auth, c, 'accept');
    c = await step(u.handlerS1.auth, c, 'resolve', { result: '已处理' });
    c = await step(u.supervisor.auth, c, 'verify', { passed: false, note: '现场仍有摊位' });
    expect(c.status).toBe('in_progress');
    c = await step(u.handlerS1.auth, c, 'resolve', { result: '已彻底清理' });
    expect(c.status).toBe('resolved');
  });

  it('answers a consultation at intake (直接办结) and closes it after the callback', async () => {
    const { users: u } = w;
    let c = await file({
      kind: 'consultation',
      categoryCode: undefined,
      areaCode: undefined,
      text: '请问居住证怎么办理？',
    });
    c = await step(u.agent.auth, c, 'answer', { answer: '携带身份证到社区服务站办理' });
    expect(c.status).toBe('resolved');
    expect((await refused(u.supervisor.auth, c, 'verify', { passed: true })).code).toBe('invalid_transition');
    c = await step(u.agent.auth, c, 'evaluate', { solved: true, satisfaction: 'basically_satisfied' });
    c = await step(u.supervisor.auth, c, 'close');
    expect(c.status).toBe('closed');
  });

  it('invalidates (不予受理) and merges (并案) cases', async () => {
    const { users: u } = w;
    let bad = await file({ text: '测试测试' });
    bad = await step(u.agent.auth, bad, 'invalidate', { reason: '无效来电' });
    expect(bad.status).toBe('invalid');
    const a = await file();
    let b = await file({ reporter: { name: '李四', phone: '13700000000' } });
    b = await step(u.dispatcher.auth, b, 'merge', { intoCase: a.number, reason: '同一点位同一问题' });
    expect(b.status).toBe('merged');
    const detail = await w.app.inject({ url: `/api/cases/${a.id}`, headers: u.agent.auth });
    const d = detail.json<{ case: CaseOut; reports: Array<{ reporter: { name: string } }> }>();
    expect(d.case.counts.reports).toBe(2);
    expect(d.reports.map((r) => r.reporter.name).sort()).toEqual(['张三', '李四']);
  });
});

describe('refusals', () => {
  it('refuses every action that the status does not allow, with 409 invalid_transition', async () => {
    const { users: u } = w;
    const c = await file();
    for (const [auth, action, body] of [
      [u.handlerS1.auth, 'accept', {}],
      [u.handlerS1.auth, 'contact', { note: 'x' }],
      [u.handlerS1.auth, 'resolve', { result: 'x' }],
      [u.supervisor.auth, 'verify', { passed: true }],
      [u.agent.auth, 'evaluate', { solved: true, satisfaction: 'satisfied' }],
      [u.supervisor.auth, 'reopen', { reason: 'x' }],
      [u.supervisor.auth, 'close', {}],
      [u.supervisor.auth, 'urge', { message: 'x' }],
    ] as const) {
      const r = await refused(auth, c, action, body);
      expect([r.status, r.code], action).toEqual(
        action === 'accept' || action === 'contact' || action === 'resolve'
          ? [404, 'case_not_found']
          : [409, 'invalid_transition'],
      );
    }
  });

  it('refuses every action on a closed case, whoever asks, with 409 invalid_transition', async () => {
    const { users: u } = w;
    let c = await file({ kind: 'consultation', text: '请问垃圾分类的投放时间？' });
    c = await step(u.agent.auth, c, 'answer', { answer: '早7点至9点，晚6点至8点' });
    c = await step(u.agent.auth, c, 'evaluate', { solved: true, satisfaction: 'satisfied' });
    c = await step(u.supervisor.auth, c, 'close');
    const attempts: Array<[Auth, string, Record<string, unknown>]> = [
      [u.dispatcher.auth, 'dispatch', { leadUnitId: w.units.s1.id }],
      [u.supervisor.auth, 'decide-extension', { approve: true }],
      [u.supervisor.auth, 'urge', { message: '请尽快' }],
      [u.supervisor.auth, 'verify', { passed: true }],
      [u.agent.auth, 'evaluate', { solved: true, satisfaction: 'satisfied' }],
      [u.supervisor.auth, 'reopen', { reason: 'x' }],
      [u.supervisor.auth, 'close', {}],
      [u.agent.auth, 'answer', { answer: 'x' }],
      [u.agent.auth, 'invalidate', { reason: 'x' }],
      [u.agent.auth, 'merge', { intoCase: c.number }],
    ];
    for (const [auth, action, body] of attempts) {
      expect(await refused(auth, c, action, body), action).toEqual({
        status: 409,
        code: 'invalid_transition',
      });
    }
    const after = await w.app.inject({ url: `/api/cases/${c.id}`, headers: u.supervisor.auth });
    expect(after.json<{ case: CaseOut }>().case.version).toBe(c.version);
  });

  it('refuses unit actions from units that hold no such assignment', async () => {
    const { users: u } = w;
    let c = await file({ categoryCode: '02-01', text: '夜间施工噪声' });
    c = await step(u.dispatcher.auth, c, 'dispatch');
    // the co-handling unit may not take the lead's actions, nor the lead the co-unit's
    expect(await refused(u.handlerHbj.auth, c, 'accept')).toEqual({ status: 403, code: 'not_assigned' });
    expect(await refused(u.handlerCgw.auth, c, 'co-submit', { result: 'x' })).toEqual({
      status: 403,
      code: 'not_assigned',
    });
    // extension before acceptance, contact before acceptance
    expect(
      await refused(u.handlerCgw.auth, c, 'request-extension', { amount: 1, unit: 'workdays', reason: 'x' }),
    ).toEqual({
      status: 409,
      code: 'invalid_transition',
    });
    expect(await refused(u.handlerCgw.auth, c, 'contact', { note: 'x' })).toEqual({
      status: 409,
      code: 'invalid_transition',
    });
  });

  it('refuses a stale version with 409 stale_version and writes nothing', async () => {
    const { users: u } = w;
    const c = await file();
    const moved = await step(u.dispatcher.auth, c, 'dispatch');
    const r = await refused(u.dispatcher.auth, c, 'dispatch', { leadUnitId: w.units.s2.id });
    expect(r).toEqual({ status: 409, code: 'stale_version' });
    const after = await w.app.inject({ url: `/api/cases/${c.id}`, headers: u.agent.auth });
    expect(after.json<{ case: CaseOut }>().case.leadUnitId).toBe(moved.leadUnitId);
  });

  it('refuses roles that may not act, and leaders are read-only', async () => {
    const { users: u } = w;
    const c = await file();
    expect(await refused(u.handlerS1.auth, c, 'dispatch')).toEqual({ status: 404, code: 'case_not_found' });
    expect(await refused(u.leader.auth, c, 'dispatch')).toEqual({ status: 403, code: 'read_only_role' });
    const d = await step(u.dispatcher.auth, c, 'dispatch');
    expect(await refused(u.dispatcher.auth, d, 'accept')).toEqual({ status: 403, code: 'forbidden' });
    const leaderView = await w.app.inject({ url: `/api/cases/${c.id}`, headers: u.leader.auth });
    expect(leaderView.statusCode).toBe(200);
  });
});
