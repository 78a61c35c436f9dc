import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeWorld, receivedEvent, setDistrictBbox, type World } from '../../../test/world.js';
import { runCli } from '../../cli.js';
import { parseFeatures } from './geo.polygons.js';
import { importPolygons } from './geo.import.js';

let w: World;

/** The fields of the answers this file reads. */
interface Body {
  error: { code: string };
  case: { id: string };
  status: string;
  confidence: number;
  matches: Array<{ text: string; kind: string }>;
  items: Array<{ alias: string }>;
  id: number;
  [key: string]: unknown;
}

beforeAll(async () => {
  w = await makeWorld({ SCRYPT_COST_LOG2: '10' });
  await setDistrictBbox(w);
});
afterAll(async () => w.close());

async function resolve(query: string, auth = w.users.agent.auth) {
  const res = await w.app.inject({ url: `/api/geo/resolve?${query}`, headers: auth });
  return { status: res.statusCode, body: res.json<Body>() };
}

async function report(payload: Record<string, unknown>) {
  const res = await w.app.inject({
    method: 'POST',
    url: '/api/reports',
    payload: { channel: 'hotline', text: '路边有人占道经营，影响通行', categoryCode: '04-06', ...payload },
    headers: { 'content-type': 'application/json', ...w.users.agent.auth },
  });
  return { status: res.statusCode, body: res.json<Body>() };
}

async function count(table: 'cases' | 'reports') {
  const r = await w.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

const square = (x0: number, y0: number, x1: number, y1: number) => [
  [
    [x0, y0],
    [x1, y0],
    [x1, y1],
    [x0, y1],
    [x0, y0],
  ],
];

describe('GET /api/geo/resolve', () => {
  it('resolves an address from the org tree, with spans and confidence', async () => {
    const { status, body } = await resolve(`address=${encodeURIComponent('大兴区黄村镇兴华大街12号')}`);
    expect(status).toBe(200);
    expect(body).toMatchObject({
      status: 'resolved',
      street: { id: w.units.s2.id, code: '110115105', name: '黄村地区' },
      community: null,
      point: null,
    });
    expect(body.confidence).toBeGreaterThanOrEqual(0.6);
    expect(body.matches).toContainEqual(expect.objectContaining({ text: '黄村镇', kind: 'street' }));
  });

  it('says when an address lies in another district', async () => {
    const { body } = await resolve(`address=${encodeURIComponent('北京市朝阳区望京街道')}`);
    expect(body).toMatchObject({ status: 'other_district', street: null, elsewhere: { region: '朝阳区' } });
  });

  it('is for staff only', async () => {
    expect((await resolve('address=x', w.users.citizen.auth)).body.error.code).toBe('forbidden');
    const anon = await w.app.inject({ url: '/api/geo/resolve?address=x' });
    expect(anon.statusCode).toBe(401);
    expect((await resolve('address=x', w.users.grid.auth)).status).toBe(200);
  });

  it.each([
    ['nothing to resolve', ''],
    ['an empty address', 'address=%20'],
    ['lon without lat', 'lon=116.3'],
    ['a latitude of 100', 'lon=116.3&lat=100'],
    ['an unknown parameter', 'address=x&city=y'],
    ['a huge address', `address=${'路'.repeat(501)}`],
  ])('refuses %s with validation_failed', async (_what, query) => {
    const { status, body } = await resolve(query);
    expect(status).toBe(400);
    expect(body.error.code).toBe('validation_failed');
  });
});

describe('intake reads the area from the address', () => {
  it('takes the street, records the automatic resolution and dispatches through the catalogue', async () => {
    const { status, body } = await report({ address: '黄村镇兴华大街12号', autoDispatch: true });
    expect(status).toBe(201);
    const row = await w.db
      .selectFrom('cases')
      .select(['area_unit_id', 'lead_unit_id', 'status'])
      .where('id', '=', body.case.id)
      .executeTakeFirstOrThrow();
    // 04-06 is dispatched to the street of the area (直派街乡).
    expect(row).toMatchObject({
      area_unit_id: w.units.s2.id,
      lead_unit_id: w.units.s2.id,
      status: 'dispatched',
    });
    const { data } = await receivedEvent(w, { id: body.case.id });
    expect(data.addressResolution).toMatchObject({
      automatic: true,
      status: 'resolved',
      used: true,
      unitCode: '110115105',
      street: '黄村地区',
      matched: ['黄村镇'],
    });
  });

  it('leaves the area empty below the threshold or outside the district, and says why', async () => {
    for (const address of ['北京市朝阳区望京街道', '小区东门']) {
      const { status, body } = await report({ address });
      expect(status).toBe(201);
      const row = await w.db
        .selectFrom('cases')
        .select(['area_unit_id'])
        .where('id', '=', body.case.id)
        .executeTakeFirstOrThrow();
      expect(row.area_unit_id).toBeNull();
      const { data } = await receivedEvent(w, { id: body.case.id });
      expect(data.addressResolution).toMatchObject({ automatic: true, used: false, unitCode: null });
    }
  });

  it('keeps a given area and does not resolve', async () => {
    const { body } = await report({ address: '黄村镇兴华大街', areaCode: '110115104001' });
    const row = await w.db
      .selectFrom('cases')
      .select(['area_unit_id'])
      .where('id', '=', body.case.id)
      .executeTakeFirstOrThrow();
    expect(row.area_unit_id).toBe(w.units.c1.id);
    expect((await receivedEvent(w, { id: body.case.id })).data.addressResolution).toBeUndefined();
  });
});

describe('the index follows the org tree on demand', () => {
  it('finds a new community after a refresh (admin only)', async () => {
    const created = await w.app.inject({
      method: 'POST',
      url: '/api/org/units',
      payload: {
        code: '110115104099',
        name: '瑞海家园社区居委会',
        kind: 'community',
        parentId: w.units.s1.id,
      },
      headers: { 'content-type': 'application/json', ...w.users.admin.auth },
    });
    expect(created.statusCode).toBe(201);
    const q = `address=${encodeURIComponent('瑞海家园北门')}`;
    expect((await resolve(q)).body.status).toBe('unresolved');
    const refused = await w.app.inject({
      method: 'POST',
      url: '/api/geo/index/refresh',
      headers: w.users.agent.auth,
    });
    expect(refused.statusCode).toBe(403);
    const refreshed = await w.app.inject({
      method: 'POST',
      url: '/api/geo/index/refresh',
      headers: w.users.admin.auth,
    });
    expect(refreshed.statusCode).toBe(200);
    expect(refreshed.json<Body>()).toMatchObject({
      district: { code: '110115' },
      polygons: 0,
      districtPolygon: false,
    });
    expect((await resolve(q)).body).toMatchObject({
      status: 'resolved',
      street: { code: '110115104' },
      community: { code: '110115104099' },
    });
  });
});

describe('place aliases', () => {
  async function add(payload: unknown, auth = w.users.admin.auth) {
    const res = await w.app.inject({
      method: 'POST',
      url: '/api/geo/aliases',
      payload: payload as object,
      headers: { 'content-type': 'application/json', ...auth },
    });
    return { status: res.statusCode, body: res.json<Body>() };
  }
  const q = `address=${encodeURIComponent('鸿坤广场东门')}`;

  it('an admin names a landmark; the resolver knows it at once; removing it forgets it', async () => {
    expect((await resolve(q)).body.status).toBe('unresolved');
    const created = await add({ alias: '鸿坤广场', unitCode: '110115104', note: '购物中心' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ alias: '鸿坤广场', unitCode: '110115104', unitName: '西红门地区' });
    const r = await resolve(q);
    expect(r.body).toMatchObject({ status: 'resolved', street: { code: '110115104' } });
    expect(r.body.matches).toContainEqual(expect.objectContaining({ text: '鸿坤广场', kind: 'street' }));
    const list = await w.app.inject({ url: '/api/geo/aliases', headers: w.users.agent.auth });
    expect(list.json<Body>().items.map((a) => a.alias)).toEqual(['鸿坤广场']);

    const del = () =>
      w.app.inject({
        method: 'DELETE',
        url: `/api/geo/aliases/${created.body.id}`,
        headers: w.users.admin.auth,
      });
    expect((await del()).statusCode).toBe(204);
    expect((await resolve(q)).body.status).toBe('unresolved');
    expect((await del()).json<Body>().error.code).toBe('not_found');
    const audit = await w.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', 'like', 'geo.alias%')
      .execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['geo.alias_create', 'geo.alias_delete']);
  });

  it.each([
    ['a non-admin', { alias: '荟聚', unitCode: '110115104' }, 403, 'forbidden', 'agent'],
    ['an unknown unit', { alias: '荟聚', unitCode: '999' }, 422, 'unknown_unit', 'admin'],
    ['a department', { alias: '荟聚', unitCode: '110115-D02' }, 422, 'unknown_unit', 'admin'],
    ['one character', { alias: '荟', unitCode: '110115104' }, 400, 'validation_failed', 'admin'],
    ['only punctuation', { alias: '——', unitCode: '110115104' }, 400, 'validation_failed', 'admin'],
    ['an unknown field', { alias: '荟聚', unitCode: '110115104', x: 1 }, 400, 'validation_failed', 'admin'],
  ] as const)('refuses %s, writing nothing', async (_what, payload, status, code, who) => {
    const res = await add(payload, w.users[who].auth);
    expect(res.status).toBe(status);
    expect(res.body.error.code).toBe(code);
    expect(await w.db.selectFrom('place_aliases').selectAll().execute()).toEqual([]);
  });

  it('refuses the same alias twice', async () => {
    expect((await add({ alias: '荟聚中心', unitCode: '110115104' })).status).toBe(201);
    const again = await add({ alias: '荟聚中心', unitCode: '110115105' });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('duplicate');
  });
});

describe('polygons', () => {
  it('maps coordinates to the street whose polygon holds them', async () => {
    // A box for 西红门 (by code) and one for 黄村 (by name), side by side.
    const features = parseFeatures(
      {
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            properties: { code: '110115104' },
            geometry: { type: 'Polygon', coordinates: square(116.3, 39.78, 116.36, 39.82) },
          },
          {
            type: 'Feature',
            properties: { name: '黄村地区' },
            geometry: { type: 'Polygon', coordinates: square(116.3, 39.7, 116.36, 39.78) },
          },
          {
            type: 'Feature',
            properties: { name: '不存在的街道' },
            geometry: { type: 'Polygon', coordinates: square(0, 0, 1, 1) },
          },
        ],
      },
      'wgs84',
    );
    const r = await importPolygons(w.ctx, features, 'test');
    expect(r.imported.map((i) => i.code)).toEqual(['110115104', '110115105']);
    expect(r.unmatched).toEqual(['不存在的街道']);

    const { body } = await resolve('lon=116.33&lat=39.8');
    expect(body).toMatchObject({
      status: 'resolved',
      street: { code: '110115104' },
      point: { insideDistrict: null, units: [{ code: '110115104', kind: 'street' }] },
    });
    expect(body.confidence).toBeGreaterThanOrEqual(0.6);
    // The point agrees with the text: more certain than either alone.
    const both = await resolve(`address=${encodeURIComponent('西红门')}&lon=116.33&lat=39.8`);
    expect(both.body.confidence).toBeGreaterThan(body.confidence);
    expect((await resolve('lon=116.5&lat=39.6')).body.status).toBe('unresolved');
  });

  it('refuses intake outside the district polygon, inside the box, writing nothing', async () => {
    const [district] = parseFeatures(
      {
        type: 'Feature',
        properties: { adcode: 110115 },
        geometry: { type: 'Polygon', coordinates: square(116.25, 39.6, 116.4, 39.85) },
      },
      'wgs84',
    );
    await importPolygons(w.ctx, [district!], 'test');
    const before = [await count('cases'), await count('reports')];
    const outside = await report({ lon: 116.6, lat: 39.5, address: '西红门' });
    expect(outside.status).toBe(422);
    expect(outside.body.error.code).toBe('location_outside_district');
    expect([await count('cases'), await count('reports')]).toEqual(before);

    const inside = await report({ lon: 116.33, lat: 39.8 });
    expect(inside.status).toBe(201);
    const row = await w.db
      .selectFrom('cases')
      .select(['area_unit_id'])
      .where('id', '=', inside.body.case.id)
      .executeTakeFirstOrThrow();
    expect(row.area_unit_id).toBe(w.units.s1.id); // from the point alone
    const { body } = await resolve('lon=116.6&lat=39.5');
    expect(body).toMatchObject({ status: 'other_district', point: { insideDistrict: false } });
  });
});

describe('import-polygons command', () => {
  const io = () => {
    const out: string[] = [];
    const err: string[] = [];
    return {
      out,
      err,
      io: {
        env: { DATA_DIR: ':memory:', LOG_LEVEL: 'silent' },
        out: (l: string) => out.push(l),
        err: (l: string) => err.push(l),
      },
    };
  };

  it('refuses bad arguments and bad files with a clear message', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'geo-'));
    const notJson = join(dir, 'bad.geojson');
    writeFileSync(notJson, '{ not json');
    const point = join(dir, 'point.geojson');
    writeFileSync(
      point,
      JSON.stringify({ type: 'Feature', geometry: { type: 'Point', coordinates: [1, 2] } }),
    );

    let t = io();
    expect(await runCli(['import-polygons'], t.io)).toBe(2);
    expect(t.err.join()).toMatch(/usage/);
    t = io();
    expect(await runCli(['import-polygons', point, '--crs', 'bd09'], t.io)).toBe(2);
    t = io();
    expect(await runCli(['import-polygons', notJson], t.io)).toBe(1);
    expect(t.err.join()).toMatch(/bad\.geojson/);
    t = io();
    expect(await runCli(['import-polygons', point], t.io)).toBe(1);
    expect(t.err.join()).toMatch(/Polygon or MultiPolygon/);
  });
});

describe('a deployment whose district has not been imported', () => {
  it('opens cases without an area and answers resolve with unit_not_found', async () => {
    const other = await makeWorld({ SCRYPT_COST_LOG2: '10', DISTRICT_CODE: '110108' });
    try {
      const res = await other.app.inject({
        method: 'POST',
        url: '/api/reports',
        payload: { channel: 'hotline', text: '路灯不亮', address: '黄村镇兴华大街' },
        headers: { 'content-type': 'application/json', ...other.users.agent.auth },
      });
      expect(res.statusCode).toBe(201);
      const id = res.json<Body>().case.id;
      const row = await other.db
        .selectFrom('cases')
        .select(['area_unit_id'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      expect(row.area_unit_id).toBeNull();
      expect((await receivedEvent(other, { id })).data.addressResolution).toBeUndefined();
      const resolved = await other.app.inject({
        url: `/api/geo/resolve?address=${encodeURIComponent('黄村镇')}`,
        headers: other.users.agent.auth,
      });
      expect(resolved.statusCode).toBe(404);
      expect(resolved.json<Body>().error.code).toBe('unit_not_found');
    } finally {
      await other.close();
    }
  });
});
