import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCategory, makeRule } from '../../../test/factories.js';
import { makeWorld, type Auth, type World } from '../../../test/world.js';

let w: World;
beforeAll(async () => {
  w = await makeWorld();
  // A street category with a tighter response deadline than 04-06 (2 h), to see the inbox's order.
  const parent = await makeCategory(w.db, { code: '05', name: '市政设施', leaf: false });
  const lamp = await makeCategory(w.db, {
    code: '05-01',
    name: '路灯不亮',
    parentId: parent.id,
    response: [1, 'hours'],
    resolve: [24, 'hours'],
  });
  await makeRule(w.db, { categoryId: lamp.id, mode: 'street' });
});
afterAll(async () => {
  await w.close();
});

interface CaseOut {
  id: string;
  number: string;
  status: string;
  version: number;
}
interface InboxItem {
  case: CaseOut & { responseDueAt: string | null };
  bucket: string;
  assignment: { role: string; status: string; unit: { name: string } };
  myActions: string[];
  deadlineUnits: { response: string | null; resolve: string | null };
  extensionPending: boolean;
  waitingFor: string[];
  sentBack: { action: string; reason: string | null } | null;
}
interface Inbox {
  items: InboxItem[];
  counts: Record<string, number>;
  truncated: boolean;
}

async function inbox(auth: Auth) {
  const res = await w.app.inject({ method: 'GET', url: '/api/inbox', headers: auth });
  return { status: res.statusCode, body: res.json<Inbox>() };
}

async function post(auth: Auth, url: string, payload: object) {
  const res = await w.app.inject({ method: 'POST', url, payload, headers: auth });
  expect(res.statusCode, `${url}: ${res.body}`).toBeLessThan(300);
  return res.json<{ case: CaseOut }>().case;
}

async function fileAndDispatch(categoryCode: string, text: string) {
  const res = await w.app.inject({
    method: 'POST',
    url: '/api/reports',
    headers: w.users.agent.auth,
    payload: { channel: 'hotline', text, categoryCode, areaCode: '110115104001' },
  });
  const c = res.json<{ case: CaseOut }>().case;
  return post(w.users.dispatcher.auth, `/api/cases/${c.id}/dispatch`, { version: c.version });
}

const step = (auth: Auth, c: CaseOut, action: string, body: object = {}) =>
  post(auth, `/api/cases/${c.id}/${action}`, { version: c.version, ...body });

const find = (box: Inbox, c: CaseOut) => box.items.find((i) => i.case.id === c.id);

describe('GET /api/inbox (承办)', () => {
  it('lists the unit’s dispatched cases to accept, nearest deadline first, with what may be done', async () => {
    const stall = await fileAndDispatch('04-06', '西红门路口占道摆摊');
    const lamp = await fileAndDispatch('05-01', '西红门社区路灯不亮'); // filed later, due sooner
    const { status, body } = await inbox(w.users.handlerS1.auth);
    expect(status).toBe(200);
    const ids = body.items.map((i) => i.case.id);
    expect(ids.indexOf(lamp.id)).toBeLessThan(ids.indexOf(stall.id));
    expect(find(body, stall)).toMatchObject({
      bucket: 'to_accept',
      assignment: { role: 'lead', status: 'pending', unit: { name: '西红门地区' } },
      myActions: ['accept', 'return'],
      deadlineUnits: { response: 'hours', resolve: 'workdays' },
      extensionPending: false,
      sentBack: null,
    });
    expect(body.counts.to_accept).toBe(2);
    // another street's handler does not see them; centre roles have no inbox
    expect((await inbox(w.users.handlerS2.auth)).body.items).toEqual([]);
    expect((await inbox(w.users.dispatcher.auth)).status).toBe(403);

    // after the first contact the stall case is judged by its resolution deadline (3 workdays)
    let c = await step(w.users.handlerS1.auth, stall, 'accept');
    c = await step(w.users.handlerS1.auth, c, 'contact', { note: '已联系' });
    const after = (await inbox(w.users.handlerS1.auth)).body;
    expect(find(after, c)).toMatchObject({
      bucket: 'in_progress',
      myActions: ['resolve', 'request_extension'], // no 退单 once handling has begun
    });
    c = await step(w.users.handlerS1.auth, c, 'request-extension', {
      amount: 2,
      unit: 'workdays',
      reason: '需协调产权单位',
    });
    expect(find((await inbox(w.users.handlerS1.auth)).body, c)).toMatchObject({
      extensionPending: true,
      myActions: ['resolve'],
    });
  });

  it('shows co-handling requests to the co-unit and keeps the lead from resolving until they are in', async () => {
    let c = await fileAndDispatch('02-01', '工地夜间施工噪声扰民');
    const co = find((await inbox(w.users.handlerHbj.auth)).body, c);
    expect(co).toMatchObject({
      bucket: 'co_handling',
      assignment: { role: 'co', status: 'pending' },
      myActions: ['co_accept', 'co_submit'],
    });
    c = await step(w.users.handlerCgw.auth, c, 'accept');
    expect(find((await inbox(w.users.handlerCgw.auth)).body, c)).toMatchObject({
      bucket: 'in_progress',
      myActions: ['contact', 'return', 'request_extension'], // no 办结 yet
      waitingFor: ['区生态环境局'],
    });
    c = await step(w.users.handlerHbj.auth, c, 'co-accept');
    c = await step(w.users.handlerHbj.auth, c, 'co-submit', { result: '已监测噪声' });
    expect(find((await inbox(w.users.handlerHbj.auth)).body, c)).toBeUndefined();
    expect(find((await inbox(w.users.handlerCgw.auth)).body, c)).toMatchObject({
      myActions: ['contact', 'return', 'resolve', 'request_extension'],
      waitingFor: [],
    });
  });

  it('puts a case that failed verification back in the unit’s inbox with the reason', async () => {
    let c = await fileAndDispatch('04-06', '西红门小区门口堆放垃圾');
    c = await step(w.users.handlerS1.auth, c, 'accept');
    c = await step(w.users.handlerS1.auth, c, 'resolve', { result: '已清理' });
    expect(find((await inbox(w.users.handlerS1.auth)).body, c)).toBeUndefined();
    c = await step(w.users.supervisor.auth, c, 'verify', { passed: false, note: '现场仍有垃圾' });
    const back = find((await inbox(w.users.handlerS1.auth)).body, c);
    expect(back).toMatchObject({
      bucket: 'sent_back',
      sentBack: { action: 'verify_failed', reason: '现场仍有垃圾' },
    });
    expect(back?.myActions).toContain('resolve');
  });

  it('gives the case detail the same unit work for the user', async () => {
    const c = await fileAndDispatch('04-06', '西红门商场门口共享单车乱停');
    const detail = async (auth: Auth) =>
      (await w.app.inject({ method: 'GET', url: `/api/cases/${c.id}`, headers: auth })).json<{
        work: Pick<InboxItem, 'myActions' | 'deadlineUnits'>;
      }>().work;
    expect(await detail(w.users.handlerS1.auth)).toMatchObject({
      myActions: ['accept', 'return'],
      deadlineUnits: { response: 'hours', resolve: 'workdays' },
    });
    // a supervisor reads the case but has no unit actions on it
    expect((await detail(w.users.supervisor.auth)).myActions).toEqual([]);
  });
});
