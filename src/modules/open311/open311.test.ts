import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeWorld, setDistrictBbox, type Auth, type CaseOut, type World } from '../../../test/world.js';

let w: World;

async function post(auth: Auth, url: string, payload: unknown) {
  const res = await w.app.inject({ method: 'POST', url, payload: payload as object, headers: auth });
  expect(res.statusCode, res.body).toBeLessThan(300);
  return res.json<{ case: CaseOut }>().case;
}

const reporter = { name: '张三丰', phone: '13812345678' };
function file(extra: Record<string, unknown> = {}) {
  return post(w.users.agent.auth, '/api/reports', {
    channel: 'hotline',
    text: '西红门鸿坤广场东门有人占道摆摊，影响通行',
    categoryCode: '04-06',
    areaCode: '110115104001',
    reporter,
    ...extra,
  });
}
function step(auth: Auth, c: CaseOut, action: string, body: Record<string, unknown> = {}) {
  return post(auth, `/api/cases/${c.id}/${action}`, { version: c.version, ...body });
}

// --- a small, strict XML reader: elements and text only, as GeoReport uses ---
interface Node {
  name: string;
  children: Node[];
  text: string;
}
const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
function parseXml(doc: string): Node {
  const decl = '<?xml version="1.0" encoding="utf-8"?>\n';
  expect(doc.startsWith(decl)).toBe(true);
  const body = doc.slice(decl.length);
  const root: Node = { name: '#document', children: [], text: '' };
  const stack = [root];
  // Every character must belong to a tag or to text; anything else (attributes, stray '<') fails.
  const token = /<(\/?)([A-Za-z_][\w-]*)>|([^<]+)/y;
  while (token.lastIndex < body.length) {
    const m = token.exec(body);
    expect(m, `unreadable XML at ${token.lastIndex}`).not.toBeNull();
    const top = stack[stack.length - 1]!;
    if (m![3] !== undefined) {
      expect(m![3]).not.toMatch(/&(?!(amp|lt|gt|quot|apos);)/);
      top.text += m![3].replace(/&(\w+);/g, (_, e: string) => entities[e]!);
    } else if (m![1]) {
      expect(top.name, `closing </${m![2]}>`).toBe(m![2]);
      stack.pop();
    } else {
      const node: Node = { name: m![2]!, children: [], text: '' };
      top.children.push(node);
      stack.push(node);
    }
  }
  expect(stack).toHaveLength(1);
  expect(root.children).toHaveLength(1);
  expect(root.text).toBe('');
  return root.children[0]!;
}
/** An element with only leaf children as { name: text }. */
function fields(node: Node): Record<string, string> {
  return Object.fromEntries(node.children.map((c) => [c.name, c.text]));
}

async function get(url: string) {
  const res = await w.app.inject({ url });
  return { status: res.statusCode, type: String(res.headers['content-type']), body: res.body };
}
async function json<T = Array<Record<string, unknown>>>(url: string): Promise<T> {
  const res = await get(url);
  expect(res.status, res.body).toBe(200);
  expect(res.type).toBe('application/json; charset=utf-8');
  return JSON.parse(res.body) as T;
}
async function xml(url: string): Promise<Node> {
  const res = await get(url);
  expect(res.status, res.body).toBe(200);
  expect(res.type).toBe('text/xml; charset=utf-8');
  return parseXml(res.body);
}
const ids = (list: Array<Record<string, unknown>>) => list.map((r) => r.service_request_id);

let open: CaseOut; // dispatched to 西红门地区, with tricky characters in its address
let closed: CaseOut; // resolved by the street
let noise: CaseOut; // another service, received only
let old: CaseOut; // received 120 days ago
let invalid: CaseOut;
let merged: CaseOut;
let spoken: CaseOut; // the caller spoke their numbers into the text
const rawBodies: string[] = [];

beforeAll(async () => {
  w = await makeWorld();
  await setDistrictBbox(w);
  const u = w.users;
  old = await file({ text: '很久以前的占道经营' });
  await w.db
    .updateTable('cases')
    .set({ received_at: new Date(Date.now() - 120 * 86_400_000) })
    .where('id', '=', old.id)
    .execute();
  spoken = await file({ text: '我的电话13912345678，身份证110101199001011234，座机010-12345678，请回电' });
  // Kept out of every list below (older than any window asked for); fetched by its number only.
  await w.db
    .updateTable('cases')
    .set({ received_at: new Date(Date.now() - 200 * 86_400_000) })
    .where('id', '=', spoken.id)
    .execute();
  invalid = await step(u.agent.auth, await file({ text: '测试测试' }), 'invalidate', { reason: '无效来电' });
  noise = await file({
    text: '夜间施工噪声扰民',
    categoryCode: '02-01',
    reporter: { name: '李四', phone: '13700000000' },
  });
  open = await file({
    address: '鸿坤广场 <东门> & "南侧"',
    lat: 39.7889,
    lon: 116.3301,
    autoDispatch: true,
  });
  merged = await step(u.dispatcher.auth, await file(), 'merge', { intoCase: open.number });
  let c = await file({ text: '黄村路口早市占道', autoDispatch: true });
  c = await step(u.handlerS1.auth, c, 'accept');
  c = await step(u.handlerS1.auth, c, 'contact', { note: '已电话联系市民' });
  closed = await step(u.handlerS1.auth, c, 'resolve', { result: '已劝离摊贩并加强巡查' });
  expect(closed.status).toBe('resolved');
  expect(merged.status).toBe('merged');
});
afterAll(async () => {
  // Nothing a reporter told us about themselves reaches the public feed.
  for (const body of rawBodies) {
    for (const secret of [
      '张三丰',
      '13812345678',
      '李四',
      '13700000000',
      '138****5678',
      '13912345678',
      '110101199001011234',
    ]) {
      expect(body).not.toContain(secret);
    }
  }
  await w?.close();
});

describe('discovery', () => {
  it('describes the endpoint in XML and JSON', async () => {
    const doc = await xml('/open311/v2/discovery.xml');
    expect(doc.name).toBe('discovery');
    expect(doc.children.map((c) => c.name)).toEqual(['changeset', 'contact', 'key_service', 'endpoints']);
    const endpoint = doc.children[3]!.children[0]!;
    expect(endpoint.name).toBe('endpoint');
    expect(fields(endpoint)).toMatchObject({
      specification: 'http://wiki.open311.org/GeoReport_v2',
      url: 'http://localhost:80/open311/v2/',
      type: 'production',
    });
    expect(
      endpoint.children.find((c) => c.name === 'formats')!.children.map((f) => [f.name, f.text]),
    ).toEqual([
      ['format', 'text/xml'],
      ['format', 'application/json'],
    ]);
    const limited = await w.app.inject({ url: '/open311/v2/discovery.json' });
    expect(limited.headers['x-ratelimit-limit']).toBe(String(w.ctx.config.PUBLIC_RATE_LIMIT * 10));
    const j = await json<Record<string, unknown>>('/open311/v2/discovery.json');
    expect(j).toEqual({
      changeset: fields(doc).changeset,
      contact: fields(doc).contact,
      key_service: fields(doc).key_service,
      endpoints: [
        {
          specification: 'http://wiki.open311.org/GeoReport_v2',
          url: 'http://localhost:80/open311/v2/',
          changeset: fields(doc).changeset,
          type: 'production',
          formats: ['text/xml', 'application/json'],
        },
      ],
    });
    expect(String(j.changeset)).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/);
  });
});

describe('services', () => {
  const expected = [
    {
      service_code: '02-01',
      service_name: '施工噪声',
      description: '施工噪声',
      metadata: false,
      type: 'realtime',
      keywords: '环境保护,施工噪声',
      group: '环境保护',
    },
    {
      service_code: '04-06',
      service_name: '占道经营',
      description: '占道经营',
      metadata: false,
      type: 'realtime',
      keywords: '街面秩序,占道经营',
      group: '街面秩序',
    },
  ];

  it('lists active leaf categories as a top-level JSON array', async () => {
    expect(await json('/open311/v2/services.json')).toEqual(expected);
  });

  it('lists the same services in XML', async () => {
    const doc = await xml('/open311/v2/services.xml');
    expect(doc.name).toBe('services');
    expect(doc.children.map((c) => c.name)).toEqual(['service', 'service']);
    expect(doc.children.map(fields)).toEqual(expected.map((s) => ({ ...s, metadata: 'false' })));
  });

  it('hides inactive categories', async () => {
    await w.db.updateTable('categories').set({ active: false }).where('code', '=', '02-01').execute();
    try {
      expect((await json('/open311/v2/services.json')).map((s) => s.service_code)).toEqual(['04-06']);
      expect((await get('/open311/v2/services/02-01.json')).status).toBe(404);
    } finally {
      await w.db.updateTable('categories').set({ active: true }).where('code', '=', '02-01').execute();
    }
  });

  it('gives a service definition with no attributes', async () => {
    expect(await json<unknown>('/open311/v2/services/04-06.json')).toEqual({
      service_code: '04-06',
      attributes: [],
    });
    const res = await get('/open311/v2/services/04-06.xml');
    expect(res.body).toBe(
      '<?xml version="1.0" encoding="utf-8"?>\n<service_definition><service_code>04-06</service_code><attributes></attributes></service_definition>',
    );
  });
});

describe('requests', () => {
  it('gives each public case as a record, newest first, without merged or invalid cases', async () => {
    const list = await json('/open311/v2/requests.json');
    expect(ids(list)).toEqual([closed.number, open.number, noise.number]);
    expect(ids(list)).not.toContain(invalid.number);
    expect(ids(list)).not.toContain(merged.number);
    expect(ids(list)).not.toContain(old.number);
    const o = list[1]!;
    expect(Object.keys(o)).toEqual([
      'service_request_id',
      'status',
      'status_notes',
      'service_name',
      'service_code',
      'description',
      'agency_responsible',
      'service_notice',
      'requested_datetime',
      'updated_datetime',
      'expected_datetime',
      'address',
      'address_id',
      'zipcode',
      'lat',
      'long',
      'media_url',
    ]);
    expect(o).toMatchObject({
      service_request_id: open.number,
      status: 'open',
      status_notes: null,
      service_name: '占道经营',
      service_code: '04-06',
      description: '西红门鸿坤广场东门有人占道摆摊，影响通行',
      agency_responsible: '西红门地区',
      address: '鸿坤广场 <东门> & "南侧"',
      lat: 39.7889,
      long: 116.3301,
      media_url: null,
    });
    const iso = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/;
    expect(o.requested_datetime).toMatch(iso);
    expect(o.updated_datetime).toMatch(iso);
    expect(o.expected_datetime).toMatch(iso);
    expect(Math.abs(Date.parse(String(o.requested_datetime)) - Date.now())).toBeLessThan(120_000);
    expect(list[0]).toMatchObject({ status: 'closed', status_notes: '已劝离摊贩并加强巡查' });
    expect(list[2]).toMatchObject({ status: 'open', service_code: '02-01', agency_responsible: null });
  });

  it('gives the same records in XML, escaped', async () => {
    const res = await get('/open311/v2/requests.xml');
    expect(res.body).toContain('<address>鸿坤广场 &lt;东门&gt; &amp; &quot;南侧&quot;</address>');
    const doc = parseXml(res.body);
    expect(doc.name).toBe('service_requests');
    expect(doc.children.every((c) => c.name === 'request')).toBe(true);
    const records = doc.children.map(fields);
    expect(records.map((r) => r.service_request_id)).toEqual([closed.number, open.number, noise.number]);
    expect(records[1]).toMatchObject({
      address: '鸿坤广场 <东门> & "南侧"',
      lat: '39.7889',
      long: '116.3301',
      status: 'open',
    });
    expect(records[0]).toMatchObject({ status: 'closed', status_notes: '已劝离摊贩并加强巡查' });
  });

  it('filters by service_code, status and service_request_id', async () => {
    const q = (s: string) => json(`/open311/v2/requests.json?${s}`).then(ids);
    expect(await q('service_code=02-01')).toEqual([noise.number]);
    expect(await q('service_code=02-01,04-06')).toEqual([closed.number, open.number, noise.number]);
    expect(await q('service_code=99-99')).toEqual([]);
    expect(await q('status=closed')).toEqual([closed.number]);
    expect(await q('status=open')).toEqual([open.number, noise.number]);
    expect(await q('status=open,closed')).toEqual([closed.number, open.number, noise.number]);
    expect(await q('service_code=04-06&status=open')).toEqual([open.number]);
    // service_request_id overrides every other filter, including the 90-day window.
    expect(
      await q(`service_request_id=${noise.number},${old.number}&status=closed&service_code=04-06`),
    ).toEqual([noise.number, old.number]);
    expect(await q(`service_request_id=${merged.number},${invalid.number}`)).toEqual([]);
  });

  it('takes start_date and end_date, at most 90 days apart', async () => {
    const day = 86_400_000;
    const at = (ms: number) => new Date(ms).toISOString();
    const q = (s: string) => json(`/open311/v2/requests.json?${s}`).then(ids);
    expect(
      await q(`start_date=${at(Date.now() - 130 * day)}&end_date=${at(Date.now() - 100 * day)}`),
    ).toEqual([old.number]);
    expect(await q(`start_date=${at(Date.now() - 130 * day)}`)).toEqual([old.number]);
    expect(await q(`end_date=${at(Date.now() - 100 * day)}`)).toEqual([old.number]);
    expect(await q(`start_date=2020-01-01T00:00:00%2B08:00&end_date=2020-03-30T00:00:00%2B08:00`)).toEqual(
      [],
    );
    for (const bad of [
      `start_date=${at(Date.now() - 91 * day)}&end_date=${at(Date.now())}`,
      `start_date=${at(Date.now())}&end_date=${at(Date.now() - day)}`,
      'start_date=yesterday',
      'start_date=2026-01-01',
      'status=pending',
      'page_size=1001',
    ]) {
      const res = await get(`/open311/v2/requests.json?${bad}`);
      expect(res.status, bad).toBe(400);
      const body = JSON.parse(res.body) as Array<{ code: number; description: string }>;
      expect(body).toHaveLength(1);
      expect(body[0]!.code).toBe(400);
      expect(body[0]!.description.length).toBeGreaterThan(0);
    }
    const x = await get(
      `/open311/v2/requests.xml?start_date=${at(Date.now() - 91 * day)}&end_date=${at(Date.now())}`,
    );
    expect(x.status).toBe(400);
    expect(x.body).toMatch(
      /^<\?xml version="1.0" encoding="utf-8"\?>\n<errors><error><code>400<\/code><description>.+<\/description><\/error><\/errors>$/,
    );
  });

  it('pages with page and page_size', async () => {
    const q = (s: string) => json(`/open311/v2/requests.json?${s}`).then(ids);
    expect(await q('page_size=2')).toEqual([closed.number, open.number]);
    expect(await q('page_size=2&page=2')).toEqual([noise.number]);
    expect(await q('page_size=2&page=3')).toEqual([]);
  });

  it('treats empty parameters as absent', async () => {
    const all = await json('/open311/v2/requests.json').then(ids);
    expect(
      await json(
        '/open311/v2/requests.json?service_request_id=&service_code=&status=&start_date=&end_date=&page=&page_size=&jurisdiction_id=',
      ).then(ids),
    ).toEqual(all);
    expect(await json('/open311/v2/services.json?jurisdiction_id=')).toHaveLength(2);
  });

  it('gives one request as a one-record list at requests/{id} and request/{id}', async () => {
    for (const path of ['requests', 'request']) {
      const list = await json(`/open311/v2/${path}/${closed.number}.json`);
      expect(ids(list)).toEqual([closed.number]);
      expect(list[0]).toMatchObject({ status: 'closed', agency_responsible: '西红门地区' });
      const doc = await xml(`/open311/v2/${path}/${open.number}.xml`);
      expect(doc.name).toBe('service_requests');
      expect(doc.children.map((c) => fields(c).service_request_id)).toEqual([open.number]);
    }
  });

  it('accepts its own jurisdiction_id', async () => {
    expect(await json('/open311/v2/requests.json?jurisdiction_id=110115').then(ids)).toHaveLength(3);
    expect(await json(`/open311/v2/requests/${open.number}.json?jurisdiction_id=110115`)).toHaveLength(1);
  });
});

describe('errors use the spec body in both formats', () => {
  it.each([
    ['/open311/v2/requests/110115-20990101-000001'],
    [`/open311/v2/requests/MERGED`],
    ['/open311/v2/request/nope'],
    ['/open311/v2/services/99-99'],
    ['/open311/v2/services/04'],
    ['/open311/v2/services?jurisdiction_id=sfgov.org'],
    ['/open311/v2/requests?jurisdiction_id=110108'],
    ['/open311/v2/requests/CASE?jurisdiction_id=110108'],
    ['/open311/v2/no-such-resource'],
  ])('%s → 404', async (base) => {
    const [path, query] = base.replace('MERGED', '').split('?');
    const number = base.includes('MERGED') ? merged.number : '';
    const target = (fmt: string) =>
      `${path!.replace('CASE', open.number)}${number}.${fmt}${query ? `?${query}` : ''}`;
    const j = await get(target('json'));
    expect(j.status, target('json')).toBe(404);
    expect(j.type).toBe('application/json; charset=utf-8');
    const body = JSON.parse(j.body) as Array<{ code: number; description: string }>;
    expect(body).toEqual([{ code: 404, description: expect.any(String) as string }]);
    const x = await get(target('xml'));
    expect(x.status).toBe(404);
    expect(x.type).toBe('text/xml; charset=utf-8');
    const doc = parseXml(x.body);
    expect(doc.name).toBe('errors');
    expect(doc.children.map((c) => c.name)).toEqual(['error']);
    expect(fields(doc.children[0]!)).toEqual({
      code: '404',
      description: expect.stringMatching(/.+/) as string,
    });
  });

  it('leaves the rest of the API with its own error body', async () => {
    for (const url of ['/api/cases/nope', '/api/no-such-route']) {
      const res = await w.app.inject({ url, headers: w.users.agent.auth });
      expect(res.statusCode).toBe(404);
      expect(res.json<{ error: { code: string } }>().error.code).toMatch(/not_found$/);
    }
  });
});

describe('privacy', () => {
  it('blanks phone and ID numbers spoken into the text', async () => {
    const [record] = await json(`/open311/v2/requests/${spoken.number}.json`);
    expect(record!.description).toBe(
      `我的电话${'*'.repeat(11)}，身份证${'*'.repeat(18)}，座机${'*'.repeat(12)}，请回电`,
    );
  });

  it('never shows a reporter, whatever the format', async () => {
    for (const url of [
      '/open311/v2/requests.json',
      '/open311/v2/requests.xml',
      `/open311/v2/requests.json?service_request_id=${[open, closed, noise, old, merged, invalid].map((c) => c.number).join(',')}`,
      `/open311/v2/requests/${open.number}.xml`,
      `/open311/v2/request/${noise.number}.json`,
    ]) {
      const res = await get(url);
      expect(res.status).toBe(200);
      rawBodies.push(res.body);
      for (const secret of [
        '张三丰',
        '13812345678',
        '李四',
        '13700000000',
        '138****5678',
        '13912345678',
        '110101199001011234',
      ]) {
        expect(res.body, url).not.toContain(secret);
      }
    }
  });
});
