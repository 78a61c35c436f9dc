import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeWorld, receivedEvent, setDistrictBbox, type World } from '../../../test/world.js';
import { sign } from './signature.js';

let w: World;

/** A leader-board style payload: nested message, location and reporter. */
const mapping = {
  fields: {
    externalId: 'msg.id',
    text: 'msg.content',
    title: 'msg.subject',
    categoryCode: 'msg.type',
    priority: 'msg.level',
    lon: 'location.lng',
    lat: 'location.lat',
    address: 'location.addr',
    reporterName: 'user.name',
    reporterPhone: 'user.mobile',
    anonymous: 'user.hidden',
    occurredAt: 'msg.time',
  },
  values: {
    categoryCode: { A01: '04-06', B07: '02-01' },
    priority: { 紧急: 'urgent', 一般: 'normal', '*': 'normal' },
  },
  constants: { kind: 'request' },
};

function payload(id: string | number, extra: Record<string, unknown> = {}) {
  return {
    msg: {
      id,
      content: '小区门口有人占道摆摊',
      subject: '占道经营',
      type: 'A01',
      level: '紧急',
      time: '2026-11-20T08:00:00+08:00',
    },
    location: { lng: '116.3301', lat: 39.7889, addr: '鸿坤广场东门' },
    user: { name: '李四', mobile: '13900001111', hidden: 0, openid: 'wx-abc' },
    board: 'leader',
    ...extra,
  };
}

interface Delivery {
  secret?: string;
  timestamp?: number | string;
  signature?: string;
  headers?: Record<string, string>;
}

async function deliver(code: string, secret: string, body: unknown, opt: Delivery = {}) {
  const raw = typeof body === 'string' ? body : JSON.stringify(body);
  const ts = opt.timestamp ?? Math.floor(Date.now() / 1000);
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'x-zhicheng-timestamp': String(ts),
    'x-zhicheng-signature': opt.signature ?? sign(opt.secret ?? secret, ts, raw),
    ...opt.headers,
  };
  return w.app.inject({ method: 'POST', url: `/api/inbound/${code}`, headers, payload: raw });
}

async function createChannel(body: Record<string, unknown>) {
  const res = await w.app.inject({
    method: 'POST',
    url: '/api/channels',
    headers: w.users.admin.auth,
    payload: { name: '区领导留言板', kind: 'leader_board', fieldMapping: mapping, ...body },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: number; code: string; secret: string; userId: number }>();
}

async function count(table: 'reports' | 'cases' | 'case_events' | 'inbound_channels') {
  const row = await w.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Every delivery below is refused: nothing may have been written. */
async function expectRefused(res: { statusCode: number; json: <T>() => T }, status: number, code: string) {
  expect(res.statusCode).toBe(status);
  expect(res.json<{ error: { code: string } }>().error.code).toBe(code);
}

let board: { id: number; code: string; secret: string; userId: number };

beforeAll(async () => {
  w = await makeWorld({ INBOUND_RATE_LIMIT: '25' });
  await setDistrictBbox(w);
  board = await createChannel({ code: 'leader-board', callbackUrl: 'https://board.example.gov.cn/hook' });
});
afterAll(async () => {
  await w?.close();
});

describe('channel admin', () => {
  it('shows the secret once at creation and never in the list', async () => {
    expect(board.secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const list = await w.app.inject({ url: '/api/channels', headers: w.users.admin.auth });
    expect(list.statusCode).toBe(200);
    expect(list.body).not.toContain(board.secret);
    const item = list.json<Array<Record<string, unknown>>>().find((c) => c.code === 'leader-board');
    expect(item).toMatchObject({
      name: '区领导留言板',
      kind: 'leader_board',
      callbackUrl: 'https://board.example.gov.cn/hook',
      active: true,
      inboundPath: '/api/inbound/leader-board',
      fieldMapping: mapping,
    });
    expect(item).not.toHaveProperty('secret');
    const user = await w.db
      .selectFrom('users')
      .select(['role', 'org_unit_id'])
      .where('id', '=', board.userId)
      .executeTakeFirstOrThrow();
    expect(user).toEqual({ role: 'agent', org_unit_id: w.units.centre.id });
    const audit = await w.db
      .selectFrom('audit_log')
      .select(['action', 'after'])
      .where('entity', '=', 'inbound_channel')
      .where('entity_id', '=', String(board.id))
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['inbound_channel_created']);
    expect(JSON.stringify(audit)).not.toContain(board.secret);
  });

  it('refuses non-admins, bad codes, kinds, URLs and mappings, writing nothing', async () => {
    const before = await count('inbound_channels');
    for (const who of [w.users.agent, w.users.supervisor, w.users.grid]) {
      const res = await w.app.inject({ url: '/api/channels', headers: who.auth });
      await expectRefused(res, 403, 'forbidden');
      const post = await w.app.inject({
        method: 'POST',
        url: '/api/channels',
        headers: who.auth,
        payload: { code: 'x-1', name: 'x', kind: 'webhook', fieldMapping: mapping },
      });
      await expectRefused(post, 403, 'forbidden');
    }
    await expectRefused(await w.app.inject({ url: '/api/channels' }), 401, 'unauthenticated');
    const bad = [
      { code: 'Bad Code', kind: 'webhook', fieldMapping: mapping },
      { code: 'ok-code', kind: 'carrier_pigeon', fieldMapping: mapping },
      { code: 'ok-code', kind: 'webhook', fieldMapping: mapping, callbackUrl: 'ftp://x.example/' },
      { code: 'ok-code', kind: 'webhook', fieldMapping: { fields: { text: 'a' } } },
      {
        code: 'ok-code',
        kind: 'webhook',
        fieldMapping: { fields: { externalId: 'a', text: 'b', color: 'c' } },
      },
      { code: 'ok-code', kind: 'webhook', fieldMapping: { fields: { externalId: 'a..b', text: 'b' } } },
    ];
    for (const body of bad) {
      const res = await w.app.inject({
        method: 'POST',
        url: '/api/channels',
        headers: w.users.admin.auth,
        payload: { name: 'x', ...body },
      });
      await expectRefused(res, 400, 'validation_failed');
    }
    const dup = await w.app.inject({
      method: 'POST',
      url: '/api/channels',
      headers: w.users.admin.auth,
      payload: { code: 'leader-board', name: 'again', kind: 'webhook', fieldMapping: mapping },
    });
    await expectRefused(dup, 409, 'duplicate');
    expect(await count('inbound_channels')).toBe(before);
  });

  it('updates name, mapping, callback and pauses a channel', async () => {
    const ch = await createChannel({ code: 'pause-me', kind: 'webhook' });
    const res = await w.app.inject({
      method: 'PATCH',
      url: `/api/channels/${ch.id}`,
      headers: w.users.admin.auth,
      payload: { name: '暂停测试', callbackUrl: null, active: false },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ name: '暂停测试', callbackUrl: null, active: false });
    expect(res.body).not.toContain(ch.secret);
    await expectRefused(await deliver(ch.code, ch.secret, payload('p1')), 404, 'not_found');
    const resumed = await w.app.inject({
      method: 'PATCH',
      url: `/api/channels/${ch.id}`,
      headers: w.users.admin.auth,
      payload: { active: true },
    });
    expect(resumed.statusCode).toBe(200);
    expect((await deliver(ch.code, ch.secret, payload('p1'))).statusCode).toBe(201);
  });
});

describe('inbound delivery', () => {
  it('files a signed delivery through its mapping: nested paths, value maps, constants', async () => {
    const res = await deliver(board.code, board.secret, payload('m-1001'));
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json<{ caseNumber: string; caseId: string; reportId: string; duplicate: boolean }>();
    expect(body.duplicate).toBe(false);
    expect(body.caseNumber).toMatch(/^110115-\d{8}-\d+$/);
    const report = await w.db
      .selectFrom('reports as r')
      .innerJoin('cases as c', 'c.id', 'r.case_id')
      .innerJoin('categories as k', 'k.id', 'r.category_id')
      .select([
        'r.id',
        'r.channel',
        'r.external_id',
        'r.inbound_channel_id',
        'r.text',
        'r.lon',
        'r.lat',
        'r.address',
        'r.reporter_name',
        'r.reporter_phone',
        'r.anonymous',
        'r.created_by',
        'k.code as category',
        'c.priority',
        'c.title',
        'c.number',
      ])
      .where('r.id', '=', body.reportId)
      .executeTakeFirstOrThrow();
    expect(report).toMatchObject({
      channel: 'leader_board',
      external_id: 'leader-board:m-1001',
      inbound_channel_id: board.id,
      text: '小区门口有人占道摆摊',
      lon: 116.3301,
      lat: 39.7889,
      address: '鸿坤广场东门',
      reporter_name: '李四',
      reporter_phone: '13900001111',
      anonymous: false,
      created_by: board.userId,
      category: '04-06',
      priority: 'urgent',
      title: '占道经营',
      number: body.caseNumber,
    });
    const { data } = await receivedEvent(w, { id: body.caseId });
    // The unmapped rest of the payload is kept; mapped values are not repeated.
    expect(data.channelData).toEqual({
      inboundChannel: 'leader-board',
      occurredAt: '2026-11-20T08:00:00+08:00',
      payload: { user: { openid: 'wx-abc' }, board: 'leader' },
    });
  });

  it('translates other words through the * fallback and numeric ids to strings', async () => {
    const p = payload(42);
    p.msg.level = '非常急';
    p.msg.type = 'B07';
    const res = await deliver(board.code, board.secret, p);
    expect(res.statusCode, res.body).toBe(201);
    const row = await w.db
      .selectFrom('reports as r')
      .innerJoin('cases as c', 'c.id', 'r.case_id')
      .innerJoin('categories as k', 'k.id', 'r.category_id')
      .select(['r.external_id', 'c.priority', 'k.code'])
      .where('r.id', '=', res.json<{ reportId: string }>().reportId)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ external_id: 'leader-board:42', priority: 'normal', code: '02-01' });
  });

  it('answers a redelivery with the same case and duplicate=true, writing nothing', async () => {
    const first = await deliver(board.code, board.secret, payload('m-2001'));
    expect(first.statusCode).toBe(201);
    const reports = await count('reports');
    const events = await count('case_events');
    const again = await deliver(board.code, board.secret, payload('m-2001', { retry: 3 }));
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toEqual({ ...first.json<object>(), duplicate: true });
    expect(await count('reports')).toBe(reports);
    expect(await count('case_events')).toBe(events);
  });

  it('answers concurrent deliveries of one id with one case', async () => {
    const reports = await count('reports');
    const results = await Promise.all(
      [1, 2, 3].map(() => deliver(board.code, board.secret, payload('m-race'))),
    );
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 200, 201]);
    expect(new Set(results.map((r) => r.json<{ caseNumber: string }>().caseNumber)).size).toBe(1);
    expect(await count('reports')).toBe(reports + 1);
  });

  it('refuses bad, missing and expired signatures and unknown channels, writing nothing', async () => {
    const reports = await count('reports');
    const cases = await count('cases');
    const now = Math.floor(Date.now() / 1000);
    const body = payload('m-3001');
    const raw = JSON.stringify(body);
    await expectRefused(await deliver(board.code, 'not-the-secret', body), 401, 'signature_invalid');
    // Signed over other bytes than those sent.
    await expectRefused(
      await deliver(board.code, board.secret, raw, { signature: sign(board.secret, now, `${raw} `) }),
      401,
      'signature_invalid',
    );
    // The timestamp is part of what is signed.
    await expectRefused(
      await deliver(board.code, board.secret, raw, {
        timestamp: now,
        signature: sign(board.secret, now - 1, raw),
      }),
      401,
      'signature_invalid',
    );
    await expectRefused(
      await deliver(board.code, board.secret, raw, { signature: 'sha256=zz' }),
      401,
      'signature_invalid',
    );
    const missing = await w.app.inject({
      method: 'POST',
      url: `/api/inbound/${board.code}`,
      headers: { 'content-type': 'application/json' },
      payload: raw,
    });
    await expectRefused(missing, 401, 'signature_invalid');
    await expectRefused(
      await deliver(board.code, board.secret, body, { timestamp: now - 301 }),
      401,
      'signature_expired',
    );
    await expectRefused(
      await deliver(board.code, board.secret, body, { timestamp: now + 400 }),
      401,
      'signature_expired',
    );
    await expectRefused(await deliver('no-such-channel', board.secret, body), 404, 'not_found');
    expect(await count('reports')).toBe(reports);
    expect(await count('cases')).toBe(cases);
    // Still fresh at 299 s.
    expect((await deliver(board.code, board.secret, body, { timestamp: now - 299 })).statusCode).toBe(201);
  });

  it('refuses payloads that do not map, naming the field and path, writing nothing', async () => {
    const reports = await count('reports');
    const noId = payload('x');
    delete (noId.msg as Partial<typeof noId.msg>).id;
    const res = await deliver(board.code, board.secret, noId);
    await expectRefused(res, 400, 'validation_failed');
    expect(res.json<{ error: { details: unknown } }>().error.details).toEqual([
      { field: 'externalId', path: 'msg.id', message: 'required' },
    ]);
    const noText = payload('m-4001');
    noText.msg.content = '';
    const res2 = await deliver(board.code, board.secret, noText);
    await expectRefused(res2, 400, 'validation_failed');
    expect(res2.json<{ error: { details: Array<{ path: string }> } }>().error.details[0]!.path).toBe(
      'msg.content',
    );
    const badPhone = payload('m-4002');
    badPhone.user.mobile = 'call me';
    const res3 = await deliver(board.code, board.secret, badPhone);
    await expectRefused(res3, 400, 'validation_failed');
    expect(
      res3.json<{ error: { details: Array<{ field: string; path: string }> } }>().error.details[0],
    ).toMatchObject({
      field: 'reporterPhone',
      path: 'user.mobile',
    });
    await expectRefused(await deliver(board.code, board.secret, [1, 2]), 400, 'validation_failed');
    await expectRefused(await deliver(board.code, board.secret, '{"msg": '), 400, 'malformed_json');
    const far = payload('m-4003');
    far.location.lng = '121.47';
    far.location.lat = 31.23;
    await expectRefused(await deliver(board.code, board.secret, far), 422, 'location_outside_district');
    const unknownCategory = payload('m-4004');
    unknownCategory.msg.type = '99-99';
    await expectRefused(await deliver(board.code, board.secret, unknownCategory), 422, 'unknown_category');
    const big = payload('m-4005', { blob: 'x'.repeat(1024 * 1024) });
    await expectRefused(await deliver(board.code, board.secret, big), 413, 'payload_too_large');
    const form = await deliver(board.code, board.secret, 'a=b', {
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    await expectRefused(form, 415, 'unsupported_media_type');
    expect(await count('reports')).toBe(reports);
  });

  it('refuses the old secret after rotation and accepts the new one', async () => {
    const ch = await createChannel({ code: 'rotate-me', kind: 'wechat' });
    expect((await deliver(ch.code, ch.secret, payload('r-1'))).statusCode).toBe(201);
    const rotated = await w.app.inject({
      method: 'POST',
      url: `/api/channels/${ch.id}/rotate-secret`,
      headers: w.users.admin.auth,
    });
    expect(rotated.statusCode, rotated.body).toBe(200);
    const fresh = rotated.json<{ secret: string; code: string }>().secret;
    expect(fresh).not.toBe(ch.secret);
    const list = await w.app.inject({ url: '/api/channels', headers: w.users.admin.auth });
    expect(list.body).not.toContain(fresh);
    const reports = await count('reports');
    await expectRefused(await deliver(ch.code, ch.secret, payload('r-2')), 401, 'signature_invalid');
    expect(await count('reports')).toBe(reports);
    const ok = await deliver(ch.code, fresh, payload('r-2'));
    expect(ok.statusCode).toBe(201);
    const row = await w.db
      .selectFrom('reports')
      .select(['channel', 'external_id'])
      .where('id', '=', ok.json<{ reportId: string }>().reportId)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ channel: 'wechat', external_id: 'rotate-me:r-2' });
  });

  it('answers 404 for a revoked channel, for good', async () => {
    const ch = await createChannel({ code: 'revoke-me', kind: 'webhook' });
    expect((await deliver(ch.code, ch.secret, payload('v-1'))).statusCode).toBe(201);
    const revoked = await w.app.inject({
      method: 'POST',
      url: `/api/channels/${ch.id}/revoke`,
      headers: w.users.admin.auth,
    });
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json()).toMatchObject({ active: false });
    const reports = await count('reports');
    await expectRefused(await deliver(ch.code, ch.secret, payload('v-2')), 404, 'not_found');
    // Even a redelivery of what it sent before.
    await expectRefused(await deliver(ch.code, ch.secret, payload('v-1')), 404, 'not_found');
    expect(await count('reports')).toBe(reports);
    const reopen = await w.app.inject({
      method: 'PATCH',
      url: `/api/channels/${ch.id}`,
      headers: w.users.admin.auth,
      payload: { active: true },
    });
    await expectRefused(reopen, 409, 'invalid_transition');
    const rotate = await w.app.inject({
      method: 'POST',
      url: `/api/channels/${ch.id}/rotate-secret`,
      headers: w.users.admin.auth,
    });
    await expectRefused(rotate, 409, 'invalid_transition');
    const actions = await w.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity', '=', 'inbound_channel')
      .where('entity_id', '=', String(ch.id))
      .orderBy('seq')
      .execute();
    expect(actions.map((a) => a.action)).toEqual(['inbound_channel_created', 'inbound_channel_revoked']);
  });

  it('rate-limits per channel, not across channels', async () => {
    const busy = await createChannel({ code: 'busy', kind: 'webhook' });
    const calm = await createChannel({ code: 'calm', kind: 'webhook' });
    for (let i = 0; i < 25; i++) {
      // Unsigned: the limit counts every request to the channel's webhook.
      const res = await w.app.inject({ method: 'POST', url: '/api/inbound/busy', payload: {} });
      expect(res.statusCode).toBe(401);
    }
    await expectRefused(await deliver(busy.code, busy.secret, payload('b-1')), 429, 'rate_limited');
    expect((await deliver(calm.code, calm.secret, payload('c-1'))).statusCode).toBe(201);
  });
});
