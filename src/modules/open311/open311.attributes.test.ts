import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipart } from '../../../test/multipart.js';
import { makeWorld, receivedEvent, type World } from '../../../test/world.js';
import { createOpen311Client } from './open311.clients.js';

let w: World;
let key: string;

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
  const token = /<(\/?)([A-Za-z_][\w-]*)>|([^<]+)/y;
  while (token.lastIndex < body.length) {
    const m = token.exec(body);
    expect(m, `unreadable XML at ${token.lastIndex}`).not.toBeNull();
    const top = stack[stack.length - 1]!;
    if (m![3] !== undefined) top.text += m![3].replace(/&(\w+);/g, (_, e: string) => entities[e]!);
    else if (m![1]) {
      expect(top.name, `closing </${m![2]}>`).toBe(m![2]);
      stack.pop();
    } else {
      const node: Node = { name: m![2]!, children: [], text: '' };
      top.children.push(node);
      stack.push(node);
    }
  }
  expect(stack).toHaveLength(1);
  return root.children[0]!;
}
const child = (n: Node, name: string) => n.children.find((c) => c.name === name)!;

/** The definition an admin sets on 04-06: every datatype, plus an informational note, out of order. */
const definition = [
  { code: 'NOTE', datatype: 'string', variable: false, order: 7, description: '请注意自身安全' },
  {
    code: 'VENDOR_TYPE',
    datatype: 'singlevaluelist',
    required: true,
    order: 1,
    description: '经营类型',
    values: [
      { key: 'food', name: '餐饮小吃' },
      { key: 'goods', name: '日用百货' },
    ],
  },
  {
    code: 'DURATION',
    datatype: 'number',
    order: 2,
    description: '持续时间（天）',
    datatype_description: '天数',
  },
  {
    code: 'PEAK',
    datatype: 'multivaluelist',
    order: 3,
    description: '高发时段',
    values: [
      { key: 'morning', name: '早间' },
      { key: 'night', name: '夜间' },
    ],
  },
  { code: 'LAST_SEEN', datatype: 'datetime', order: 4, description: '最近一次发生时间' },
  { code: 'SHOP', datatype: 'string', order: 5, description: '店铺名称' },
  { code: 'DETAIL', datatype: 'text', order: 6, description: '补充说明' },
];

/** What services/04-06 must say, field by field in the spec's order. */
const served = [
  ['VENDOR_TYPE', 'singlevaluelist', true, '', 1, '经营类型', definition[1]!.values!],
  ['DURATION', 'number', false, '天数', 2, '持续时间（天）', []],
  ['PEAK', 'multivaluelist', false, '', 3, '高发时段', definition[3]!.values!],
  ['LAST_SEEN', 'datetime', false, '', 4, '最近一次发生时间', []],
  ['SHOP', 'string', false, '', 5, '店铺名称', []],
  ['DETAIL', 'text', false, '', 6, '补充说明', []],
  ['NOTE', 'string', false, '', 7, '请注意自身安全', []],
].map(([code, datatype, required, datatype_description, order, description, values]) => ({
  variable: code !== 'NOTE',
  code,
  datatype,
  required,
  datatype_description,
  order,
  description,
  values,
}));

async function patch(code: string, attributes: unknown) {
  return w.app.inject({
    method: 'PATCH',
    url: `/api/categories/${code}`,
    headers: w.users.admin.auth,
    payload: { attributes },
  });
}

async function postForm(fmt: 'json' | 'xml', fields: Array<[string, string]>) {
  const res = await w.app.inject({
    method: 'POST',
    url: `/open311/v2/requests.${fmt}`,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams(fields).toString(),
  });
  return { status: res.statusCode, body: res.body };
}

async function postMultipart(fields: Array<[string, string]>) {
  const body = multipart(fields);
  const res = await w.app.inject({
    method: 'POST',
    url: '/open311/v2/requests.json',
    headers: body.headers,
    payload: body.payload,
  });
  return { status: res.statusCode, body: res.body };
}

const base = (): Array<[string, string]> => [
  ['api_key', key],
  ['service_code', '04-06'],
  ['address_string', '鸿坤广场东门'],
];

async function counts() {
  const [cases, events] = await Promise.all(
    (['cases', 'case_events'] as const).map((t) =>
      w.db
        .selectFrom(t)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow(),
    ),
  );
  return [Number(cases!.n), Number(events!.n)];
}

async function channelData(number: string) {
  const { data } = await receivedEvent(w, { number });
  return data.channelData as Record<string, unknown>;
}

beforeAll(async () => {
  w = await makeWorld();
  key = (await createOpen311Client(w.ctx, w.db, null, 'fixmystreet')).apiKey;
  const res = await patch('04-06', definition);
  expect(res.statusCode, res.body).toBe(200);
});
afterAll(async () => {
  await w?.close();
});

describe('attribute definitions in the categories admin API', () => {
  it('stores them in order and audits the change', async () => {
    const res = await w.app.inject({ url: '/api/categories/04-06', headers: w.users.agent.auth });
    const attrs = res.json<{ category: { attributes: Array<{ code: string }> } }>().category.attributes;
    expect(attrs.map((a) => a.code)).toEqual(served.map((a) => a.code));
    expect(attrs[1]).toEqual({ ...definition[2], required: false, variable: true, values: [] });
    const audit = await w.db
      .selectFrom('audit_log')
      .select(['action', 'after'])
      .where('entity', '=', 'category')
      .where('entity_id', '=', '04-06')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['category.update']);
    expect(JSON.stringify(audit[0]!.after)).toContain('VENDOR_TYPE');
  });

  const refused: Array<[string, unknown]> = [
    ['duplicate codes', [definition[2], { ...definition[4], code: 'DURATION' }]],
    ['duplicate orders', [definition[2], { ...definition[4], order: 2 }]],
    ['values on a string', [{ ...definition[5], values: [{ key: 'a', name: 'A' }] }]],
    ['a list without values', [{ ...definition[1], values: [] }]],
    ['an unknown datatype', [{ ...definition[5], datatype: 'boolean' }]],
    ['a required informational attribute', [{ ...definition[0], required: true }]],
    ['a code with brackets', [{ ...definition[5], code: 'A[B]' }]],
    [
      'duplicate value keys',
      [{ ...definition[1], values: [definition[1]!.values![0], definition[1]!.values![0]] }],
    ],
    ['order zero', [{ ...definition[5], order: 0 }]],
  ];
  it.each(refused)('refuses %s and keeps the definition', async (_, attributes) => {
    const res = await patch('04-06', attributes);
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json<{ error: { code: string } }>().error.code).toBe('validation_failed');
    const def = await w.app.inject({ url: '/open311/v2/services/04-06.json' });
    expect(def.json<{ attributes: unknown[] }>().attributes).toEqual(served);
  });

  it('takes them when a leaf is created', async () => {
    const res = await w.app.inject({
      method: 'POST',
      url: '/api/categories',
      headers: w.users.admin.auth,
      payload: { parentCode: '02', code: '02-02', name: '工地扬尘', attributes: [definition[5]] },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json<{ attributes: unknown[] }>().attributes).toEqual([
      { ...definition[5], required: false, variable: true, datatype_description: '', values: [] },
    ]);
    const def = await w.app.inject({ url: '/open311/v2/services/02-02.json' });
    expect(def.json<{ attributes: Array<{ code: string }> }>().attributes.map((a) => a.code)).toEqual([
      'SHOP',
    ]);
    const off = await w.app.inject({
      method: 'PATCH',
      url: '/api/categories/02-02',
      headers: w.users.admin.auth,
      payload: { active: false },
    });
    expect(off.statusCode).toBe(200);
  });

  it('only sets attributes on leaves, and only for admins', async () => {
    const branch = await patch('04', definition);
    expect(branch.statusCode).toBe(422);
    expect(branch.json<{ error: { code: string } }>().error.code).toBe('category_not_leaf');
    const agent = await w.app.inject({
      method: 'PATCH',
      url: '/api/categories/02-01',
      headers: w.users.agent.auth,
      payload: { attributes: definition },
    });
    expect(agent.statusCode).toBe(403);
    expect((await w.app.inject({ url: '/open311/v2/services/02-01.json' })).json()).toEqual({
      service_code: '02-01',
      attributes: [],
    });
  });
});

describe('services and service definitions', () => {
  it('flags services with attributes as metadata=true, in JSON and XML', async () => {
    const list = (await w.app.inject({ url: '/open311/v2/services.json' })).json<
      Array<{ service_code: string; metadata: boolean }>
    >();
    expect(list.map((s) => [s.service_code, s.metadata])).toEqual([
      ['02-01', false],
      ['04-06', true],
    ]);
    const doc = parseXml((await w.app.inject({ url: '/open311/v2/services.xml' })).body);
    expect(doc.children.map((s) => [child(s, 'service_code').text, child(s, 'metadata').text])).toEqual([
      ['02-01', 'false'],
      ['04-06', 'true'],
    ]);
  });

  it('serves the definition field by field in JSON', async () => {
    const res = await w.app.inject({ url: '/open311/v2/services/04-06.json' });
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    const def = res.json<{ service_code: string; attributes: Array<Record<string, unknown>> }>();
    expect(Object.keys(def)).toEqual(['service_code', 'attributes']);
    expect(def.service_code).toBe('04-06');
    for (const a of def.attributes) {
      expect(Object.keys(a)).toEqual([
        'variable',
        'code',
        'datatype',
        'required',
        'datatype_description',
        'order',
        'description',
        'values',
      ]);
    }
    expect(def.attributes).toEqual(served);
    expect(new Set(def.attributes.map((a) => a.datatype))).toEqual(
      new Set(['string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist']),
    );
  });

  it('serves the same definition in the spec XML nesting', async () => {
    const res = await w.app.inject({ url: '/open311/v2/services/04-06.xml' });
    expect(res.headers['content-type']).toBe('text/xml; charset=utf-8');
    const doc = parseXml(res.body);
    expect(doc.name).toBe('service_definition');
    expect(doc.children.map((c) => c.name)).toEqual(['service_code', 'attributes']);
    expect(child(doc, 'service_code').text).toBe('04-06');
    const attributes = child(doc, 'attributes').children;
    expect(attributes.every((a) => a.name === 'attribute')).toBe(true);
    const read = attributes.map((a) => ({
      variable: child(a, 'variable').text === 'true',
      code: child(a, 'code').text,
      datatype: child(a, 'datatype').text,
      required: child(a, 'required').text === 'true',
      datatype_description: child(a, 'datatype_description').text,
      order: Number(child(a, 'order').text),
      description: child(a, 'description').text,
      values: child(a, 'values').children.map((v) => {
        expect(v.name).toBe('value');
        expect(v.children.map((c) => c.name)).toEqual(['key', 'name']);
        return { key: child(v, 'key').text, name: child(v, 'name').text };
      }),
    }));
    expect(read).toEqual(served);
    expect(attributes.map((a) => a.children.map((c) => c.name))[0]).toEqual(Object.keys(served[0]!));
  });
});

describe('POST requests with attributes', () => {
  it('keeps valid answers typed and shows them to staff on the case', async () => {
    const res = await postForm('json', [
      ...base(),
      ['attribute[VENDOR_TYPE]', 'food'],
      ['attribute[DURATION]', '3.5'],
      ['attribute[PEAK][]', 'night'],
      ['attribute[PEAK][]', 'morning'],
      ['attribute[PEAK][]', 'night'],
      ['attribute[LAST_SEEN]', '2026-05-01T14:30:00Z'],
      ['attribute[SHOP]', '老王烧烤'],
      ['attribute[DETAIL]', '第一行\n第二行'],
      ['attribute[NOTE]', 'ignored: informational'],
      ['attribute[UNKNOWN]', 'ignored: not asked'],
    ]);
    expect(res.status, res.body).toBe(201);
    const number = (JSON.parse(res.body) as Array<{ service_request_id: string }>)[0]!.service_request_id;
    const expected = [
      {
        code: 'VENDOR_TYPE',
        description: '经营类型',
        datatype: 'singlevaluelist',
        value: 'food',
        label: '餐饮小吃',
      },
      { code: 'DURATION', description: '持续时间（天）', datatype: 'number', value: 3.5 },
      {
        code: 'PEAK',
        description: '高发时段',
        datatype: 'multivaluelist',
        value: ['night', 'morning'],
        label: '夜间、早间',
      },
      {
        code: 'LAST_SEEN',
        description: '最近一次发生时间',
        datatype: 'datetime',
        value: '2026-05-01T22:30:00+08:00',
      },
      { code: 'SHOP', description: '店铺名称', datatype: 'string', value: '老王烧烤' },
      { code: 'DETAIL', description: '补充说明', datatype: 'text', value: '第一行\n第二行' },
    ];
    expect((await channelData(number)).attributes).toEqual(expected);

    const detail = await w.app.inject({ url: `/api/cases/${number}`, headers: w.users.agent.auth });
    expect(detail.statusCode).toBe(200);
    const timeline = detail.json<{ timeline: Array<{ action: string; data: { channelData?: unknown } }> }>()
      .timeline;
    const received = timeline.find((e) => e.action === 'received')!;
    expect(received.data.channelData).toEqual({ attributes: expected });
  });

  it('takes multipart answers, a one-item list as a plain field too', async () => {
    const res = await postMultipart([
      ...base(),
      ['attribute[VENDOR_TYPE]', 'goods'],
      ['attribute[PEAK]', 'morning'],
    ]);
    expect(res.status, res.body).toBe(201);
    const number = (JSON.parse(res.body) as Array<{ service_request_id: string }>)[0]!.service_request_id;
    expect((await channelData(number)).attributes).toEqual([
      {
        code: 'VENDOR_TYPE',
        description: '经营类型',
        datatype: 'singlevaluelist',
        value: 'goods',
        label: '日用百货',
      },
      {
        code: 'PEAK',
        description: '高发时段',
        datatype: 'multivaluelist',
        value: ['morning'],
        label: '早间',
      },
    ]);
  });

  const food: [string, string] = ['attribute[VENDOR_TYPE]', 'food'];
  const refused: Array<[string, Array<[string, string]>, RegExp]> = [
    ['a required attribute missing', [], /attribute\[VENDOR_TYPE\].*required/],
    ['a required attribute empty', [['attribute[VENDOR_TYPE]', ' ']], /attribute\[VENDOR_TYPE\].*required/],
    ['a number that is not one', [food, ['attribute[DURATION]', '三天']], /attribute\[DURATION\].*number/],
    ['a number with a comma', [food, ['attribute[DURATION]', '1,5']], /attribute\[DURATION\].*number/],
    ['a datetime without a zone', [food, ['attribute[LAST_SEEN]', '2026-05-01T14:30:00']], /LAST_SEEN.*zone/],
    ['a datetime that is a date', [food, ['attribute[LAST_SEEN]', '2026-05-01']], /LAST_SEEN.*zone/],
    ['an impossible datetime', [food, ['attribute[LAST_SEEN]', '2026-13-45T99:00:00Z']], /LAST_SEEN/],
    ['a key not in the single list', [['attribute[VENDOR_TYPE]', 'drugs']], /VENDOR_TYPE.*not one of/],
    [
      'two keys for a single list',
      [
        ['attribute[VENDOR_TYPE][]', 'food'],
        ['attribute[VENDOR_TYPE][]', 'goods'],
      ],
      /VENDOR_TYPE.*one value/,
    ],
    [
      'one bad key in the multi list',
      [food, ['attribute[PEAK][]', 'morning'], ['attribute[PEAK][]', 'noon']],
      /PEAK.*noon.*not one of/,
    ],
  ];
  it.each(refused)(
    'refuses %s with the spec body in both formats, nothing written',
    async (_, answers, message) => {
      const fields = [...base(), ...answers];
      const before = await counts();
      const j = await postForm('json', fields);
      expect(j.status, j.body).toBe(400);
      const body = JSON.parse(j.body) as Array<{ code: number; description: string }>;
      expect(body).toEqual([{ code: 400, description: expect.stringMatching(message) as string }]);
      const x = await postForm('xml', fields);
      expect(x.status).toBe(400);
      const doc = parseXml(x.body);
      expect(doc.name).toBe('errors');
      expect(child(doc.children[0]!, 'code').text).toBe('400');
      expect(child(doc.children[0]!, 'description').text).toMatch(message);
      expect(await counts()).toEqual(before);
    },
  );
});
