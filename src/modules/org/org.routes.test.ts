import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../../test/db.js';
import { buildApp } from '../../app.js';
import type { DatabaseHandle } from '../../platform/db/index.js';
import { seedOrg } from '../../seed/org.js';
import { seedDemoUsers } from '../../seed/users.js';

const PASSWORD = 'demo-pass-123';
let handle: DatabaseHandle;
let app: FastifyInstance;
const tokens: Record<string, string> = {};

async function login(username: string): Promise<string> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password: PASSWORD },
  });
  expect(res.statusCode).toBe(200);
  return res.json<{ token: string }>().token;
}

function call(method: 'GET' | 'POST' | 'PATCH', url: string, who?: string, payload?: object) {
  return app.inject({
    method,
    url,
    ...(who ? { headers: { authorization: `Bearer ${tokens[who]}` } } : {}),
    ...(payload ? { payload } : {}),
  });
}

async function unitId(code: string): Promise<number> {
  const { rows } = await sql<{ id: number }>`select id from org_units where code = ${code}`.execute(
    handle.db,
  );
  return rows[0]!.id;
}

beforeAll(async () => {
  const fresh = await freshDatabase({ SCRYPT_COST_LOG2: '10' });
  handle = fresh.handle;
  const ctx = { db: handle.db, config: fresh.config, dbKind: handle.kind };
  await seedOrg(ctx);
  await seedDemoUsers(ctx, PASSWORD);
  app = await buildApp(ctx);
  for (const who of ['admin', 'agent', 'handler_xhm']) tokens[who] = await login(who);
});
afterAll(async () => {
  await app.close();
  await handle.close();
});

describe('GET /api/org/units', () => {
  it('needs a login', async () => {
    const res = await call('GET', '/api/org/units');
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ error: { code: 'unauthenticated' } });
  });

  it('lists the roots, children, kinds and text matches for any logged-in user', async () => {
    const roots = await call('GET', '/api/org/units', 'handler_xhm');
    expect(roots.statusCode).toBe(200);
    expect(roots.json()).toMatchObject({ total: 1, items: [{ code: '110000', kind: 'city' }] });

    const district = await unitId('110115');
    const children = (await call('GET', `/api/org/units?parentId=${district}&kind=street`, 'agent')).json<{
      items: Array<{ code: string; shortName: string }>;
      total: number;
    }>();
    expect(children.total).toBe(26);
    expect(children.items.find((u) => u.code === '110115007')?.shortName).toBe('西红门');

    const depts = (await call('GET', `/api/org/units?parentId=${district}&kind=department`, 'agent')).json<{
      items: Array<{ code: string }>;
    }>();
    expect(depts.items.map((u) => u.code)).toEqual(
      Array.from({ length: 20 }, (_, i) => `110115-D${String(i + 1).padStart(2, '0')}`),
    );

    const found = (
      await call('GET', `/api/org/units?q=${encodeURIComponent('富强西里')}&kind=community`, 'agent')
    ).json<{
      items: Array<{ name: string }>;
    }>();
    expect(found.items.map((u) => u.name)).toEqual(['富强西里社区居委会']);

    const paged = (await call('GET', '/api/org/units?kind=community&limit=10&offset=750', 'agent')).json<{
      items: unknown[];
      total: number;
    }>();
    expect(paged).toMatchObject({ total: 758 });
    expect(paged.items).toHaveLength(8);
  });

  it('treats LIKE wildcards in q literally', async () => {
    const res = (await call('GET', '/api/org/units?q=%25', 'agent')).json<{ total: number }>();
    expect(res.total).toBe(0);
  });

  it('returns one unit with its ancestors, root first', async () => {
    const id = await unitId('110115007200G01');
    const res = await call('GET', `/api/org/units/${id}`, 'agent');
    expect(res.statusCode).toBe(200);
    const body = res.json<{ name: string; ancestors: Array<{ code: string }> }>();
    expect(body.name).toBe('西红门一村第1网格');
    expect(body.ancestors.map((a) => a.code)).toEqual(['110000', '110115', '110115007', '110115007200']);
    expect((await call('GET', '/api/org/units/999999', 'agent')).json()).toMatchObject({
      error: { code: 'unit_not_found' },
    });
  });
});

describe('POST and PATCH /api/org/units', () => {
  it('lets an administrator add a grid under a community, audited', async () => {
    const parentId = await unitId('110115007002');
    const res = await call('POST', '/api/org/units', 'admin', {
      code: '110115007002G09',
      name: '星光第9网格',
      kind: 'grid',
      parentId,
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      kind: 'grid',
      parentId,
      path: '110000/110115/110115007/110115007002/110115007002G09/',
      depth: 4,
    });
    const { rows } = await sql<{ n: number }>`
      select count(*) as n from audit_log where action = 'org.create_unit'`.execute(handle.db);
    expect(Number(rows[0]!.n)).toBe(1);
  });

  it('refuses non-administrators, wrong parents, duplicates and bad codes', async () => {
    const community = await unitId('110115007002');
    const street = await unitId('110115007');
    const grid = { code: 'X1', name: 'x', kind: 'grid', parentId: community };
    expect((await call('POST', '/api/org/units', 'agent', grid)).json()).toMatchObject({
      error: { code: 'forbidden' },
    });
    expect(
      (await call('POST', '/api/org/units', 'admin', { ...grid, parentId: street })).json(),
    ).toMatchObject({
      error: { code: 'invalid_parent' },
    });
    expect(
      (await call('POST', '/api/org/units', 'admin', { ...grid, code: '110115007002G01' })).statusCode,
    ).toBe(409);
    expect((await call('POST', '/api/org/units', 'admin', { ...grid, code: 'a/b' })).json()).toMatchObject({
      error: { code: 'validation_failed' },
    });
    expect((await call('POST', '/api/org/units', 'admin', { ...grid, kind: 'city' })).statusCode).toBe(400);
  });

  it('renames and deactivates, but never moves a unit', async () => {
    const id = await unitId('110115-D09');
    const res = await call('PATCH', `/api/org/units/${id}`, 'admin', {
      shortName: '区水务局',
      active: false,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ shortName: '区水务局', active: false, name: '区水务局' });
    const moved = await call('PATCH', `/api/org/units/${id}`, 'admin', { parentId: 1 });
    expect(moved.statusCode).toBe(400);
    expect(moved.json()).toMatchObject({ error: { code: 'validation_failed' } });
    expect((await call('PATCH', `/api/org/units/${id}`, 'handler_xhm', { name: 'x' })).statusCode).toBe(403);
    const { rows } = await sql<{ before: { active: boolean }; after: { active: boolean } }>`
      select before, after from audit_log where action = 'org.update_unit'`.execute(handle.db);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.before.active).toBe(true);
    expect(rows[0]!.after.active).toBe(false);
  });

  it('keeps administrators inside their own subtree', async () => {
    const xhm = await unitId('110115007');
    const hc = await unitId('110115005');
    const created = await call('POST', '/api/users', 'admin', {
      username: 'admin_xhm',
      displayName: '西红门管理员',
      password: PASSWORD,
      role: 'admin',
      unitId: xhm,
    });
    expect(created.statusCode).toBe(201);
    tokens.admin_xhm = await login('admin_xhm');
    expect((await call('PATCH', `/api/org/units/${hc}`, 'admin_xhm', { name: '黄村' })).json()).toMatchObject(
      {
        error: { code: 'forbidden' },
      },
    );
    expect(
      (await call('PATCH', `/api/org/units/${xhm}`, 'admin_xhm', { shortName: '西红门镇' })).statusCode,
    ).toBe(200);
  });
});
