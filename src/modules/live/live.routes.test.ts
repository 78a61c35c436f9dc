import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeWorld, type Auth, type CaseOut, type World } from '../../../test/world.js';
import { buildApp } from '../../app.js';
import { createSession, hashToken } from '../../platform/auth.js';
import { issueTicket } from './live.ticket.js';

let w: World;
let base: string;
beforeAll(async () => {
  w = await makeWorld();
  base = await w.app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(async () => {
  await w.close();
});

interface Received {
  event: string;
  id?: string;
  data: Record<string, unknown>;
}

/** An open SSE stream read with fetch: collects parsed events as they arrive. */
async function openStream(url: string, headers: Record<string, string> = {}) {
  const controller = new AbortController();
  const res = await fetch(url, { headers, signal: controller.signal });
  const events: Received[] = [];
  let buffer = '';
  const pump = async () => {
    const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += value;
        let cut: number;
        while ((cut = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          const field = (name: string) =>
            block
              .split('\n')
              .find((l) => l.startsWith(`${name}: `))
              ?.slice(name.length + 2);
          const data = field('data');
          if (data !== undefined) {
            events.push({
              event: field('event') ?? 'message',
              id: field('id'),
              data: JSON.parse(data) as Record<string, unknown>,
            });
          }
        }
      }
    } catch {
      // aborted
    }
  };
  const done = res.ok ? pump() : Promise.resolve();
  return {
    res,
    events,
    async until(check: (events: Received[]) => boolean) {
      for (let i = 0; i < 200 && !check(events); i++) await new Promise((r) => setTimeout(r, 50));
      expect(check(events), JSON.stringify(events)).toBe(true);
    },
    async close() {
      controller.abort();
      await done;
    },
  };
}

async function ticket(auth: Auth): Promise<string> {
  const res = await w.app.inject({ method: 'POST', url: '/api/live/ticket', headers: auth });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ ticket: string }>().ticket;
}

async function post(auth: Auth, url: string, payload: object): Promise<CaseOut> {
  const res = await w.app.inject({ method: 'POST', url, payload, headers: auth });
  expect(res.statusCode, res.body).toBeLessThan(300);
  return res.json<{ case: CaseOut }>().case;
}

async function file(): Promise<CaseOut> {
  return post(w.users.agent.auth, '/api/reports', {
    channel: 'hotline',
    text: '西红门鸿坤广场东门有人占道摆摊，影响通行',
    categoryCode: '04-06',
    areaCode: '110115104001',
    reporter: { name: '张三', phone: '13812345678' },
  });
}

const step = (auth: Auth, c: CaseOut, action: string, body: object = {}) =>
  post(auth, `/api/cases/${c.id}/${action}`, { version: c.version, ...body });

const caseEvents = (events: Received[]) => events.filter((e) => e.event === 'case');

describe('GET /api/live', () => {
  it('streams each step of a case to the leader as it happens, then resumes from Last-Event-ID', async () => {
    const u = w.users;
    const stream = await openStream(`${base}/api/live?ticket=${await ticket(u.leader.auth)}`);
    expect(stream.res.status).toBe(200);
    expect(stream.res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    await stream.until((e) => e.some((x) => x.event === 'ready'));

    let c = await file();
    c = await step(u.dispatcher.auth, c, 'dispatch');
    c = await step(u.handlerS1.auth, c, 'accept');
    await stream.until((e) => caseEvents(e).length >= 3);
    const [received, dispatched] = caseEvents(stream.events);
    expect(received!.data).toMatchObject({
      action: 'received',
      to: 'received',
      case: { id: c.id, number: c.number, category: '占道经营', area: '西红门社区' },
    });
    expect(dispatched!.data).toMatchObject({ action: 'dispatch', from: 'received', to: 'dispatched' });
    const ids = caseEvents(stream.events).map((e) => Number(e.id));
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    const lastSeen = ids[2]!;
    await stream.close();

    // Offline while the case moves on; the reconnect gets exactly what it missed.
    c = await step(u.handlerS1.auth, c, 'contact', { note: '已联系' });
    c = await step(u.handlerS1.auth, c, 'resolve', { result: '已劝离' });
    const again = await openStream(`${base}/api/live?ticket=${await ticket(u.leader.auth)}`, {
      'last-event-id': String(lastSeen),
    });
    await again.until((e) => caseEvents(e).length >= 2);
    expect(caseEvents(again.events).map((e) => e.data.action)).toEqual(['contact', 'resolve']);
    c = await step(u.supervisor.auth, c, 'verify', { passed: true });
    await again.until((e) => caseEvents(e).length >= 3);
    expect(caseEvents(again.events)[2]!.data).toMatchObject({ action: 'verify', to: 'verified' });
    await again.close();
  });

  it('takes the resume point from ?lastEventId= when a new EventSource cannot send the header', async () => {
    const c = await file();
    const first = await openStream(
      `${base}/api/live?ticket=${await ticket(w.users.admin.auth)}&lastEventId=0`,
    );
    await first.until((e) => caseEvents(e).some((x) => (x.data.case as { id: string }).id === c.id));
    await first.close();
  });

  it('reaches a client of another node: the database is the bus', async () => {
    // A second server on the same database, as a second process would be.
    const other = await buildApp(w.ctx);
    const otherBase = await other.listen({ port: 0, host: '127.0.0.1' });
    try {
      const stream = await openStream(
        `${otherBase}/api/live?ticket=${await ticket(w.users.supervisor.auth)}`,
      );
      await stream.until((e) => e.some((x) => x.event === 'ready'));
      const c = await file(); // through the first server
      await stream.until((e) => caseEvents(e).some((x) => (x.data.case as { id: string }).id === c.id));
      await stream.close();
    } finally {
      await other.close();
    }
  });

  it('refuses a missing, unknown, used or expired ticket, one of a logged-out session, and other roles', async () => {
    const u = w.users;
    expect((await fetch(`${base}/api/live`)).status).toBe(400);
    expect((await fetch(`${base}/api/live?ticket=${'A'.repeat(43)}`)).status).toBe(401);
    // the session token itself is not a ticket
    const token = u.leader.auth.authorization.slice(7);
    expect((await fetch(`${base}/api/live?ticket=${token}`)).status).toBe(401);
    // a ticket opens one stream, once
    const once = await ticket(u.leader.auth);
    const first = await openStream(`${base}/api/live?ticket=${once}`);
    expect(first.res.status).toBe(200);
    await first.close();
    expect((await fetch(`${base}/api/live?ticket=${once}`)).status).toBe(401);
    const expired = (await issueTicket(w.db, hashToken(token), new Date(Date.now() - 120_000))).ticket;
    expect((await fetch(`${base}/api/live?ticket=${expired}`)).status).toBe(401);

    const handler = await w.app.inject({
      method: 'POST',
      url: '/api/live/ticket',
      headers: u.handlerS1.auth,
    });
    expect(handler.statusCode).toBe(403);
    expect((await w.app.inject({ method: 'POST', url: '/api/live/ticket' })).statusCode).toBe(401);

    const { token: second } = await createSession(w.db, u.leader.id, 1);
    const session = { authorization: `Bearer ${second}` };
    const t = await ticket(session);
    await w.app.inject({ method: 'POST', url: '/api/auth/logout', headers: session });
    expect((await fetch(`${base}/api/live?ticket=${t}`)).status).toBe(401);
  });
});
