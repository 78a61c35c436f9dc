import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipart } from '../../../test/multipart.js';
import { makeWorld, receivedEvent, setDistrictBbox, type World } from '../../../test/world.js';
import { createOpen311Client } from './open311.clients.js';

let w: World;
let key: string;

const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);

function form(fields: Array<[string, string]>) {
  return new URLSearchParams(fields).toString();
}

async function postForm(fmt: 'json' | 'xml', fields: Array<[string, string]>) {
  const res = await w.app.inject({
    method: 'POST',
    url: `/open311/v2/requests.${fmt}`,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: form(fields),
  });
  return { status: res.statusCode, type: String(res.headers['content-type']), body: res.body, res };
}

async function postMultipart(
  fmt: 'json' | 'xml',
  fields: Array<[string, string]>,
  files: Array<[string, string, Buffer]>,
) {
  const body = multipart(
    fields,
    files.map(([field, filename, bytes]) => ({ field, filename, bytes, type: 'image/png' })),
  );
  const res = await w.app.inject({
    method: 'POST',
    url: `/open311/v2/requests.${fmt}`,
    headers: body.headers,
    payload: body.payload,
  });
  return { status: res.statusCode, type: String(res.headers['content-type']), body: res.body };
}

/** The one <request> (or <error>) of an XML answer as { name: text }. */
function xmlRecord(body: string, root: string, item: string): Record<string, string> {
  expect(body.startsWith('<?xml version="1.0" encoding="utf-8"?>\n')).toBe(true);
  const inner = new RegExp(`<${root}><${item}>(.*)</${item}></${root}>$`).exec(body);
  expect(inner, body).not.toBeNull();
  const out: Record<string, string> = {};
  for (const m of inner![1]!.matchAll(/<(\w+)>([^<]*)<\/\1>/g)) out[m[1]!] = m[2]!;
  return out;
}

const base = (): Array<[string, string]> => [
  ['api_key', key],
  ['service_code', '04-06'],
  ['lat', '39.7889'],
  ['long', '116.3301'],
];

async function caseCount() {
  const row = await w.db
    .selectFrom('cases')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

const receivedData = (number: string) => receivedEvent(w, { number });

beforeAll(async () => {
  w = await makeWorld();
  await setDistrictBbox(w);
  key = (await createOpen311Client(w.ctx, w.db, null, 'fixmystreet')).apiKey;
});
afterAll(async () => {
  await w?.close();
});

describe('POST requests', () => {
  it('creates a request from a form-encoded JSON post, and reads it back', async () => {
    const res = await postForm('json', [
      ...base(),
      ['jurisdiction_id', '110115'],
      ['description', '鸿坤广场东门有人占道摆摊'],
      ['address_string', '鸿坤广场东门'],
      ['email', 'wang@example.com'],
      ['device_id', 'dev-1'],
      ['account_id', 'acct-9'],
      ['first_name', '王'],
      ['last_name', '五'],
      ['phone', '13811112222'],
      ['media_url', 'https://example.com/a.jpg'],
      ['media_url', 'https://example.com/b.jpg'],
      ['attribute[WHERE]', 'sidewalk'],
      ['attribute[TAGS][]', 'a'],
      ['attribute[TAGS][]', 'b'],
      ['unknown_param', 'ignored'],
      ['zipcode', ''],
    ]);
    expect(res.status, res.body).toBe(201);
    expect(res.type).toBe('application/json; charset=utf-8');
    const created = JSON.parse(res.body) as Array<Record<string, unknown>>;
    expect(created).toHaveLength(1);
    expect(Object.keys(created[0]!)).toEqual(['service_request_id', 'service_notice', 'account_id']);
    const number = String(created[0]!.service_request_id);
    expect(number).toMatch(/^110115-\d{8}-\d+$/);
    expect(created[0]!.account_id).toBe('acct-9');
    expect(String(created[0]!.service_notice).length).toBeGreaterThan(0);

    const back = await w.app.inject({ url: `/open311/v2/requests/${number}.json` });
    expect(back.statusCode).toBe(200);
    expect(back.json<Array<Record<string, unknown>>>()[0]).toMatchObject({
      service_request_id: number,
      status: 'open',
      service_code: '04-06',
      service_name: '占道经营',
      description: '鸿坤广场东门有人占道摆摊',
      address: '鸿坤广场东门',
      lat: 39.7889,
      long: 116.3301,
    });

    const report = await w.db
      .selectFrom('reports as r')
      .innerJoin('cases as c', 'c.id', 'r.case_id')
      .select([
        'r.channel',
        'r.reporter_name',
        'r.reporter_phone',
        'r.reporter_email',
        'c.channel as case_channel',
      ])
      .where('c.number', '=', number)
      .executeTakeFirstOrThrow();
    expect(report).toEqual({
      channel: 'open311',
      reporter_name: '王 五',
      reporter_phone: '13811112222',
      reporter_email: 'wang@example.com',
      case_channel: 'open311',
    });
    const { data, actorUserId } = await receivedData(number);
    // 04-06 defines no attributes here: answers to questions it never asked are ignored.
    expect(data.channelData).toEqual({
      device_id: 'dev-1',
      account_id: 'acct-9',
      media_url: ['https://example.com/a.jpg', 'https://example.com/b.jpg'],
    });
    const client = await w.db
      .selectFrom('open311_clients as c')
      .innerJoin('users as u', 'u.id', 'c.user_id')
      .select(['u.id', 'u.role', 'u.org_unit_id'])
      .where('c.name', '=', 'fixmystreet')
      .executeTakeFirstOrThrow();
    expect(actorUserId).toBe(client.id);
    expect(client).toMatchObject({ role: 'agent', org_unit_id: w.units.centre.id });
  });

  it('creates a request from a form-encoded XML post with only an address', async () => {
    const res = await postForm('xml', [
      ['api_key', key],
      ['service_code', '02-01'],
      ['address_string', '黄村西大街 <12号>'],
      ['deviceid', 'dev-2'],
    ]);
    expect(res.status, res.body).toBe(201);
    expect(res.type).toBe('text/xml; charset=utf-8');
    const rec = xmlRecord(res.body, 'service_requests', 'request');
    expect(Object.keys(rec)).toEqual(['service_request_id', 'service_notice', 'account_id']);
    expect(rec.account_id).toBe('');
    const back = await w.app.inject({ url: `/open311/v2/requests/${rec.service_request_id}.xml` });
    const got = xmlRecord(back.body, 'service_requests', 'request');
    expect(got).toMatchObject({
      service_request_id: rec.service_request_id,
      service_code: '02-01',
      description: '施工噪声',
      address: '黄村西大街 &lt;12号&gt;',
      lat: '',
    });
    expect((await receivedData(rec.service_request_id!)).data.channelData).toEqual({ device_id: 'dev-2' });
  });

  it('takes multipart posts with a photo, in JSON and XML', async () => {
    for (const fmt of ['json', 'xml'] as const) {
      const res = await postMultipart(
        fmt,
        [...base(), ['description', `多部分 ${fmt}`], ['attribute[K]', 'v'], ['ignored', 'x']],
        [['photo1', 'stall.png', png]],
      );
      expect(res.status, res.body).toBe(201);
      const number =
        fmt === 'json'
          ? String((JSON.parse(res.body) as Array<Record<string, unknown>>)[0]!.service_request_id)
          : xmlRecord(res.body, 'service_requests', 'request').service_request_id!;
      const attachments = await w.db
        .selectFrom('attachments as a')
        .innerJoin('cases as c', 'c.id', 'a.case_id')
        .select(['a.file_name', 'a.mime_type', 'a.size_bytes'])
        .where('c.number', '=', number)
        .execute();
      expect(attachments).toEqual([
        { file_name: 'stall.png', mime_type: 'image/png', size_bytes: png.length },
      ]);
      const back = await w.app.inject({ url: `/open311/v2/requests/${number}.json` });
      expect(back.json<Array<Record<string, unknown>>>()[0]).toMatchObject({ description: `多部分 ${fmt}` });
      expect((await receivedData(number)).data.channelData).toEqual({});
    }
  });

  const refused: Array<[string, number, Array<[string, string]>]> = [
    [
      'no api_key',
      403,
      [
        ['service_code', '04-06'],
        ['lat', '39.7889'],
        ['long', '116.3301'],
      ],
    ],
    [
      'empty api_key',
      403,
      [
        ['api_key', ''],
        ['service_code', '04-06'],
        ['address_string', 'x'],
      ],
    ],
    [
      'unknown api_key',
      403,
      [
        ['api_key', 'nope'],
        ['service_code', '04-06'],
        ['address_string', 'x'],
      ],
    ],
    [
      'other jurisdiction',
      404,
      [
        ['jurisdiction_id', 'sfgov.org'],
        ['service_code', '04-06'],
        ['address_string', 'x'],
      ],
    ],
    ['no service_code', 400, [['address_string', 'x']]],
    [
      'unknown service_code',
      404,
      [
        ['service_code', '99-99'],
        ['address_string', 'x'],
      ],
    ],
    [
      'non-leaf service_code',
      404,
      [
        ['service_code', '04'],
        ['address_string', 'x'],
      ],
    ],
    [
      'no location',
      400,
      [
        ['service_code', '04-06'],
        ['description', 'x'],
      ],
    ],
    [
      'lat without long',
      400,
      [
        ['service_code', '04-06'],
        ['lat', '39.7'],
      ],
    ],
    [
      'outside the district',
      400,
      [
        ['service_code', '04-06'],
        ['lat', '31.23'],
        ['long', '121.47'],
      ],
    ],
    [
      'description too long',
      400,
      [
        ['service_code', '04-06'],
        ['address_string', 'x'],
        ['description', '长'.repeat(4001)],
      ],
    ],
    [
      'bad phone',
      400,
      [
        ['service_code', '04-06'],
        ['address_string', 'x'],
        ['phone', 'call me'],
      ],
    ],
  ];
  it.each(refused)(
    '%s → %i with the spec body in both formats, nothing written',
    async (_, status, fields) => {
      const withKey =
        fields.some(([n]) => n === 'api_key') || status === 403
          ? fields
          : [['api_key', key] as [string, string], ...fields];
      const before = await caseCount();
      const j = await postForm('json', withKey);
      expect(j.status, j.body).toBe(status);
      expect(j.type).toBe('application/json; charset=utf-8');
      expect(JSON.parse(j.body)).toEqual([{ code: status, description: expect.any(String) as string }]);
      const x = await postForm('xml', withKey);
      expect(x.status).toBe(status);
      expect(x.type).toBe('text/xml; charset=utf-8');
      const err = xmlRecord(x.body, 'errors', 'error');
      expect(err.code).toBe(String(status));
      expect(err.description!.length).toBeGreaterThan(0);
      expect(await caseCount()).toBe(before);
    },
  );

  it('refuses a photo that is not an image without writing anything', async () => {
    const before = await caseCount();
    const res = await postMultipart('json', base(), [['photo1', 'x.png', Buffer.from('not an image')]]);
    expect(res.status).toBe(400);
    const keyless = await postMultipart('json', base().slice(1), [['photo1', 'x.png', Buffer.from('no')]]);
    expect(keyless.status).toBe(403);
    expect(JSON.parse(keyless.body)).toEqual([
      { code: 403, description: "No api_key received -- can't proceed with create_request." },
    ]);
    expect(JSON.parse(res.body)).toEqual([{ code: 400, description: expect.any(String) as string }]);
    expect(await caseCount()).toBe(before);
  });

  it('is rate-limited like the read routes', async () => {
    const res = await postForm('json', [['service_code', '04-06']]);
    expect(res.res.headers['x-ratelimit-limit']).toBe(String(w.ctx.config.PUBLIC_RATE_LIMIT * 10));
  });

  it('never issues tokens', async () => {
    for (const fmt of ['json', 'xml']) {
      const res = await w.app.inject({ url: `/open311/v2/tokens/abc123.${fmt}` });
      expect(res.statusCode).toBe(404);
    }
    expect(JSON.parse((await w.app.inject({ url: '/open311/v2/tokens/abc123.json' })).body)).toEqual([
      { code: 404, description: expect.any(String) as string },
    ]);
    expect(
      xmlRecord((await w.app.inject({ url: '/open311/v2/tokens/abc123.xml' })).body, 'errors', 'error').code,
    ).toBe('404');
  });
});

describe('admin API for keys', () => {
  it('issues a key once, lists clients without keys, revokes', async () => {
    const issued = await w.app.inject({
      method: 'POST',
      url: '/api/open311/clients',
      headers: w.users.admin.auth,
      payload: { name: 'partner' },
    });
    expect(issued.statusCode, issued.body).toBe(201);
    const client = issued.json<{ id: number; apiKey: string; active: boolean; name: string }>();
    expect(client.apiKey).toMatch(/^[\w-]{43}$/);
    expect(client).toMatchObject({ name: 'partner', active: true });

    const ok = await postForm('json', [...base().slice(1), ['api_key', client.apiKey]]);
    expect(ok.status, ok.body).toBe(201);

    const list = await w.app.inject({ url: '/api/open311/clients', headers: w.users.admin.auth });
    expect(list.statusCode).toBe(200);
    expect(list.body).not.toContain(client.apiKey);
    expect(list.body).not.toContain('key_hash');
    expect(list.json<Array<{ name: string }>>().map((c) => c.name)).toEqual(['partner', 'fixmystreet']);
    const stored = await w.db
      .selectFrom('open311_clients')
      .select('key_hash')
      .where('id', '=', client.id)
      .executeTakeFirstOrThrow();
    expect(stored.key_hash).not.toBe(client.apiKey);
    expect(stored.key_hash).toMatch(/^[0-9a-f]{64}$/);

    const revoked = await w.app.inject({
      method: 'POST',
      url: `/api/open311/clients/${client.id}/revoke`,
      headers: w.users.admin.auth,
    });
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect(revoked.json()).toMatchObject({
      id: client.id,
      active: false,
      revokedAt: expect.any(String) as string,
    });

    const before = await caseCount();
    const refused = await postForm('xml', [...base().slice(1), ['api_key', client.apiKey]]);
    expect(refused.status).toBe(403);
    expect(xmlRecord(refused.body, 'errors', 'error')).toEqual({
      code: '403',
      description: 'Invalid api_key received -- can&apos;t proceed with create_request.',
    });
    expect(await caseCount()).toBe(before);

    const audit = await w.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity', '=', 'open311_client')
      .where('entity_id', '=', String(client.id))
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['open311_client_created', 'open311_client_revoked']);
  });

  it('is for admins only, with the API error body', async () => {
    for (const [method, url] of [
      ['POST', '/api/open311/clients'],
      ['GET', '/api/open311/clients'],
      ['POST', '/api/open311/clients/1/revoke'],
    ] as const) {
      const res = await w.app.inject({
        method,
        url,
        headers: w.users.agent.auth,
        ...(method === 'POST' && !url.endsWith('revoke') ? { payload: { name: 'x' } } : {}),
      });
      expect(res.statusCode, url).toBe(403);
      expect(res.json<{ error: { code: string } }>().error.code).toBe('forbidden');
    }
  });
});
