import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { makeWorld, type Auth, type CaseOut, type World } from '../../../test/world.js';
import { sign } from '../channels/signature.js';
import { deliverDue, leaseMs, retryDelayMs } from './outbox.job.js';
import { claimDue } from './outbox.repository.js';

/** A local SMTP server (the real protocol, via `smtp-server`) that keeps what it receives. */
async function startSmtp() {
  const mails: Array<{ to: string[]; raw: string }> = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        mails.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString(),
        });
        callback();
      });
    },
  });
  server.listen(0, '127.0.0.1');
  await once(server.server, 'listening');
  const port = (server.server.address() as AddressInfo).port;
  return { mails, port, close: () => new Promise<void>((r) => server.close(() => r())) };
}

interface Hit {
  headers: IncomingMessage['headers'];
  body: string;
}

/** A local HTTP receiver (SMS gateway or channel callback) answering with `status()`. */
async function startReceiver() {
  const hits: Hit[] = [];
  const state = { status: 200 };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      hits.push({ headers: req.headers, body: Buffer.concat(chunks).toString() });
      res.statusCode = state.status;
      res.end('{}');
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  return { hits, state, url, close: () => new Promise<void>((r) => server.close(() => r())) };
}

let w: World;
let smtp: Awaited<ReturnType<typeof startSmtp>>;
let sms: Awaited<ReturnType<typeof startReceiver>>;
let hook: Awaited<ReturnType<typeof startReceiver>>;

beforeAll(async () => {
  smtp = await startSmtp();
  sms = await startReceiver();
  hook = await startReceiver();
  w = await makeWorld({
    SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
    SMS_GATEWAY_URL: sms.url,
    SMS_GATEWAY_TOKEN: 'gateway-token',
    OUTBOX_TIMEOUT_MS: '3000',
  });
});
afterAll(async () => {
  await w.close();
  await Promise.all([smtp.close(), sms.close(), hook.close()]);
});
beforeEach(() => {
  smtp.mails.length = 0;
  sms.hits.length = 0;
  hook.hits.length = 0;
  sms.state.status = 200;
  hook.state.status = 200;
});

async function post(auth: Auth, url: string, payload: object) {
  const res = await w.app.inject({ method: 'POST', url, payload, headers: auth });
  return { status: res.statusCode, body: res.json<{ case: CaseOut; error?: { code: string } }>() };
}

async function file(reporter: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  const res = await post(w.users.agent.auth, '/api/reports', {
    channel: 'hotline',
    text: '西红门鸿坤广场东门有人占道摆摊',
    categoryCode: '04-06',
    areaCode: '110115104001',
    reporter,
    ...extra,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.case;
}

async function step(auth: Auth, c: CaseOut, action: string, body: Record<string, unknown> = {}) {
  const res = await post(auth, `/api/cases/${c.id}/${action}`, { version: c.version, ...body });
  expect(res.status, `${action}: ${JSON.stringify(res.body)}`).toBe(200);
  return res.body.case;
}

async function deliveries(c: CaseOut, auth: Auth = w.users.supervisor.auth) {
  const res = await w.app.inject({ url: `/api/cases/${c.id}/deliveries`, headers: auth });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{
    items: Array<{
      id: string;
      action: string;
      adapter: string;
      recipient: string;
      status: string;
      attempts: number;
      lastError: string | null;
    }>;
  }>().items;
}

/** Runs the delivery job until nothing is due (as the scheduler does). */
async function drain() {
  while ((await deliverDue(w.ctx)) > 0);
}

describe('the outbox', () => {
  it('acknowledges a report by e-mail and SMS with its case number, written with the intake', async () => {
    const c = await file({ name: '张三', phone: '13812345678', email: 'zhang@example.cn' });
    const queued = await deliveries(c);
    expect(queued.map((d) => [d.action, d.adapter, d.status])).toEqual([
      ['received', 'email', 'pending'],
      ['received', 'sms', 'pending'],
    ]);
    await drain();
    expect(smtp.mails).toHaveLength(1);
    expect(smtp.mails[0]!.to).toEqual(['zhang@example.cn']);
    expect(smtp.mails[0]!.raw).toContain(`X-Zhicheng-Delivery: ${queued[0]!.id}`);
    expect(sms.hits).toHaveLength(1);
    expect(sms.hits[0]!.headers.authorization).toBe('Bearer gateway-token');
    const text = JSON.parse(sms.hits[0]!.body) as { to: string; text: string; requestId: string };
    expect(text).toMatchObject({ to: '13812345678', requestId: queued[1]!.id });
    expect(text.text).toContain(c.number);
    expect(text.text.startsWith('【智城12345】您反映的诉求已受理')).toBe(true);
    const after = await deliveries(c);
    expect(after.every((d) => d.status === 'delivered' && d.attempts === 1)).toBe(true);
    // A handler without the PII right sees the recipients masked.
    const masked = await deliveries(c, w.users.handlerS1.auth).catch(() => null);
    if (masked) expect(masked[1]!.recipient).not.toBe('13812345678');
  });

  it('queues nothing for anonymous reporters, fixed lines, or changes that fail', async () => {
    const anon = await file({ anonymous: true, phone: '13812345678' });
    expect(await deliveries(anon)).toEqual([]);
    const landline = await file({ name: '李四', phone: '010-69251234' });
    expect(await deliveries(landline)).toEqual([]);
    const c = await file({ name: '王五', phone: '13900001111' });
    const before = await w.db
      .selectFrom('outbox')
      .select((e) => e.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const stale = await post(w.users.dispatcher.auth, `/api/cases/${c.id}/dispatch`, { version: 99 });
    expect(stale.status).toBe(409);
    const after = await w.db
      .selectFrom('outbox')
      .select((e) => e.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });

  it('tells every reporter the result, and a merged reporter only their own acknowledgement', async () => {
    const u = w.users;
    let c = await file({ name: '张三', phone: '13812345678' });
    await drain();
    sms.hits.length = 0;
    const merged = await post(u.agent.auth, '/api/reports', {
      channel: 'hotline',
      text: '鸿坤广场东门又有人摆摊',
      mergeIntoCase: c.id,
      reporter: { name: '赵六', phone: '13700002222' },
    });
    expect(merged.status, JSON.stringify(merged.body)).toBe(201);
    c = merged.body.case;
    await drain();
    expect(sms.hits.map((h) => (JSON.parse(h.body) as { to: string }).to)).toEqual(['13700002222']);
    expect((JSON.parse(sms.hits[0]!.body) as { text: string }).text).toContain('合并办理');
    sms.hits.length = 0;

    c = await step(u.dispatcher.auth, c, 'dispatch');
    c = await step(u.handlerS1.auth, c, 'accept');
    c = await step(u.handlerS1.auth, c, 'contact', { note: '已联系' });
    await drain();
    expect(sms.hits).toHaveLength(0); // dispatch, accept and contact are not texted
    c = await step(u.handlerS1.auth, c, 'resolve', { result: '已劝离摊贩并加强巡查' });
    await drain();
    const texts = sms.hits.map((h) => JSON.parse(h.body) as { to: string; text: string });
    expect(texts.map((t) => t.to).sort()).toEqual(['13700002222', '13812345678']);
    expect(texts.every((t) => t.text.includes('已劝离摊贩并加强巡查') && t.text.includes(c.number))).toBe(
      true,
    );
  });

  it('retries with backoff on transient failures and gives up on permanent ones; staff can retry', async () => {
    sms.state.status = 503;
    const c = await file({ name: '张三', phone: '13812345678' });
    await drain();
    let [d] = await deliveries(c);
    expect(d).toMatchObject({ status: 'pending', attempts: 1, lastError: 'HTTP 503' });
    // Not before the backoff: nothing is due now.
    expect(await deliverDue(w.ctx)).toBe(0);
    sms.state.status = 200;
    await deliverDue(w.ctx, undefined, new Date(Date.now() + retryDelayMs(1, 1) + 1000));
    [d] = await deliveries(c);
    expect(d).toMatchObject({ status: 'delivered', attempts: 2 });
    expect(sms.hits).toHaveLength(2);

    sms.state.status = 400;
    const bad = await file({ name: '李四', phone: '13812340000' });
    await drain();
    [d] = await deliveries(bad);
    expect(d).toMatchObject({ status: 'failed', attempts: 1, lastError: 'HTTP 400' });
    expect((await post(w.users.handlerS1.auth, `/api/outbox/${d!.id}/retry`, {})).status).toBe(403);
    sms.state.status = 200;
    const retry = await w.app.inject({
      method: 'POST',
      url: `/api/outbox/${d!.id}/retry`,
      headers: w.users.dispatcher.auth,
    });
    expect(retry.statusCode, retry.body).toBe(202);
    await drain();
    [d] = await deliveries(bad);
    expect(d).toMatchObject({ status: 'delivered', attempts: 1 });
    const again = await w.app.inject({
      method: 'POST',
      url: `/api/outbox/${d!.id}/retry`,
      headers: w.users.dispatcher.auth,
    });
    expect(again.json()).toMatchObject({ error: { code: 'invalid_transition' } });
  });

  it('holds a claimed message for the lease, then hands it out again (a crashed sender)', async () => {
    const c = await file({ name: '张三', phone: '13812345678' });
    const now = new Date();
    const first = await claimDue(w.db, now, leaseMs(w.ctx), 100);
    expect(first.map((m) => m.case_id)).toContain(c.id);
    expect(await claimDue(w.db, now, leaseMs(w.ctx), 100)).toEqual([]);
    const later = await claimDue(w.db, new Date(now.getTime() + leaseMs(w.ctx) + 1), leaseMs(w.ctx), 100);
    expect(later.map((m) => m.id).sort()).toEqual(first.map((m) => m.id).sort());
    expect(later.every((m) => m.attempts === 2)).toBe(true);
    await deliverDue(w.ctx, undefined, new Date(now.getTime() + 2 * leaseMs(w.ctx) + 2));
    expect((await deliveries(c)).every((d) => d.status === 'delivered')).toBe(true);
  });

  it('posts every public change back to the channel a report came through, signed', async () => {
    const secret = 'channel-secret-0123456789';
    const channel = await w.db
      .insertInto('inbound_channels')
      .values({
        code: 'c12315',
        name: '12315 平台',
        kind: 'webhook',
        secret,
        field_mapping: '{}',
        callback_url: hook.url,
        user_id: w.users.agent.id,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    // The report as an inbound webhook files it: the channel's kind, `<code>:<their id>`, the channel id.
    const { intake } = await import('../cases/intake.service.js');
    const { caseDeps } = await import('../cases/cases.deps.impl.js');
    const actor = {
      id: w.users.agent.id,
      role: 'agent' as const,
      unitId: w.units.centre.id,
      unitPath: w.units.centre.path,
    };
    const opened = await w.db.transaction().execute((tx) =>
      intake(
        w.ctx,
        caseDeps,
        tx,
        actor as never,
        {
          channel: 'webhook',
          externalId: 'c12315:T-9001',
          text: '商户占道经营',
          categoryCode: '04-06',
          areaCode: '110115104001',
          priority: 'normal',
          kind: 'request',
          autoDispatch: false,
          reporter: { anonymous: false, confidential: false },
        } as never,
        undefined,
        { inboundChannelId: channel.id },
      ),
    );
    let c: CaseOut = {
      id: opened.caseRow.id,
      number: opened.caseRow.number,
      version: opened.caseRow.version,
      status: 'received',
    };
    c = await step(w.users.dispatcher.auth, c, 'dispatch');
    await drain();
    expect(hook.hits).toHaveLength(2);
    const bodies = hook.hits.map((h) => JSON.parse(h.body) as Record<string, string>);
    expect(bodies.map((b) => b.event)).toEqual(['received', 'dispatch']);
    expect(bodies[1]).toMatchObject({
      caseNumber: c.number,
      externalId: 'T-9001',
      status: 'dispatched',
      statusLabel: '已派单',
    });
    for (const h of hook.hits) {
      const ts = h.headers['x-zhicheng-timestamp'] as string;
      expect(h.headers['x-zhicheng-signature']).toBe(sign(secret, ts, h.body));
      expect(h.headers['x-zhicheng-delivery']).toBe(
        (JSON.parse(h.body) as { deliveryId: string }).deliveryId,
      );
    }
  });
});
