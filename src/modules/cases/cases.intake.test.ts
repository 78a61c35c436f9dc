import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipart } from '../../../test/multipart.js';
import { makeWorld, setDistrictBbox, type World } from '../../../test/world.js';

let w: World;
beforeAll(async () => {
  w = await makeWorld();
  await setDistrictBbox(w);
});
afterAll(async () => {
  await w.close();
});

type Res = {
  status: number;
  body: {
    error?: { code: string; details?: unknown };
    duplicate?: boolean;
    case?: { id: string; number: string };
  };
};
async function intake(
  payload: unknown,
  headers: Record<string, string> = {},
  auth = w.users.agent.auth,
): Promise<Res> {
  const res = await w.app.inject({
    method: 'POST',
    url: '/api/reports',
    payload: typeof payload === 'string' ? payload : (payload as object),
    headers: { 'content-type': 'application/json', ...auth, ...headers },
  });
  return { status: res.statusCode, body: res.json() };
}

const valid = {
  channel: 'hotline',
  text: '小区门口井盖缺失，存在安全隐患',
  categoryCode: '04-06',
  areaCode: '110115104001',
};

async function count(table: 'cases' | 'reports' | 'audit_log') {
  const r = await w.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

describe('bad input gets a stable code and writes nothing', () => {
  it.each([
    ['malformed JSON', '{"channel": "hotline", "text": ', 400, 'malformed_json'],
    ['missing text', { channel: 'hotline' }, 400, 'validation_failed'],
    ['unknown field', { ...valid, colour: 'red' }, 400, 'validation_failed'],
    ['unknown channel', { ...valid, channel: 'pigeon' }, 400, 'validation_failed'],
    ['unknown category', { ...valid, categoryCode: '99-99' }, 422, 'unknown_category'],
    ['non-leaf category', { ...valid, categoryCode: '04' }, 422, 'category_not_leaf'],
    ['unknown unit', { ...valid, areaCode: '999999999' }, 422, 'unknown_unit'],
    ['department as area', { ...valid, areaCode: '110115-D02' }, 422, 'unknown_unit'],
    [
      'coordinates outside the district',
      { ...valid, lon: 121.47, lat: 31.23 },
      422,
      'location_outside_district',
    ],
    ['half a coordinate', { ...valid, lon: 116.3 }, 400, 'validation_failed'],
    ['bad phone', { ...valid, reporter: { phone: 'call me' } }, 400, 'validation_failed'],
    ['text too long', { ...valid, text: '长'.repeat(4001) }, 400, 'validation_failed'],
  ])('%s', async (_name, payload, status, code) => {
    const before = [await count('cases'), await count('reports'), await count('audit_log')];
    const res = await intake(payload);
    expect(res.status).toBe(status);
    expect(res.body.error?.code).toBe(code);
    expect([await count('cases'), await count('reports'), await count('audit_log')]).toEqual(before);
  });

  it('needs a login', async () => {
    const res = await intake(valid, {}, { authorization: 'Bearer nope' });
    expect(res).toMatchObject({ status: 401, body: { error: { code: 'unauthenticated' } } });
  });

  it('wrong content type is 415', async () => {
    const res = await w.app.inject({
      method: 'POST',
      url: '/api/reports',
      payload: 'text=hi',
      headers: { ...w.users.agent.auth, 'content-type': 'text/plain' },
    });
    expect(res.statusCode).toBe(415);
    expect(res.json<{ error: { code: string } }>().error.code).toBe('unsupported_media_type');
  });
});

describe('double submits', () => {
  it('honours Idempotency-Key: the same request replays, a different one is refused', async () => {
    const first = await intake(valid, { 'idempotency-key': 'k-1' });
    const again = await intake(valid, { 'idempotency-key': 'k-1' });
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body.case!.id).toBe(first.body.case!.id);
    const other = await intake({ ...valid, text: '另一件事' }, { 'idempotency-key': 'k-1' });
    expect(other).toMatchObject({ status: 409, body: { error: { code: 'idempotency_conflict' } } });
  });

  it('concurrent duplicates with one key create one case', async () => {
    const before = await count('cases');
    const results = await Promise.all(
      Array.from({ length: 5 }, () => intake(valid, { 'idempotency-key': 'k-concurrent' })),
    );
    expect(new Set(results.map((r) => r.body.case!.id)).size).toBe(1);
    expect(await count('cases')).toBe(before + 1);
  });

  it('a redelivered channel message (same external id) returns the first report', async () => {
    const first = await intake({ ...valid, channel: 'webhook', externalId: '12315-0001' });
    const again = await intake({ ...valid, channel: 'webhook', externalId: '12315-0001', text: '重复推送' });
    expect(first.status).toBe(201);
    expect(again.status).toBe(200);
    expect(again.body.duplicate).toBe(true);
    expect(again.body.case!.id).toBe(first.body.case!.id);
  });
});

describe('scope and privacy', () => {
  it('a street handler never sees or touches another street’s case', async () => {
    const created = await intake({ ...valid, autoDispatch: true });
    const id = created.body.case!.id;
    const own = await w.app.inject({ url: `/api/cases/${id}`, headers: w.users.handlerS1.auth });
    expect(own.statusCode).toBe(200);
    const other = await w.app.inject({ url: `/api/cases/${id}`, headers: w.users.handlerS2.auth });
    expect(other.statusCode).toBe(404);
    expect(other.json<{ error: { code: string } }>().error.code).toBe('case_not_found');
    const list = await w.app.inject({ url: '/api/cases?pageSize=200', headers: w.users.handlerS2.auth });
    expect(list.json<{ items: Array<{ id: string }> }>().items.map((c) => c.id)).not.toContain(id);
    const act = await w.app.inject({
      method: 'POST',
      url: `/api/cases/${id}/accept`,
      headers: w.users.handlerS2.auth,
      payload: { version: 2 },
    });
    expect(act.statusCode).toBe(404);
    const dept = await w.app.inject({ url: `/api/cases/${id}`, headers: w.users.handlerCgw.auth });
    expect(dept.statusCode).toBe(404);
  });

  it('masks reporter PII for roles without the right, and hides it from handlers when confidential', async () => {
    const reporter = {
      name: '王小明',
      phone: '13812345678',
      idNumber: '11010519491231002X',
      email: 'wxm@example.com',
    };
    const open = await intake({ ...valid, autoDispatch: true, reporter });
    const secret = await intake({
      ...valid,
      autoDispatch: true,
      reporter: { ...reporter, confidential: true },
    });
    const view = async (id: string, auth: { authorization: string }) =>
      (await w.app.inject({ url: `/api/cases/${id}`, headers: auth })).json<{
        reports: Array<{ reporter: Record<string, string> }>;
      }>().reports[0]!.reporter;
    expect(await view(open.body.case!.id, w.users.agent.auth)).toEqual(reporter);
    expect(await view(open.body.case!.id, w.users.leader.auth)).toEqual({
      name: '王**',
      phone: '138****5678',
      idNumber: '110***********002X',
      email: 'w***@example.com',
    });
    expect(await view(open.body.case!.id, w.users.handlerS1.auth)).toEqual(reporter);
    expect((await view(secret.body.case!.id, w.users.handlerS1.auth)).phone).toBe('138****5678');
  });

  it('a citizen sees only their own reports and the public timeline', async () => {
    const mine = await intake(
      { channel: 'web', text: '路灯不亮', categoryCode: '04-06', areaCode: '110115104001' },
      {},
      w.users.citizen.auth,
    );
    expect(mine.status).toBe(201);
    const notMine = await intake(valid);
    const list = await w.app.inject({ url: '/api/cases', headers: w.users.citizen.auth });
    expect(list.json<{ items: Array<{ id: string }> }>().items.map((c) => c.id)).toEqual([
      mine.body.case!.id,
    ]);
    expect(
      (await w.app.inject({ url: `/api/cases/${notMine.body.case!.id}`, headers: w.users.citizen.auth }))
        .statusCode,
    ).toBe(404);
    const hotline = await intake({ ...valid, channel: 'hotline' }, {}, w.users.citizen.auth);
    expect(hotline).toMatchObject({ status: 403, body: { error: { code: 'forbidden' } } });
  });
});

describe('attachments', () => {
  const png = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    Buffer.alloc(64, 1),
  ]);
  const upload = (filename: string, bytes: Buffer, type: string) =>
    multipart([], [{ field: 'file', filename, bytes, type }]);

  it('stores a photo, serves it back in scope, and refuses wrong types', async () => {
    const created = await intake({ ...valid, autoDispatch: true });
    const id = created.body.case!.id;
    const up = upload('现场.png', png, 'image/png');
    const res = await w.app.inject({
      method: 'POST',
      url: `/api/cases/${id}/attachments`,
      payload: up.payload,
      headers: { ...w.users.handlerS1.auth, ...up.headers },
    });
    expect(res.statusCode).toBe(201);
    const [att] = res.json<{ attachments: Array<{ id: string; mimeType: string }> }>().attachments;
    expect(att!.mimeType).toBe('image/png');
    const got = await w.app.inject({ url: `/api/attachments/${att!.id}`, headers: w.users.agent.auth });
    expect(got.rawPayload.equals(png)).toBe(true);
    expect(
      (await w.app.inject({ url: `/api/attachments/${att!.id}`, headers: w.users.handlerS2.auth }))
        .statusCode,
    ).toBe(404);

    const exe = upload('virus.png', Buffer.from('MZ\x90\x00 not an image'), 'image/png');
    const bad = await w.app.inject({
      method: 'POST',
      url: `/api/cases/${id}/attachments`,
      payload: exe.payload,
      headers: { ...w.users.handlerS1.auth, ...exe.headers },
    });
    expect(bad.statusCode).toBe(415);
    expect(bad.json<{ error: { code: string } }>().error.code).toBe('attachment_type_not_allowed');
  });

  it('refuses an oversized upload with 413', async () => {
    const small = await makeWorld({ UPLOAD_MAX_BYTES: '1000' });
    try {
      const created = await small.app.inject({
        method: 'POST',
        url: '/api/reports',
        headers: small.users.agent.auth,
        payload: valid,
      });
      const id = created.json<{ case: { id: string } }>().case.id;
      const big = upload('big.png', Buffer.concat([png, Buffer.alloc(5000)]), 'image/png');
      const res = await small.app.inject({
        method: 'POST',
        url: `/api/cases/${id}/attachments`,
        payload: big.payload,
        headers: { ...small.users.agent.auth, ...big.headers },
      });
      expect(res.statusCode).toBe(413);
      expect(res.json<{ error: { code: string } }>().error.code).toBe('attachment_too_large');
      expect(await small.db.selectFrom('attachments').selectAll().execute()).toEqual([]);
    } finally {
      await small.close();
    }
  });
});
