import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipart } from '../../../test/multipart.js';
import { makeWorld, type Auth, type CaseOut, type World } from '../../../test/world.js';
import { createOpen311Client } from './open311.clients.js';
import { fmsStatus } from './open311.updates.js';

let w: World;
let key: string;
let otherKey: string;

type Update = Record<string, string>;

const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);

async function caseOf(number: string): Promise<CaseOut> {
  const res = await w.app.inject({ url: `/api/cases/${number}`, headers: w.users.agent.auth });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ case: CaseOut }>().case;
}
async function step(auth: Auth, c: CaseOut, action: string, body: Record<string, unknown> = {}) {
  const res = await w.app.inject({
    method: 'POST',
    url: `/api/cases/${c.id}/${action}`,
    headers: auth,
    payload: { version: c.version, ...body },
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ case: CaseOut }>().case;
}

function form(url: string, fields: Array<[string, string]>) {
  return w.app.inject({
    method: 'POST',
    url,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams(fields).toString(),
  });
}

/** Files a request through Open311 as `apiKey`'s client. */
async function file(description: string, apiKey = key): Promise<CaseOut> {
  const res = await form('/open311/v2/requests.json', [
    ['api_key', apiKey],
    ['service_code', '04-06'],
    ['address_string', '鸿坤广场东门'],
    ['description', description],
  ]);
  expect(res.statusCode, res.body).toBe(201);
  return caseOf(res.json<Array<{ service_request_id: string }>>()[0]!.service_request_id);
}

/** The one <request_update> list of an XML answer, each as { name: text }. */
function xmlUpdates(body: string, root: string): Update[] {
  expect(body.startsWith('<?xml version="1.0" encoding="utf-8"?>\n')).toBe(true);
  const inner = new RegExp(`^<${root}>(.*)</${root}>$`, 's').exec(body.slice(39));
  expect(inner, body).not.toBeNull();
  return [...inner![1]!.matchAll(/<request_update>(.*?)<\/request_update>/g)].map((m) =>
    Object.fromEntries([...m[1]!.matchAll(/<(\w+)>([^<]*)<\/\1>/g)].map((f) => [f[1]!, f[2]!])),
  );
}

async function feed(query = ''): Promise<Update[]> {
  const res = await w.app.inject({ url: `/open311/v2/servicerequestupdates.json${query}` });
  expect(res.statusCode, res.body).toBe(200);
  expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
  return res.json<Update[]>();
}

async function eventCount() {
  const row = await w.db
    .selectFrom('case_events')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

let fixed: CaseOut; // dispatched, accepted, contacted, resolved, verified, closed
let answered: CaseOut; // answered directly at intake
let refused: CaseOut; // 不予受理, with a phone number in the reason
let duplicate: CaseOut; // merged into `fixed`
let working: CaseOut; // in progress
let old: CaseOut; // its dispatch happened 100 days ago
let foreign: CaseOut; // filed by another client

beforeAll(async () => {
  w = await makeWorld();
  key = (await createOpen311Client(w.ctx, w.db, null, 'fixmystreet')).apiKey;
  otherKey = (await createOpen311Client(w.ctx, w.db, null, 'other app')).apiKey;
  const u = w.users;
  const lead = { leadUnitId: w.units.s1.id };

  old = await step(u.agent.auth, await file('很久以前的占道'), 'dispatch', lead);
  await w.db
    .updateTable('case_events')
    .set({ at: new Date(Date.now() - 100 * 86_400_000) })
    .where('case_id', '=', old.id)
    .execute();

  fixed = await step(u.agent.auth, await file('鸿坤广场东门有人占道摆摊'), 'dispatch', lead);
  duplicate = await step(u.agent.auth, await file('东门又有人摆摊'), 'merge', { intoCase: fixed.number });
  fixed = await step(u.handlerS1.auth, await caseOf(fixed.number), 'accept');
  fixed = await step(u.handlerS1.auth, fixed, 'contact', { note: '已电话联系市民 13812345678' });
  fixed = await step(u.handlerS1.auth, fixed, 'resolve', { result: '已劝离摊贩，联系人电话13700000000' });
  fixed = await step(u.supervisor.auth, fixed, 'verify', { passed: true });
  fixed = await step(u.supervisor.auth, fixed, 'close', { note: '市民未接回访电话，核查已通过' });
  expect(fixed.status).toBe('closed');

  answered = await step(u.agent.auth, await file('请问占道经营归谁管'), 'answer', {
    answer: '由属地街道负责',
  });
  refused = await step(u.agent.auth, await file('测试'), 'invalidate', { reason: '测试来电 13912345678' });
  working = await step(u.agent.auth, await file('夜市占道'), 'dispatch', lead);
  working = await step(u.handlerS1.auth, working, 'accept');
  working = await step(u.handlerS1.auth, working, 'contact', { note: '已联系' });
  foreign = await file('别的客户端提交的', otherKey);
});
afterAll(async () => {
  await w?.close();
});

describe('status mapping', () => {
  it('maps every case status onto a FixMyStreet extended status', () => {
    expect(
      Object.fromEntries(
        [
          'received',
          'dispatched',
          'returned',
          'accepted',
          'in_progress',
          'resolved',
          'verified',
          'evaluated',
          'closed',
          'invalid',
          'merged',
        ].map((s) => [s, fmsStatus(s, false)]),
      ),
    ).toEqual({
      received: 'OPEN',
      dispatched: 'INVESTIGATING',
      returned: 'INVESTIGATING',
      accepted: 'ACTION_SCHEDULED',
      in_progress: 'IN_PROGRESS',
      resolved: 'FIXED',
      verified: 'FIXED',
      evaluated: 'FIXED',
      closed: 'FIXED',
      invalid: 'NOT_COUNCILS_RESPONSIBILITY',
      merged: 'DUPLICATE',
    });
    expect(['resolved', 'verified', 'evaluated', 'closed'].map((s) => fmsStatus(s, true))).toEqual([
      'CLOSED',
      'CLOSED',
      'CLOSED',
      'CLOSED',
    ]);
  });
});

describe('GET servicerequestupdates', () => {
  it('gives the public timeline of the last 90 days, oldest first, field by field', async () => {
    const updates = await feed();
    for (const u of updates) {
      expect(Object.keys(u)).toEqual([
        'update_id',
        'service_request_id',
        'status',
        'updated_datetime',
        'description',
        'media_url',
        'external_status_code',
      ]);
      expect(u.updated_datetime).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/);
    }
    const expected = await w.db
      .selectFrom('case_events')
      .select(['id', 'action'])
      .where('public', '=', true)
      .where('action', '<>', 'received')
      .where('at', '>=', new Date(Date.now() - 90 * 86_400_000))
      .orderBy('at')
      .orderBy('id')
      .execute();
    expect(updates.map((u) => u.update_id)).toEqual(expected.map((e) => e.id));
    const of = (c: CaseOut) => updates.filter((u) => u.service_request_id === c.number);
    expect(of(fixed).map((u) => [u.status, u.external_status_code, u.description])).toEqual([
      ['INVESTIGATING', 'dispatched', '已派单至承办单位办理'],
      ['ACTION_SCHEDULED', 'accepted', '承办单位已签收，将尽快处理'],
      ['FIXED', 'resolved', `已办结：已劝离摊贩，联系人电话${'*'.repeat(11)}`],
      ['FIXED', 'closed', '已结案'],
    ]);
    expect(of(duplicate).map((u) => [u.status, u.external_status_code, u.description])).toEqual([
      ['DUPLICATE', 'merged', `与同一问题合并办理，见工单 ${fixed.number}`],
    ]);
    expect(of(answered).map((u) => [u.status, u.description])).toEqual([
      ['CLOSED', '已答复：由属地街道负责'],
    ]);
    expect(of(refused).map((u) => [u.status, u.description])).toEqual([
      ['NOT_COUNCILS_RESPONSIBILITY', `不予受理：测试来电 ${'*'.repeat(11)}`],
    ]);
    expect(of(working).map((u) => u.status)).toEqual(['INVESTIGATING', 'ACTION_SCHEDULED']);
    expect(of(old)).toEqual([]);
    // Staff-only steps (contact, verify, the merge seen from the target) never show.
    const body = JSON.stringify(updates);
    for (const secret of ['13812345678', '13700000000', '13912345678', '已电话联系市民']) {
      expect(body).not.toContain(secret);
    }
  });

  it('gives the same updates in XML under service_requests_updates', async () => {
    const res = await w.app.inject({
      url: '/open311/v2/servicerequestupdates.xml?jurisdiction_id=110115&api_key=ignored-on-reads',
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/xml; charset=utf-8');
    const updates = xmlUpdates(res.body, 'service_requests_updates');
    expect(updates).toEqual((await feed()).map((u) => ({ ...u })));
  });

  it('takes a start_date/end_date window of at most 90 days, and pages', async () => {
    const day = 86_400_000;
    const at = (ms: number) => encodeURIComponent(new Date(ms).toISOString());
    const back = await feed(
      `?start_date=${at(Date.now() - 101 * day)}&end_date=${at(Date.now() - 99 * day)}`,
    );
    expect(back.map((u) => [u.service_request_id, u.status])).toEqual([[old.number, 'INVESTIGATING']]);
    const all = await feed();
    expect(await feed('?page_size=2')).toEqual(all.slice(0, 2));
    expect(await feed('?page_size=2&page=2')).toEqual(all.slice(2, 4));
    expect(await feed('?start_date=&end_date=&page=')).toEqual(all);
    for (const bad of [
      `?start_date=${at(Date.now() - 91 * day)}&end_date=${at(Date.now())}`,
      '?start_date=yesterday',
      '?page_size=1001',
    ]) {
      const res = await w.app.inject({ url: `/open311/v2/servicerequestupdates.json${bad}` });
      expect(res.statusCode, bad).toBe(400);
      expect(res.json()).toEqual([{ code: 400, description: expect.any(String) as string }]);
    }
    const other = await w.app.inject({
      url: '/open311/v2/servicerequestupdates.xml?jurisdiction_id=sfgov.org',
    });
    expect(other.statusCode).toBe(404);
  });
});

describe('POST servicerequestupdates', () => {
  const update = (c: CaseOut, extra: Array<[string, string]> = []): Array<[string, string]> => [
    ['api_key', key],
    ['jurisdiction_id', '110115'],
    ['service_request_id', c.number],
    ['update_id', `fms-${c.number}-1`],
    ['updated_datetime', '2026-11-22T09:30:00+08:00'],
    ['status', 'FIXED'],
    ['description', '摊贩今天又来了，电话13611112222'],
    ['email', 'wang@example.com'],
    ['first_name', '王'],
    ['last_name', '五'],
    ['media_url', 'https://fms.example.com/photo/1.jpeg'],
    ['account_id', 'fms-user-7'],
    ['deviceid', 'ignored'],
    ...extra,
  ];

  it('records a citizen update on the timeline without changing the case, once per update_id', async () => {
    const before = await caseOf(working.number);
    const res = await form('/open311/v2/servicerequestupdates.json', update(working));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    const body = res.json<Array<{ update_id: string }>>();
    expect(body).toHaveLength(1);
    expect(Object.keys(body[0]!)).toEqual(['update_id']);
    const ours = body[0]!.update_id;

    const after = await caseOf(working.number);
    expect(after).toMatchObject({ status: 'in_progress', version: before.version });
    const ev = await w.db
      .selectFrom('case_events')
      .selectAll()
      .where('id', '=', ours)
      .executeTakeFirstOrThrow();
    const data = (typeof ev.data === 'string' ? JSON.parse(ev.data) : ev.data) as Record<string, unknown>;
    expect(ev).toMatchObject({
      case_id: working.id,
      action: 'citizen_update',
      public: true,
      from_status: 'in_progress',
      to_status: 'in_progress',
    });
    expect(data).toEqual({
      channel: 'open311',
      externalId: `fms-${working.number}-1`,
      text: '摊贩今天又来了，电话13611112222',
      claimedStatus: 'FIXED',
      claimedAt: '2026-11-22T09:30:00+08:00',
      author: { name: '王**', email: 'w***@example.com', accountId: 'fms-user-7' },
      mediaUrls: ['https://fms.example.com/photo/1.jpeg'],
    });
    const audit = await w.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity', '=', 'case')
      .where('entity_id', '=', working.id)
      .where('action', '=', 'case.citizen_update')
      .execute();
    expect(audit).toHaveLength(1);

    // Staff see it on the case; the feed carries it with the case's status.
    const detail = await w.app.inject({ url: `/api/cases/${working.id}`, headers: w.users.handlerS1.auth });
    const entry = detail
      .json<{ timeline: Array<{ id: string; action: string }> }>()
      .timeline.find((e) => e.id === ours);
    expect(entry).toMatchObject({ action: 'citizen_update' });
    const fed = (await feed()).find((u) => u.update_id === ours);
    expect(fed).toEqual({
      update_id: ours,
      service_request_id: working.number,
      status: 'IN_PROGRESS',
      updated_datetime: expect.stringMatching(/\+08:00$/) as string,
      description: `摊贩今天又来了，电话${'*'.repeat(11)}`,
      media_url: 'https://fms.example.com/photo/1.jpeg',
      external_status_code: 'in_progress',
    });

    // Redelivery (even with a changed body) answers with the first update and writes nothing.
    const events = await eventCount();
    for (const extra of [[], [['description', '重发时内容变了'] as [string, string]]]) {
      const again = await form('/open311/v2/servicerequestupdates.json', [
        ...update(working).filter(([n]) => !extra.some(([e]) => e === n)),
        ...extra,
      ]);
      expect(again.statusCode, again.body).toBe(200);
      expect(again.json()).toEqual([{ update_id: ours }]);
    }
    expect(await eventCount()).toBe(events);
  });

  it('answers in XML under service_request_updates', async () => {
    const res = await form(
      '/open311/v2/servicerequestupdates.xml',
      update(fixed, [['update_id', 'fms-xml']]),
    );
    expect(res.statusCode, res.body).toBe(201);
    expect(res.headers['content-type']).toBe('text/xml; charset=utf-8');
    const [one, ...rest] = xmlUpdates(res.body, 'service_request_updates');
    expect(rest).toEqual([]);
    expect(Object.keys(one!)).toEqual(['update_id']);
    expect(one!.update_id).toMatch(/^[0-9a-f-]{36}$/);
    // A citizen saying FIXED on a closed case: recorded, the case untouched.
    expect((await caseOf(fixed.number)).version).toBe(fixed.version);
    expect((await feed()).find((u) => u.update_id === one!.update_id)).toMatchObject({
      status: 'FIXED',
      external_status_code: 'closed',
    });
  });

  it('takes multipart posts with a photo', async () => {
    const fields = update(answered, [['update_id', 'fms-multipart']]).filter(([n]) => n !== 'update_id');
    fields.push(['update_id', 'fms-multipart']);
    const body = multipart(fields, [
      { field: 'photo1', filename: 'stall.png', bytes: png, type: 'image/png' },
    ]);
    const res = await w.app.inject({
      method: 'POST',
      url: '/open311/v2/servicerequestupdates.json',
      headers: body.headers,
      payload: body.payload,
    });
    expect(res.statusCode, res.body).toBe(201);
    const attachments = await w.db
      .selectFrom('attachments')
      .select(['file_name', 'mime_type'])
      .where('case_id', '=', answered.id)
      .execute();
    expect(attachments).toEqual([{ file_name: 'stall.png', mime_type: 'image/png' }]);
  });

  const refusals: Array<[string, number, () => Array<[string, string]>]> = [
    ['no api_key', 403, () => update(working).filter(([n]) => n !== 'api_key')],
    ['a bad api_key', 403, () => update(working, [['api_key', 'nope']])],
    ['another jurisdiction', 404, () => update(working, [['jurisdiction_id', 'sfgov.org']])],
    ['no service_request_id', 400, () => update(working).filter(([n]) => n !== 'service_request_id')],
    ['an unknown request', 404, () => update(working, [['service_request_id', '110115-20990101-000001']])],
    ["another client's request", 403, () => update(foreign, [['update_id', 'fms-foreign']])],
    ['a bad updated_datetime', 400, () => update(working, [['updated_datetime', '2026-11-22 09:30']])],
    ['a bad email', 400, () => update(working, [['email', 'not-an-address']])],
    [
      'neither description nor media',
      400,
      () =>
        update(working, [['update_id', 'fms-empty']]).filter(
          ([n]) => n !== 'description' && n !== 'media_url',
        ),
    ],
    ['a description over 4,000 characters', 400, () => update(working, [['description', '长'.repeat(4001)]])],
  ];
  it.each(refusals)(
    'refuses %s with the spec body in both formats, nothing written',
    async (_, status, fields) => {
      // The later copy of a repeated single field is ignored by the spec reader, so overrides go first.
      const pairs = fields();
      const ordered = [...pairs].reverse().filter(([n], i, all) => all.findIndex(([m]) => m === n) === i);
      const events = await eventCount();
      const j = await form('/open311/v2/servicerequestupdates.json', ordered);
      expect(j.statusCode, j.body).toBe(status);
      expect(j.json()).toEqual([{ code: status, description: expect.any(String) as string }]);
      const x = await form('/open311/v2/servicerequestupdates.xml', ordered);
      expect(x.statusCode).toBe(status);
      expect(x.body).toMatch(
        new RegExp(`<errors><error><code>${status}</code><description>.+</description></error></errors>$`),
      );
      expect(await eventCount()).toBe(events);
    },
  );
});
