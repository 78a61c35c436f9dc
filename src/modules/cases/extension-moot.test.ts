import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileReport, makeWorld, type Auth, type World } from '../../../test/world.js';
import { verifyAudit } from '../../platform/audit.js';

let w: World;
beforeAll(async () => {
  w = await makeWorld();
});
afterAll(async () => {
  await w.close();
});

interface CaseOut {
  id: string;
  version: number;
  status: string;
  resolveDueAt: string | null;
}

async function step(auth: Auth, c: CaseOut, action: string, body: Record<string, unknown> = {}) {
  const res = await w.app.inject({
    method: 'POST',
    url: `/api/cases/${c.id}/${action}`,
    payload: { version: c.version, ...body },
    headers: auth,
  });
  expect(res.statusCode, `${action}: ${res.body}`).toBe(200);
  return res.json<{ case: CaseOut }>().case;
}

async function openCase(): Promise<CaseOut> {
  let c = await fileReport<CaseOut>(w, { text: '鸿坤广场东门路灯不亮' });
  c = await step(w.users.dispatcher.auth, c, 'dispatch');
  return step(w.users.handlerS1.auth, c, 'accept');
}

async function extensions(caseId: string) {
  return w.db.selectFrom('extension_requests').selectAll().where('case_id', '=', caseId).execute();
}

describe('an extension request pending when the case is resolved', () => {
  it('is closed as moot by the resolve, with a timeline entry, and the deadline stays', async () => {
    const u = w.users;
    let c = await openCase();
    const due = c.resolveDueAt;
    c = await step(u.handlerS1.auth, c, 'request-extension', {
      amount: 2,
      unit: 'workdays',
      reason: '需协调',
    });
    c = await step(u.handlerS1.auth, c, 'resolve', { result: '已修复' });
    expect(c.status).toBe('resolved');
    expect(c.resolveDueAt).toBe(due);

    const [request] = await extensions(c.id);
    expect(request).toMatchObject({ status: 'moot', decision_reason: '案件已办结，延期申请不再需要' });
    expect(request!.decided_at).not.toBeNull();
    // Nothing is left to decide: the supervisor's queue no longer holds it.
    const res = await w.app.inject({
      method: 'POST',
      url: `/api/cases/${c.id}/decide-extension`,
      payload: { version: c.version, approve: true },
      headers: u.supervisor.auth,
    });
    expect(res.statusCode).toBe(409);

    const detail = await w.app.inject({
      method: 'GET',
      url: `/api/cases/${c.id}`,
      headers: u.supervisor.auth,
    });
    const actions = detail.json<{ timeline: Array<{ action: string; reason: string | null }> }>().timeline;
    expect(actions.map((e) => e.action).slice(-2)).toEqual(['resolve', 'extension_moot']);
    expect(actions.at(-1)!.reason).toBe('案件已办结，延期申请不再需要');
    const { problems } = await verifyAudit(w.db, w.ctx.config.AUDIT_SECRET);
    expect(problems).toEqual([]);
  });

  it('leaves decided requests alone', async () => {
    const u = w.users;
    let c = await openCase();
    c = await step(u.handlerS1.auth, c, 'request-extension', {
      amount: 1,
      unit: 'workdays',
      reason: '需协调',
    });
    c = await step(u.supervisor.auth, c, 'decide-extension', { approve: false, reason: '不同意' });
    c = await step(u.handlerS1.auth, c, 'resolve', { result: '已修复' });
    expect((await extensions(c.id)).map((e) => e.status)).toEqual(['denied']);
    const detail = await w.app.inject({
      method: 'GET',
      url: `/api/cases/${c.id}`,
      headers: u.supervisor.auth,
    });
    expect(
      detail.json<{ timeline: Array<{ action: string }> }>().timeline.map((e) => e.action),
    ).not.toContain('extension_moot');
  });
});
