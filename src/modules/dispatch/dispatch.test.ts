import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../../test/db.js';
import { makeUnit, makeUser } from '../../../test/factories.js';
import { buildApp } from '../../app.js';
import type { Db } from '../../platform/db/index.js';
import { findCategoryByCode } from '../categories/index.js';
import type { historyResponse, listResponse, previewResponse, ruleSchema } from './dispatch.schema.js';
import { resolveDispatch } from './index.js';

type Rule = z.infer<typeof ruleSchema>;
type Rules = z.infer<typeof listResponse>;
type Preview = z.infer<typeof previewResponse>;
type Failure = { error: { code: string; message: string; details?: Record<string, unknown> } };

let app: FastifyInstance;
let db: Db;
let close: () => Promise<void>;
const h: Record<'admin' | 'dispatcher' | 'handler', { authorization: string }> = {} as never;
const u: Record<string, number> = {};

beforeAll(async () => {
  const { handle, config } = await freshDatabase();
  db = handle.db;
  close = () => handle.close();
  app = await buildApp({ db, config, dbKind: handle.kind });
  const unit = async (
    key: string,
    code: string,
    kind: Parameters<typeof makeUnit>[1]['kind'],
    parent?: string,
  ) => {
    u[key] = (await makeUnit(db, { code, name: key, kind, parentId: parent ? u[parent]! : null })).id;
  };
  await unit('city', '110000', 'city');
  await unit('district', '110115', 'district', 'city');
  await unit('s1', '110115001', 'street', 'district');
  await unit('s2', '110115002', 'street', 'district');
  await unit('c1', '110115001001', 'community', 's1');
  await unit('c2', '110115002001', 'community', 's2');
  await unit('g1', '110115001001G01', 'grid', 'c1');
  for (const d of ['D01', 'D02', 'D12', 'D20']) await unit(d, `110115-${d}`, 'department', 'district');
  const cat = async (code: string, isLeaf: boolean) => {
    const parent = code.includes('-')
      ? await findCategoryByCode(db, code.slice(0, code.lastIndexOf('-')))
      : undefined;
    await db
      .insertInto('categories')
      .values({
        code,
        name: `类${code}`,
        parent_id: parent?.id ?? null,
        level: code.split('-').length,
        is_leaf: isLeaf,
      })
      .execute();
  };
  for (const [code, leaf] of [
    ['01', false],
    ['01-01', true],
    ['01-02', false],
    ['01-02-01', true],
    ['35', false],
    ['35-02', true],
  ] as const) {
    await cat(code, leaf);
  }
  h.admin = (await makeUser(db, { username: 'admin', role: 'admin', unitId: u.district! })).auth;
  h.dispatcher = (
    await makeUser(db, { username: 'dispatcher', role: 'dispatcher', unitId: u.district! })
  ).auth;
  h.handler = (await makeUser(db, { username: 'handler', role: 'handler', unitId: u.D01! })).auth;
});
afterAll(async () => {
  await app?.close();
  await close?.();
});

const create = (body: object, headers = h.admin) =>
  app.inject({
    method: 'POST',
    url: '/api/dispatch/rules',
    headers,
    payload: { co: [], note: null, ...body },
  });
const resolve = async (category: string | null, area: string | null) =>
  resolveDispatch(db, {
    categoryId: category ? (await findCategoryByCode(db, category))!.id : null,
    areaUnitId: area ? u[area]! : null,
  });

describe('dispatch catalogue', () => {
  const ids: Record<string, number> = {};

  it('creates rules (admin only)', async () => {
    const rules = {
      any: { category: null, area: null, mode: 'unit', lead: '110115-D20' },
      housing: { category: '01', area: null, mode: 'unit', lead: '110115-D01' },
      housingS2: { category: '01', area: '110115002', mode: 'unit', lead: '110115-D02' },
      deep: { category: '01-02-01', area: null, mode: 'unit', lead: '110115-D01', co: ['110115-D12'] },
      order: { category: '35', area: null, mode: 'street' },
    };
    for (const [key, body] of Object.entries(rules)) {
      const res = await create(body);
      expect(res.statusCode, JSON.stringify(res.json())).toBe(201);
      ids[key] = res.json<Rule>().id;
    }
    expect(
      (await create({ category: '01-01', area: null, mode: 'unit', lead: '110115-D01' }, h.dispatcher))
        .statusCode,
    ).toBe(403);
    expect(
      (await app.inject({ url: '/api/dispatch/rules', headers: h.dispatcher })).json<Rules>().rules,
    ).toHaveLength(5);
    expect((await app.inject({ url: '/api/dispatch/rules', headers: h.handler })).statusCode).toBe(403);
  });

  it('picks the most specific rule: deeper category first, then deeper area', async () => {
    expect(await resolve('01-01', 'c1')).toMatchObject({
      ruleId: ids.housing,
      leadUnitId: u.D01,
      mode: 'unit',
    });
    // Same category depth, the street-level area rule is deeper than the whole-district rule.
    expect(await resolve('01-01', 'c2')).toMatchObject({ ruleId: ids.housingS2, leadUnitId: u.D02 });
    // A deeper category beats a deeper area.
    expect(await resolve('01-02-01', 'c2')).toMatchObject({
      ruleId: ids.deep,
      leadUnitId: u.D01,
      coUnitIds: [u.D12],
    });
    expect(await resolve(null, 'c1')).toMatchObject({ ruleId: ids.any, leadUnitId: u.D20 });
    expect(await resolve('01-01', null)).toMatchObject({ ruleId: ids.housing });
  });

  it('sends street matters to the street containing the area (直派街乡)', async () => {
    const d = await resolve('35-02', 'g1');
    expect(d).toMatchObject({ ruleId: ids.order, mode: 'street', leadUnitId: u.s1, coUnitIds: [] });
    expect(d!.reason).toContain('直派街乡');
    expect(await resolve('35-02', 'c2')).toMatchObject({ leadUnitId: u.s2 });
    // No street above the district itself: the street rule is skipped and the catch-all applies.
    expect(await resolve('35-02', 'district')).toMatchObject({ ruleId: ids.any, leadUnitId: u.D20 });
  });

  it('previews what would happen and why', async () => {
    const res = await app.inject({
      url: '/api/dispatch/preview?category=35-02&area=110115',
      headers: h.dispatcher,
    });
    expect(res.statusCode).toBe(200);
    const body = res.json<Preview>();
    expect(body.decision).toMatchObject({ ruleId: ids.any, lead: { code: '110115-D20' } });
    expect(body.candidates.map((c) => c.rule.id)).toEqual([ids.order, ids.any]);
    expect(body.candidates[0]).toMatchObject({ chosen: false, categoryDepth: 1 });
    expect(body.candidates[0]?.skipped).toMatch(/街道\/乡镇/);
    const co = await app.inject({
      url: '/api/dispatch/preview?category=01-02-01&area=110115002001',
      headers: h.dispatcher,
    });
    expect(co.json<Preview>().decision).toMatchObject({
      lead: { code: '110115-D01' },
      co: [{ code: '110115-D12' }],
    });
    expect(co.json<Preview>().candidates).toHaveLength(4);
    const unknown = await app.inject({ url: '/api/dispatch/preview?category=88', headers: h.dispatcher });
    expect(unknown.json<Failure>().error.code).toBe('unknown_category');
  });

  it('versions an edit: the old rule is retired, kept, and cannot be edited again', async () => {
    const res = await app.inject({
      method: 'PUT',
      url: `/api/dispatch/rules/${ids.housing}`,
      headers: h.admin,
      payload: { mode: 'unit', lead: '110115-D02', co: ['110115-D01'], note: '改由城管委主办' },
    });
    expect(res.statusCode).toBe(200);
    const next = res.json<Rule>();
    expect(next.id).not.toBe(ids.housing);
    expect(next).toMatchObject({
      category: { code: '01' },
      area: null,
      lead: { code: '110115-D02' },
      retiredAt: null,
    });
    expect(await resolve('01-01', 'c1')).toMatchObject({
      ruleId: next.id,
      leadUnitId: u.D02,
      coUnitIds: [u.D01],
    });

    const old = await db
      .selectFrom('dispatch_rules')
      .selectAll()
      .where('id', '=', ids.housing!)
      .executeTakeFirstOrThrow();
    expect(old.retired_at).not.toBeNull();
    expect(old.lead_unit_id).toBe(u.D01);
    const history = (await app.inject({ url: `/api/dispatch/rules/${next.id}`, headers: h.dispatcher })).json<
      z.infer<typeof historyResponse>
    >();
    expect(history.history.map((r) => r.id)).toEqual([next.id, ids.housing]);

    const stale = await app.inject({
      method: 'PUT',
      url: `/api/dispatch/rules/${ids.housing}`,
      headers: h.admin,
      payload: { mode: 'street' },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json<Failure>().error).toMatchObject({
      code: 'stale_version',
      details: { currentId: next.id },
    });
    const audit = await db
      .selectFrom('audit_log')
      .select('action')
      .where('entity', '=', 'dispatch_rule')
      .where('action', '=', 'dispatch_rule.replace')
      .execute();
    expect(audit).toHaveLength(1);
    ids.housing = next.id;
  });

  it('retires a rule so the next most specific applies', async () => {
    const res = await app.inject({
      method: 'DELETE',
      url: `/api/dispatch/rules/${ids.housingS2}`,
      headers: h.admin,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json<Rule>().retiredAt).toEqual(expect.any(String));
    expect(await resolve('01-01', 'c2')).toMatchObject({ ruleId: ids.housing });
    const again = await app.inject({
      method: 'DELETE',
      url: `/api/dispatch/rules/${ids.housingS2}`,
      headers: h.admin,
    });
    expect(again.statusCode).toBe(409);
    const all = (
      await app.inject({ url: '/api/dispatch/rules?includeRetired=true', headers: h.admin })
    ).json<Rules>().rules;
    expect(all).toHaveLength(6);
    expect(all.filter((r) => r.retiredAt === null)).toHaveLength(4);
  });

  it('skips a rule whose lead unit is inactive', async () => {
    await db.updateTable('org_units').set({ active: false }).where('id', '=', u.D02!).execute();
    expect(await resolve('01-01', 'c1')).toMatchObject({ ruleId: ids.any, leadUnitId: u.D20 });
    await db.updateTable('org_units').set({ active: true }).where('id', '=', u.D02!).execute();
    expect(await resolve('01-01', 'c1')).toMatchObject({ ruleId: ids.housing, leadUnitId: u.D02 });
  });

  it('returns null when no rule applies', async () => {
    await app.inject({ method: 'DELETE', url: `/api/dispatch/rules/${ids.any}`, headers: h.admin });
    expect(await resolve(null, 'c1')).toBeNull();
    expect(await resolve('35-02', 'district')).toBeNull();
  });

  it('refuses bad rules with stable codes', async () => {
    // At most one current rule per (category, area): the database refuses a second one.
    const order = (await findCategoryByCode(db, '35'))!.id;
    await expect(
      db
        .insertInto('dispatch_rules')
        .values({ category_id: order, area_unit_id: null, mode: 'street' })
        .execute(),
    ).rejects.toThrow(/unique|duplicate/i);
    const dup = await create({ category: '35', area: null, mode: 'street' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json<Failure>().error.details?.ruleId).toBe(ids.order);
    expect(
      (await create({ category: '01-01', area: null, mode: 'street', lead: '110115-D01' })).statusCode,
    ).toBe(400);
    expect((await create({ category: '01-01', area: null, mode: 'unit' })).statusCode).toBe(400);
    const unit = await create({ category: '01-01', area: null, mode: 'unit', lead: '110115-D99' });
    expect(unit.statusCode).toBe(422);
    expect(unit.json<Failure>().error).toMatchObject({
      code: 'unknown_unit',
      details: { codes: ['110115-D99'] },
    });
    expect(
      (await create({ category: '01-01', area: '110115-D01', mode: 'unit', lead: '110115-D01' })).statusCode,
    ).toBe(400);
    expect((await create({ category: '77', area: null, mode: 'street' })).json<Failure>().error.code).toBe(
      'unknown_category',
    );
    expect(
      (await create({ category: '01-01', area: null, mode: 'unit', lead: '110115-D01', co: ['110115-D01'] }))
        .statusCode,
    ).toBe(400);
  });
});
