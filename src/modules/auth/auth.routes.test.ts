import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../../test/db.js';
import { buildApp } from '../../app.js';
import type { AppContext } from '../../platform/context.js';
import type { DatabaseHandle } from '../../platform/db/index.js';
import { hashPassword } from '../../platform/password.js';
import { seedOrg } from '../../seed/org.js';
import { seedDemoUsers } from '../../seed/users.js';

const PASSWORD = 'demo-pass-123';
let handle: DatabaseHandle;
let ctx: AppContext;
let app: FastifyInstance;

function loginWith(target: FastifyInstance, username: string, password: string) {
  return target.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
}

beforeAll(async () => {
  const fresh = await freshDatabase({ SCRYPT_COST_LOG2: '10' });
  handle = fresh.handle;
  ctx = { db: handle.db, config: fresh.config, dbKind: handle.kind };
  await seedOrg(ctx);
  await seedDemoUsers(ctx, PASSWORD);
  app = await buildApp(ctx);
});
afterAll(async () => {
  await app.close();
  await handle.close();
});

describe('login, me, logout', () => {
  it('logs in and returns a token with the user and unit', async () => {
    const res = await loginWith(app, 'HANDLER_XHM', PASSWORD);
    expect(res.statusCode).toBe(200);
    const body = res.json<{ token: string; expiresAt: string; user: Record<string, unknown> }>();
    expect(body.token.length).toBeGreaterThan(30);
    const ttl = new Date(body.expiresAt).getTime() - Date.now();
    expect(ttl).toBeGreaterThan(11.9 * 3600_000);
    expect(ttl).toBeLessThanOrEqual(12 * 3600_000);
    expect(body.user).toMatchObject({
      username: 'handler_xhm',
      role: 'handler',
      unit: { code: '110115007', name: '西红门地区', path: '110000/110115/110115007/' },
    });
    expect(JSON.stringify(body)).not.toContain('scrypt');

    const me = await app.inject({ url: '/api/auth/me', headers: { authorization: `Bearer ${body.token}` } });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toEqual({ user: body.user });
  });

  it('gives the same 401 for an unknown user and a wrong password', async () => {
    for (const [u, p] of [
      ['nobody', PASSWORD],
      ['agent', 'wrong-password'],
    ] as const) {
      const res = await loginWith(app, u, p);
      expect(res.statusCode).toBe(401);
      expect(res.json()).toEqual({
        error: { code: 'invalid_credentials', message: 'wrong username or password' },
      });
    }
  });

  it('refuses a deactivated account', async () => {
    await sql`update users set active = false where username = 'leader'`.execute(handle.db);
    expect((await loginWith(app, 'leader', PASSWORD)).json()).toMatchObject({
      error: { code: 'invalid_credentials' },
    });
    await sql`update users set active = true where username = 'leader'`.execute(handle.db);
  });

  it('answers /me with 401 unauthenticated without a valid token', async () => {
    for (const headers of [{}, { authorization: 'Bearer not-a-token' }]) {
      const res = await app.inject({ url: '/api/auth/me', headers });
      expect(res.statusCode).toBe(401);
      expect(res.json()).toMatchObject({ error: { code: 'unauthenticated' } });
    }
  });

  it('ends the session on logout and audits login and logout', async () => {
    const { token } = (await loginWith(app, 'citizen', PASSWORD)).json<{ token: string }>();
    const headers = { authorization: `Bearer ${token}` };
    expect((await app.inject({ url: '/api/auth/me', headers })).json()).toMatchObject({
      user: { role: 'citizen', unit: null },
    });
    expect((await app.inject({ method: 'POST', url: '/api/auth/logout', headers })).statusCode).toBe(204);
    expect((await app.inject({ url: '/api/auth/me', headers })).statusCode).toBe(401);
    expect((await app.inject({ method: 'POST', url: '/api/auth/logout', headers })).statusCode).toBe(401);
    const { rows } = await sql<{ action: string }>`
      select action from audit_log where entity = 'user' and action like 'auth.%' order by at`.execute(
      handle.db,
    );
    expect(rows.map((r) => r.action)).toContain('auth.logout');
    expect(rows.filter((r) => r.action === 'auth.login').length).toBeGreaterThanOrEqual(2);
  });

  it('refuses unknown fields in the body', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'agent', password: PASSWORD, remember: true },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: { code: 'validation_failed' } });
  });
});

describe('timing', () => {
  it('spends as long on an unknown user as on a wrong password (dummy hash)', async () => {
    // A cost high enough that one scrypt dwarfs the database round trip.
    const slowCtx = { ...ctx, config: { ...ctx.config, SCRYPT_COST_LOG2: 14, PUBLIC_RATE_LIMIT: 1000 } };
    const slow = await buildApp(slowCtx);
    try {
      const hash = await hashPassword('slow-pass-123', 2 ** 14);
      await sql`insert into users (username, display_name, password_hash, role) values ('slow', 'slow', ${hash}, 'citizen')`.execute(
        handle.db,
      );
      await loginWith(slow, 'warmup', 'x'); // computes and caches the dummy hash
      const time = async (u: string) => {
        const samples: number[] = [];
        for (let i = 0; i < 5; i++) {
          const t = performance.now();
          expect((await loginWith(slow, u, 'wrong-password')).statusCode).toBe(401);
          samples.push(performance.now() - t);
        }
        return samples.sort((a, b) => a - b)[2]!;
      };
      const wrongPassword = await time('slow');
      const unknownUser = await time('nobody-here');
      console.log(
        `login failure median: wrong password ${wrongPassword.toFixed(1)} ms, unknown user ${unknownUser.toFixed(1)} ms`,
      );
      expect(unknownUser).toBeGreaterThan(wrongPassword / 3);
      expect(unknownUser).toBeLessThan(wrongPassword * 3);
    } finally {
      await slow.close();
    }
  });
});

describe('rate limit', () => {
  it('answers 429 rate_limited after PUBLIC_RATE_LIMIT logins a minute from one IP', async () => {
    // Same database, a second app whose config allows three logins a minute.
    const limited = await buildApp({ ...ctx, config: { ...ctx.config, PUBLIC_RATE_LIMIT: 3 } });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 5; i++)
        codes.push((await loginWith(limited, 'agent', 'wrong-password')).statusCode);
      expect(codes).toEqual([401, 401, 401, 429, 429]);
      const res = await loginWith(limited, 'agent', 'wrong-password');
      expect(res.json()).toMatchObject({ error: { code: 'rate_limited' } });
      // Another address has its own budget.
      const other = await limited.inject({
        method: 'POST',
        url: '/api/auth/login',
        remoteAddress: '10.1.2.3',
        payload: { username: 'agent', password: 'x' },
      });
      expect(other.statusCode).toBe(401);
    } finally {
      await limited.close();
    }
  });
});
