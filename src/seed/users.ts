import { randomInt } from 'node:crypto';
import { appendAudit } from '../platform/audit.js';
import type { AppContext } from '../platform/context.js';
import type { Conn } from '../platform/db/index.js';
import type { OrgUnit, Role } from '../platform/db/schema.js';
import { departmentCode, findUnitByCode, listChildren, searchUnits } from '../modules/org/index.js';
import {
  findUserById,
  findUserByUsername,
  hashForConfig,
  insertUser,
  presentUser,
} from '../modules/users/index.js';

export interface DemoUser {
  username: string;
  password: string;
  role: Role;
  unitName: string | null;
}

interface DemoSpec {
  username: string;
  displayName: string;
  role: Role;
  /** Finds the user's unit in the seeded district (null for citizens). */
  unit: (db: Conn, district: OrgUnit) => Promise<OrgUnit | undefined> | null;
}

const department = (suffix: string) => (db: Conn, d: OrgUnit) =>
  findUnitByCode(db, departmentCode(d.code, suffix));
const districtItself = (_db: Conn, d: OrgUnit) => Promise.resolve(d);

/** The street with this name in the district, else its n-th street (other districts than 大兴). */
function street(name: string, fallbackIndex: number) {
  return async (db: Conn, d: OrgUnit) => {
    const streets = (await listChildren(db, d.id)).filter((u) => u.kind === 'street');
    return streets.find((s) => s.name === name) ?? streets[fallbackIndex] ?? streets[0];
  };
}

/** The first grid cell under the street found by `street(name)`. */
function gridUnder(name: string, fallbackIndex: number) {
  return async (db: Conn, d: OrgUnit) => {
    const s = await street(name, fallbackIndex)(db, d);
    if (!s) return undefined;
    const { rows } = await searchUnits(db, { kind: 'grid', underPath: s.path, limit: 1, offset: 0 });
    return rows[0];
  };
}

const specs: DemoSpec[] = [
  { username: 'admin', displayName: '系统管理员', role: 'admin', unit: districtItself },
  { username: 'agent', displayName: '话务员 王芳', role: 'agent', unit: department('D20') },
  { username: 'dispatcher', displayName: '派单员 李强', role: 'dispatcher', unit: department('D20') },
  { username: 'supervisor', displayName: '督办员 赵敏', role: 'supervisor', unit: department('D20') },
  { username: 'leader', displayName: '区领导 陈明', role: 'leader', unit: districtItself },
  {
    username: 'handler_xhm',
    displayName: '西红门地区 承办人',
    role: 'handler',
    unit: street('西红门地区', 6),
  },
  { username: 'handler_hc', displayName: '黄村地区 承办人', role: 'handler', unit: street('黄村地区', 4) },
  { username: 'handler_cgw', displayName: '城管委 承办人', role: 'handler', unit: department('D02') },
  {
    username: 'grid_xhm',
    displayName: '西红门网格员 刘洋',
    role: 'grid_worker',
    unit: gridUnder('西红门地区', 6),
  },
  { username: 'citizen', displayName: '市民 张三', role: 'citizen', unit: () => null },
];

// No 0/O, 1/l/I: the printed passwords are read off a terminal and typed.
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789';

/** A random password of `length` characters from a crypto RNG. */
export function randomPassword(length = 12): string {
  let out = '';
  for (let i = 0; i < length; i++) out += ALPHABET[randomInt(ALPHABET.length)];
  return out;
}

/**
 * The demo accounts' passwords and their hashes under way: scrypt at production cost is the slow
 * part of the first start, and it runs on libuv's threads, so the seed goes on writing the org
 * tree, catalogue, model and answers meanwhile (`seedDemo` starts it first). Passwords are random
 * unless `password` (config DEMO_PASSWORD) is given, then every account uses it.
 */
export interface DemoPasswords {
  /** username → password */
  passwords: Map<string, string>;
  /** username → hash, two at a time (one per core) */
  hashes: Promise<Map<string, string>>;
}

/** Starts hashing a password for every demo account; `insertDemoUsers` waits for what it needs. */
export function hashDemoPasswords(
  ctx: AppContext,
  password: string | undefined = ctx.config.DEMO_PASSWORD,
): DemoPasswords {
  const passwords = new Map(specs.map((s) => [s.username, password || randomPassword()]));
  const hashes = (async () => {
    const out = new Map<string, string>();
    const todo = [...passwords];
    for (let i = 0; i < todo.length; i += 2) {
      const pair = todo.slice(i, i + 2);
      const hashed = await Promise.all(pair.map(([, pw]) => hashForConfig(ctx, pw)));
      pair.forEach(([username], k) => out.set(username, hashed[k]!));
    }
    return out;
  })();
  // Awaited later: a failure surfaces there, not as an unhandled rejection meanwhile.
  hashes.catch(() => undefined);
  return { passwords, hashes };
}

/**
 * Creates one demo account per role in the seeded district (those that do not exist yet) and
 * returns their passwords so the first start can print them.
 */
export async function seedDemoUsers(
  ctx: AppContext,
  password: string | undefined = ctx.config.DEMO_PASSWORD,
): Promise<DemoUser[]> {
  return insertDemoUsers(ctx, hashDemoPasswords(ctx, password));
}

/** Creates the demo accounts that do not exist yet with passwords `hashDemoPasswords` started. */
export async function insertDemoUsers(ctx: AppContext, demo: DemoPasswords): Promise<DemoUser[]> {
  const district = await findUnitByCode(ctx.db, ctx.config.DISTRICT_CODE);
  if (!district) throw new Error(`district ${ctx.config.DISTRICT_CODE} is not seeded; run seedOrg first`);
  const todo: Array<DemoSpec & { password: string; unitRow: OrgUnit | null }> = [];
  for (const spec of specs) {
    if (await findUserByUsername(ctx.db, spec.username)) continue;
    const unitRow = (await spec.unit(ctx.db, district)) ?? null;
    if (spec.role !== 'citizen' && !unitRow) throw new Error(`no unit found for demo user ${spec.username}`);
    todo.push({ ...spec, password: demo.passwords.get(spec.username)!, unitRow });
  }
  const hashed = await demo.hashes;
  const hashes = todo.map((t) => hashed.get(t.username)!);
  await ctx.db.transaction().execute(async (tx) => {
    for (const [i, t] of todo.entries()) {
      const id = await insertUser(tx, {
        username: t.username,
        display_name: t.displayName,
        password_hash: hashes[i]!,
        role: t.role,
        org_unit_id: t.unitRow?.id ?? null,
        phone: null,
      });
      const created = await findUserById(tx, id);
      await appendAudit(tx, ctx.config.AUDIT_SECRET, {
        actorUserId: null,
        action: 'users.create',
        entity: 'user',
        entityId: String(id),
        after: { ...presentUser(created!), demo: true },
      });
    }
  });
  return todo.map((t) => ({
    username: t.username,
    password: t.password,
    role: t.role,
    unitName: t.unitRow?.name ?? null,
  }));
}
