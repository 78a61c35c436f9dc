import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeWorld, type Auth, type World } from '../../../test/world.js';
import { activateSyntheticModel } from '../suggest/suggest.fixtures.js';

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
  resolveDueAt: string | null;
}
interface ListItem extends CaseOut {
  lastReturn: { reason: string | null; unitName: string; at: string } | null;
  pendingExtension: { amount: number; unit: string; reason: string; requestedAt: string } | null;
}

async function post(auth: Auth, url: string, payload: object) {
  const res = await w.app.inject({ method: 'POST', url, payload, headers: auth });
  return { status: res.statusCode, body: res.json<{ case: CaseOut; reportId: string }>() };
}

async function list(query: string, auth = w.users.supervisor.auth) {
  const res = await w.app.inject({ url: `/api/cases?pageSize=200&${query}`, headers: auth });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ items: ListItem[]; total: number }>().items;
}

async function file(extra: Record<string, unknown> = {}) {
  const res = await post(w.users.agent.auth, '/api/reports', {
    channel: 'hotline',
    text: '西红门鸿坤广场东门有人占道摆摊，影响通行',
    categoryCode: '04-06',
    areaCode: '110115104001',
    reporter: { name: '张三', phone: '13812345678' },
    ...extra,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return { c: res.body.case, reportId: res.body.reportId };
}

/** Walks a case through actions, each with the version the last one returned. */
function walker(c: CaseOut) {
  const state = { c };
  const step = async (auth: Auth, action: string, body: object = {}) => {
    const res = await post(auth, `/api/cases/${state.c.id}/${action}`, { version: state.c.version, ...body });
    expect(res.status, `${action}: ${JSON.stringify(res.body)}`).toBe(200);
    state.c = res.body.case;
    return state.c;
  };
  return { state, step };
}

describe('work-queue filters of GET /api/cases', () => {
  it('lists returned cases with their unit’s reason, and disputes (returned twice or reopened)', async () => {
    const u = w.users;
    const { step } = walker((await file()).c);
    await step(u.dispatcher.auth, 'dispatch');
    await step(u.handlerS1.auth, 'return', { reason: '不属于本街道' });
    const again = await step(u.dispatcher.auth, 'dispatch', { leadUnitId: w.units.s2.id });
    // dispatched again: no longer returned
    expect((await list('status=returned')).map((i) => i.id)).not.toContain(again.id);
    const returned = await step(u.handlerS2.auth, 'return', { reason: '点位在西红门' });
    const item = (await list('status=returned')).find((i) => i.id === returned.id);
    expect(item?.lastReturn).toMatchObject({ reason: '点位在西红门', unitName: '黄村地区' });
    expect((await list('disputed=true')).map((i) => i.id)).toContain(returned.id);

    const once = walker((await file()).c);
    await once.step(u.dispatcher.auth, 'dispatch');
    await once.step(u.handlerS1.auth, 'return', { reason: '重复' });
    expect((await list('disputed=true')).map((i) => i.id)).not.toContain(once.state.c.id);
  });

  it('lists pending extension requests with the request, and the callback queue', async () => {
    const u = w.users;
    const { step, state } = walker((await file()).c);
    await step(u.dispatcher.auth, 'dispatch');
    await step(u.handlerS1.auth, 'accept');
    await step(u.handlerS1.auth, 'request-extension', {
      amount: 2,
      unit: 'workdays',
      reason: '需协调施工队',
    });
    const pending = await list('pendingExtension=true');
    expect(pending.find((i) => i.id === state.c.id)?.pendingExtension).toMatchObject({
      amount: 2,
      unit: 'workdays',
      reason: '需协调施工队',
    });
    await step(u.supervisor.auth, 'decide-extension', { approve: true });
    expect((await list('pendingExtension=true')).map((i) => i.id)).not.toContain(state.c.id);

    // two reporters: the case waits for the callback until both have rated
    const second = await post(u.agent.auth, '/api/reports', {
      channel: 'hotline',
      text: '鸿坤广场东门摆摊又来了',
      mergeIntoCase: state.c.number,
    });
    expect(second.status).toBe(201);
    state.c = second.body.case;
    await step(u.handlerS1.auth, 'resolve', { result: '已劝离' });
    expect((await list('awaitingCallback=true')).map((i) => i.id)).not.toContain(state.c.id);
    await step(u.supervisor.auth, 'verify', { passed: true });
    expect((await list('awaitingCallback=true')).map((i) => i.id)).toContain(state.c.id);
    await step(u.agent.auth, 'evaluate', { solved: true, satisfaction: 'satisfied' });
    expect((await list('awaitingCallback=true')).map((i) => i.id)).toContain(state.c.id);
    await step(u.agent.auth, 'evaluate', {
      reportId: second.body.reportId,
      solved: true,
      satisfaction: 'basically_satisfied',
    });
    expect((await list('awaitingCallback=true')).map((i) => i.id)).not.toContain(state.c.id);
  });

  it('sorts by the resolution deadline, nearest first and cases without one last', async () => {
    const items = await list('sort=due');
    const dues = items.map((i) => i.resolveDueAt);
    const firstNull = dues.indexOf(null);
    const dated = (firstNull < 0 ? dues : dues.slice(0, firstNull)) as string[];
    expect(dated.length).toBeGreaterThan(1);
    expect([...dated].sort()).toEqual(dated);
    if (firstNull >= 0) expect(dues.slice(firstNull).every((d) => d === null)).toBe(true);
  });
});

describe('GET /api/intake/queue', () => {
  it('names the unit each alternative reading stands for (the dispatcher’s ranked picker)', async () => {
    await activateSyntheticModel(w);
    const res = await post(w.users.agent.auth, '/api/reports', {
      channel: 'hotline',
      text: '请问办理居住证需要带什么材料？',
      areaCode: '110115104001',
    });
    expect(res.body.case.status).toBe('received');
    const queue = await w.app.inject({
      url: '/api/intake/queue?pageSize=200',
      headers: w.users.dispatcher.auth,
    });
    const item = queue
      .json<{
        items: Array<{
          case: { id: string };
          suggestion: {
            alternatives: Array<{ label: string; unitId: number | null; unitName: string | null }>;
          };
        }>;
      }>()
      .items.find((i) => i.case.id === res.body.case.id)!;
    const byLabel = new Map(item.suggestion.alternatives.map((a) => [a.label, a]));
    const other = byLabel.get('环境') ?? byLabel.get('交通');
    expect(other).toBeDefined();
    expect(other!.unitId).toBe(other!.label === '环境' ? w.units.cgw.id : w.units.hbj.id);
    expect(byLabel.get('教育')?.unitId ?? null).toBeNull(); // a category label names no unit
  });
});
