import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/app.js';
import type { AppContext } from '../src/platform/context.js';
import { freshDatabase } from './db.js';
import { makeCategory, makeRule, makeUnit, makeUser } from './factories.js';

/**
 * A small district for lifecycle tests: two streets with a community and a grid each, three
 * departments, a street-dispatched category and a department category with co-handling, and one
 * user per role. Returns the app and everything a test needs to drive it.
 */
export async function makeWorld(overrides: Record<string, string> = {}) {
  const { handle, config } = await freshDatabase(overrides);
  const db = handle.db;
  const city = await makeUnit(db, { code: '110000', name: '北京市', kind: 'city' });
  const district = await makeUnit(db, {
    code: '110115',
    name: '北京市大兴区',
    kind: 'district',
    parentId: city.id,
  });
  const s1 = await makeUnit(db, {
    code: '110115104',
    name: '西红门地区',
    kind: 'street',
    parentId: district.id,
  });
  const s2 = await makeUnit(db, {
    code: '110115105',
    name: '黄村地区',
    kind: 'street',
    parentId: district.id,
  });
  const c1 = await makeUnit(db, {
    code: '110115104001',
    name: '西红门社区',
    kind: 'community',
    parentId: s1.id,
  });
  const c2 = await makeUnit(db, {
    code: '110115105001',
    name: '黄村社区',
    kind: 'community',
    parentId: s2.id,
  });
  const g1 = await makeUnit(db, {
    code: '110115104001G01',
    name: '西红门第1网格',
    kind: 'grid',
    parentId: c1.id,
  });
  const cgw = await makeUnit(db, {
    code: '110115-D02',
    name: '区城市管理委员会',
    kind: 'department',
    parentId: district.id,
  });
  const hbj = await makeUnit(db, {
    code: '110115-D03',
    name: '区生态环境局',
    kind: 'department',
    parentId: district.id,
  });
  const centre = await makeUnit(db, {
    code: '110115-D20',
    name: '区12345热线中心',
    kind: 'department',
    parentId: district.id,
  });

  const order = await makeCategory(db, { code: '04', name: '街面秩序', leaf: false });
  const stall = await makeCategory(db, {
    code: '04-06',
    name: '占道经营',
    parentId: order.id,
    response: [2, 'hours'],
    resolve: [3, 'workdays'],
  });
  const env = await makeCategory(db, { code: '02', name: '环境保护', leaf: false });
  const noise = await makeCategory(db, {
    code: '02-01',
    name: '施工噪声',
    parentId: env.id,
    response: [4, 'hours'],
    resolve: [5, 'workdays'],
  });
  await makeRule(db, { categoryId: stall.id, mode: 'street' });
  await makeRule(db, { categoryId: noise.id, leadUnitId: cgw.id, coUnitIds: [hbj.id] });

  const users = {
    agent: await makeUser(db, { username: 'agent', role: 'agent', unitId: centre.id }),
    dispatcher: await makeUser(db, { username: 'dispatcher', role: 'dispatcher', unitId: centre.id }),
    supervisor: await makeUser(db, { username: 'supervisor', role: 'supervisor', unitId: centre.id }),
    leader: await makeUser(db, { username: 'leader', role: 'leader', unitId: district.id }),
    admin: await makeUser(db, { username: 'admin', role: 'admin', unitId: district.id }),
    handlerS1: await makeUser(db, { username: 'h_s1', role: 'handler', unitId: s1.id }),
    handlerS2: await makeUser(db, { username: 'h_s2', role: 'handler', unitId: s2.id }),
    handlerCgw: await makeUser(db, { username: 'h_cgw', role: 'handler', unitId: cgw.id }),
    handlerHbj: await makeUser(db, { username: 'h_hbj', role: 'handler', unitId: hbj.id }),
    grid: await makeUser(db, { username: 'grid', role: 'grid_worker', unitId: g1.id }),
    citizen: await makeUser(db, { username: 'citizen', role: 'citizen', unitId: null }),
  };
  const ctx: AppContext = { db, config, dbKind: handle.kind };
  const app: FastifyInstance = await buildApp(ctx);
  return {
    app,
    ctx,
    db,
    units: { city, district, s1, s2, c1, c2, g1, cgw, hbj, centre },
    categories: { stall, noise },
    users,
    async close() {
      await app.close();
      await handle.close();
    },
  };
}

export type World = Awaited<ReturnType<typeof makeWorld>>;

/** The bearer header every staff helper passes to `app.inject`. */
export type Auth = { authorization: string };

/** The fields of a staff API case that lifecycle helpers carry from one step to the next. */
export interface CaseOut {
  id: string;
  number: string;
  version: number;
  status: string;
}

/**
 * Stores the district's bounding box (around Daxing) so that intake accepts coordinates inside it
 * and refuses ones outside; tests that send lon/lat need it, and makeWorld does not set it.
 */
export async function setDistrictBbox(w: Pick<World, 'db'>): Promise<void> {
  await w.db
    .insertInto('settings')
    .values({
      key: 'district.bbox',
      value: JSON.stringify({ minLon: 116.19, maxLon: 116.76, minLat: 39.42, maxLat: 39.86 }),
    })
    .execute();
}

/**
 * The `received` timeline entry of a case (by id or by number): its data, parsed whether the
 * driver hands back JSON text (PGlite) or an object (PostgreSQL), and who wrote it.
 */
export async function receivedEvent(w: Pick<World, 'db'>, which: { id: string } | { number: string }) {
  const query = w.db
    .selectFrom('case_events as e')
    .innerJoin('cases as c', 'c.id', 'e.case_id')
    .select(['e.data', 'e.actor_user_id'])
    .where('e.action', '=', 'received');
  const ev = await (
    'id' in which ? query.where('c.id', '=', which.id) : query.where('c.number', '=', which.number)
  ).executeTakeFirstOrThrow();
  const data = (typeof ev.data === 'string' ? JSON.parse(ev.data) : ev.data) as Record<string, unknown>;
  return { data, actorUserId: ev.actor_user_id };
}

/**
 * Files a report as a client does (POST /api/reports, by the agent unless `auth` says otherwise) and
 * returns its case as the API shows it, typed as the test reads it. The report is a street case: a
 * hotline call from 张三 about a stall in 西红门社区 (04-06, dispatched to 西红门地区); `fields`
 * override or add to it (`autoDispatch`, `text`, …). Throws with the body unless the report is filed.
 */
export async function fileReport<C extends { id: string } = CaseOut>(
  w: Pick<World, 'app' | 'users'>,
  fields: Record<string, unknown> = {},
  auth: Auth = w.users.agent.auth,
): Promise<C> {
  const res = await w.app.inject({
    method: 'POST',
    url: '/api/reports',
    headers: auth,
    payload: {
      channel: 'hotline',
      text: '西红门鸿坤广场东门有人占道摆摊，影响通行',
      categoryCode: '04-06',
      areaCode: '110115104001',
      reporter: { name: '张三', phone: '13812345678' },
      ...fields,
    },
  });
  if (res.statusCode !== 201) throw new Error(`report not filed: ${res.statusCode} ${res.body}`);
  return res.json<{ case: C }>().case;
}
