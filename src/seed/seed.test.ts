import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../test/db.js';
import type { AppContext } from '../platform/context.js';
import type { DatabaseHandle } from '../platform/db/index.js';
import { verifyPassword } from '../platform/password.js';
import { seedOrg } from './org.js';
import { seedDemoUsers, type DemoUser } from './users.js';

let handle: DatabaseHandle;
let ctx: AppContext;
let demo: DemoUser[];
const timings = { open: 0, org: 0, users: 0 };

beforeAll(async () => {
  let t = performance.now();
  const fresh = await freshDatabase({ SCRYPT_COST_LOG2: '10' });
  timings.open = performance.now() - t;
  handle = fresh.handle;
  ctx = { db: handle.db, config: fresh.config, dbKind: handle.kind };
  t = performance.now();
  expect(await seedOrg(ctx)).toBe(true);
  timings.org = performance.now() - t;
  t = performance.now();
  demo = await seedDemoUsers(ctx);
  timings.users = performance.now() - t;
  console.log(
    `first start on ${handle.kind}: open+migrate ${timings.open.toFixed(0)} ms, ` +
      `org seed ${timings.org.toFixed(0)} ms, demo users ${timings.users.toFixed(0)} ms (scrypt 2^10)`,
  );
});
afterAll(async () => handle.close());

describe('seedOrg', () => {
  it('seeds the district with departments and grids, once', async () => {
    const { rows } = await sql<{ kind: string; n: number }>`
      select kind, count(*) as n from org_units group by kind order by kind`.execute(handle.db);
    expect(Object.fromEntries(rows.map((r) => [r.kind, Number(r.n)]))).toEqual({
      city: 1,
      community: 758,
      department: 20,
      district: 1,
      grid: 1516,
      street: 26,
    });
    expect(await seedOrg(ctx)).toBe(false);
  });
});

describe('seedDemoUsers', () => {
  it('creates one user per role at the agreed units', () => {
    expect(demo.map((u) => [u.username, u.role, u.unitName])).toEqual([
      ['admin', 'admin', '大兴区'],
      ['agent', 'agent', '区12345热线中心 / 城市运行指挥中心'],
      ['dispatcher', 'dispatcher', '区12345热线中心 / 城市运行指挥中心'],
      ['supervisor', 'supervisor', '区12345热线中心 / 城市运行指挥中心'],
      ['leader', 'leader', '大兴区'],
      ['handler_xhm', 'handler', '西红门地区'],
      ['handler_hc', 'handler', '黄村地区'],
      ['handler_cgw', 'handler', '区城市管理委员会'],
      ['grid_xhm', 'grid_worker', expect.stringMatching(/第1网格$/)],
      ['citizen', 'citizen', null],
    ]);
  });

  it('puts the grid worker on a grid under 西红门', async () => {
    const { rows } = await sql<{ path: string; kind: string }>`
      select o.path, o.kind from users u join org_units o on o.id = u.org_unit_id where u.username = 'grid_xhm'`.execute(
      handle.db,
    );
    expect(rows[0]!.kind).toBe('grid');
    expect(rows[0]!.path).toMatch(/^110000\/110115\/110115007\//);
  });

  it('gives random 12-character passwords that match the stored hashes', async () => {
    const passwords = demo.map((u) => u.password);
    expect(new Set(passwords).size).toBe(passwords.length);
    for (const p of passwords) expect(p).toMatch(/^[A-Za-z2-9]{12}$/);
    const { rows } = await sql<{ password_hash: string }>`
      select password_hash from users where username = 'agent'`.execute(handle.db);
    expect(await verifyPassword(demo[1]!.password, rows[0]!.password_hash)).toBe(true);
  });

  it('skips existing users and uses DEMO_PASSWORD for new ones', async () => {
    expect(await seedDemoUsers(ctx)).toEqual([]);
    await sql`delete from users where username in ('citizen', 'leader')`.execute(handle.db);
    {
      const again = await seedDemoUsers({
        ...ctx,
        config: { ...ctx.config, DEMO_PASSWORD: 'same-for-all-1' },
      });
      expect(again.map((u) => [u.username, u.password])).toEqual([
        ['leader', 'same-for-all-1'],
        ['citizen', 'same-for-all-1'],
      ]);
    }
  });
});
