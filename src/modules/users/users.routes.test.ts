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

async function login(username: string, password = PASSWORD) {
  return app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
}

function call(method: 'GET' | 'POST' | 'PATCH', url: string, who: string, payload?: object) {
  return app.inject({
    method,
    url,
    headers: { authorization: `Bearer ${tokens[who]}` },
    ...(payload ? { payload } : {}),
  });
}

async function unitId(code: string): Promise<number> {
  const { rows } = await sql<{ id: number }>`select id from org_units where code = ${code}`.execute(
    handle.db,
  );
  return rows[0]!.id;
}

type UserList = { items: Array<{ username: string; unit: { code: string } | null }>; total: number };

beforeAll(async () => {
  const fresh = await freshDatabase({ SCRYPT_COST_LOG2: '10' });
  handle = fresh.handle;
  const ctx = { db: handle.db, config: fresh.config, dbKind: handle.kind };
  await seedOrg(ctx);
  await seedDemoUsers(ctx, PASSWORD);
  app = await buildApp(ctx);
  for (const who of ['admin', 'dispatcher']) tokens[who] = (await login(who)).json<{ token: string }>().token;
});
afterAll(async () => {
  await app.close();
  await handle.close();
});

describe('users administration', () => {
  it('is for administrators only', async () => {
    expect((await call('GET', '/api/users', 'dispatcher')).json()).toMatchObject({
      error: { code: 'forbidden' },
    });
    expect((await call('GET', '/api/users', 'dispatcher')).statusCode).toBe(403);
    const body = {
      username: 'x_user',
      displayName: 'x',
      password: PASSWORD,
      role: 'agent',
      unitId: await unitId('110115-D20'),
    };
    expect((await call('POST', '/api/users', 'dispatcher', body)).statusCode).toBe(403);
    expect((await app.inject({ url: '/api/users' })).statusCode).toBe(401);
  });

  it('creates a user who can then log in; the hash is never returned', async () => {
    const res = await call('POST', '/api/users', 'admin', {
      username: 'Wang.Handler',
      displayName: '王处置',
      password: 'new-user-pass-1',
      role: 'handler',
      unitId: await unitId('110115005'),
      phone: '13800000000',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      username: 'wang.handler',
      role: 'handler',
      unit: { code: '110115005', shortName: '黄村' },
      phone: '13800000000',
      active: true,
    });
    expect(res.body).not.toContain('scrypt');
    expect(res.body).not.toContain('password');
    const { rows } = await sql<{ password_hash: string }>`
      select password_hash from users where username = 'wang.handler'`.execute(handle.db);
    expect(rows[0]!.password_hash).toMatch(/^scrypt\$1024\$/);
    expect((await login('wang.handler', 'new-user-pass-1')).statusCode).toBe(200);
    const { rows: audit } = await sql<{ after: Record<string, unknown> }>`
      select after from audit_log where action = 'users.create' and entity_id = ${String(res.json<{ id: number }>().id)}`.execute(
      handle.db,
    );
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit[0]!.after)).not.toContain('scrypt');
  });

  it('refuses duplicates, bad placements and unknown fields', async () => {
    const base = { displayName: 'x', password: PASSWORD, role: 'agent', unitId: await unitId('110115-D20') };
    expect((await call('POST', '/api/users', 'admin', { ...base, username: 'AGENT' })).json()).toMatchObject({
      error: { code: 'duplicate' },
    });
    expect(
      (await call('POST', '/api/users', 'admin', { ...base, username: 'no_unit', unitId: undefined }))
        .statusCode,
    ).toBe(400);
    expect(
      (await call('POST', '/api/users', 'admin', { ...base, username: 'cit_unit', role: 'citizen' })).json(),
    ).toMatchObject({ error: { code: 'validation_failed' } });
    expect(
      (await call('POST', '/api/users', 'admin', { ...base, username: 'ghost', unitId: 999999 })).json(),
    ).toMatchObject({
      error: { code: 'unknown_unit' },
    });
    expect(
      (await call('POST', '/api/users', 'admin', { ...base, username: 'short', password: 'abc' })).statusCode,
    ).toBe(400);
    expect(
      (await call('POST', '/api/users', 'admin', { ...base, username: 'extra', isAdmin: true })).statusCode,
    ).toBe(400);
  });

  it('lists users in the administrator subtree only', async () => {
    const all = (await call('GET', '/api/users?limit=500', 'admin')).json<UserList>();
    expect(all.items.map((u) => u.username)).toEqual(
      expect.arrayContaining(['admin', 'agent', 'handler_xhm', 'citizen']),
    );
    const xhm = await unitId('110115007');
    const created = await call('POST', '/api/users', 'admin', {
      username: 'admin_xhm',
      displayName: '西红门管理员',
      password: PASSWORD,
      role: 'admin',
      unitId: xhm,
    });
    expect(created.statusCode).toBe(201);
    tokens.admin_xhm = (await login('admin_xhm')).json<{ token: string }>().token;
    const mine = (await call('GET', '/api/users', 'admin_xhm')).json<UserList>();
    expect(mine.items.map((u) => u.username).sort()).toEqual(['admin_xhm', 'grid_xhm', 'handler_xhm']);
    expect(mine.total).toBe(3);
    // A street administrator cannot place users elsewhere, nor see them.
    const hc = await unitId('110115005');
    const outside = await call('POST', '/api/users', 'admin_xhm', {
      username: 'hc_user',
      displayName: 'x',
      password: PASSWORD,
      role: 'handler',
      unitId: hc,
    });
    expect(outside.json()).toMatchObject({ error: { code: 'forbidden' } });
    const hcUser = all.items.find((u) => u.username === 'handler_hc') as { id?: number } | undefined;
    expect((await call('GET', `/api/users/${hcUser!.id}`, 'admin_xhm')).json()).toMatchObject({
      error: { code: 'unknown_user' },
    });
    const filtered = (await call('GET', `/api/users?unitId=${hc}`, 'admin')).json<UserList>();
    expect(filtered.items.map((u) => u.username).sort()).toEqual(['handler_hc', 'wang.handler']);
    expect(
      (await call('GET', '/api/users?role=grid_worker', 'admin'))
        .json<UserList>()
        .items.map((u) => u.username),
    ).toEqual(['grid_xhm']);
  });

  it('deactivates a user: sessions end and login fails', async () => {
    const login1 = (await login('handler_cgw')).json<{ token: string; user: { id: number } }>();
    const res = await call('PATCH', `/api/users/${login1.user.id}`, 'admin', { active: false });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ active: false });
    const me = await app.inject({
      url: '/api/auth/me',
      headers: { authorization: `Bearer ${login1.token}` },
    });
    expect(me.statusCode).toBe(401);
    expect((await login('handler_cgw')).statusCode).toBe(401);
    const { rows } = await sql<{
      n: number;
    }>`select count(*) as n from sessions where user_id = ${login1.user.id}`.execute(handle.db);
    expect(Number(rows[0]!.n)).toBe(0);
    expect(
      (await call('GET', '/api/users?active=false', 'admin')).json<UserList>().items.map((u) => u.username),
    ).toEqual(['handler_cgw']);
  });

  it('does not let an administrator lock themselves out', async () => {
    const me = (
      await app.inject({ url: '/api/auth/me', headers: { authorization: `Bearer ${tokens.admin}` } })
    ).json<{
      user: { id: number };
    }>();
    expect((await call('PATCH', `/api/users/${me.user.id}`, 'admin', { active: false })).statusCode).toBe(
      403,
    );
  });
});
