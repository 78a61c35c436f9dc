import type { FastifyInstance } from 'fastify';
import { latLngToCell } from 'h3-js';
import type { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../../test/db.js';
import { buildApp } from '../../app.js';
import type { DatabaseHandle } from '../../platform/db/index.js';
import { makeCase, makeCategories, makeOrg, makeUser, type Org } from './metrics.factories.js';
import type { geoOut, topicsOut } from './metrics.schema.js';

type Geo = z.infer<typeof geoOut>;
type Topics = z.infer<typeof topicsOut>;

let handle: DatabaseHandle;
let app: FastifyInstance;
let org: Org;
const tokens: Record<string, string> = {};
const day = 86_400_000;

const get = (url: string, who: string) =>
  app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${tokens[who]}` } });

beforeAll(async () => {
  const fresh = await freshDatabase({ SCRYPT_COST_LOG2: '10' });
  handle = fresh.handle;
  const db = handle.db;
  org = await makeOrg(db);
  const k = await makeCategories(db);
  const now = Date.now();
  const at = (daysAgo: number) => new Date(now - daysAgo * day);
  // 占道经营: 1 case a week before (4 in the 28-day baseline), 6 in the last week → rising by 5.
  for (const d of [10, 15, 20, 30])
    await makeCase(db, { lead: org.a1, dispatchedAt: at(d), category_id: k.street });
  for (let i = 0; i < 6; i++) {
    await makeCase(db, { lead: org.a1, dispatchedAt: at(1 + i / 10), category_id: k.street });
  }
  // 噪音扰民: 8 in the baseline (2 a week), 2 in the last week → not rising, still a top category.
  for (let i = 0; i < 8; i++)
    await makeCase(db, { lead: org.b1, dispatchedAt: at(9 + i * 2), category_id: k.noise });
  for (const d of [2, 3]) await makeCase(db, { lead: org.b1, dispatchedAt: at(d), category_id: k.noise });
  // 停车: merged away — counts nowhere.
  await makeCase(db, { lead: org.b1, dispatchedAt: at(1), category_id: k.parking, status: 'merged' });

  // On the map: three cases at one spot of street A (one overdue, one closed), one in street B.
  const spotA = { lon: 116.3401, lat: 39.7302 };
  await makeCase(db, { lead: org.a1, dispatchedAt: at(2), ...spotA });
  await makeCase(db, { lead: org.a1, dispatchedAt: at(2), ...spotA, resolve_overdue: true });
  await makeCase(db, { lead: org.a2, dispatchedAt: at(2), lon: 116.34012, lat: 39.73018, status: 'closed' });
  await makeCase(db, { lead: org.b1, dispatchedAt: at(2), lon: 116.52, lat: 39.61 });
  await db
    .insertInto('unit_polygons')
    .values({
      unit_id: org.streetA.id,
      coordinates: JSON.stringify([
        [
          [
            [116.3, 39.7],
            [116.4, 39.7],
            [116.4, 39.8],
            [116.3, 39.7],
          ],
        ],
      ]),
      min_lon: 116.3,
      min_lat: 39.7,
      max_lon: 116.4,
      max_lat: 39.8,
      vertices: 4,
      source: 'test',
    })
    .execute();
  tokens.leader = (await makeUser(db, 'leader', org.district)).token;
  tokens.handlerB = (await makeUser(db, 'handler', org.streetB)).token;
  tokens.citizen = (await makeUser(db, 'citizen', null)).token;
  app = await buildApp({ db, config: fresh.config, dbKind: handle.kind });
});

afterAll(async () => {
  await app.close();
  await handle.close();
});

const lastMonth = () => {
  const to = new Date(Date.now() + 60_000);
  return `from=${new Date(to.getTime() - 40 * day).toISOString()}&to=${to.toISOString()}`;
};

describe('GET /api/metrics/geo', () => {
  it('bins located cases into H3 cells with their boundaries; the outlines are left to /api/geo/areas', async () => {
    const res = await get(`/api/metrics/geo?${lastMonth()}&resolution=8`, 'leader');
    expect(res.statusCode, res.body).toBe(200);
    const geo = res.json<Geo>();
    expect(geo.resolution).toBe(8);
    expect(geo.located).toBe(4);
    expect(geo.total).toBe(24); // 20 unlocated category cases and the 4 on the map; the merged one not
    expect(geo.hexes).toHaveLength(2);
    const [a, b] = geo.hexes;
    expect(a).toMatchObject({ h3: latLngToCell(39.7302, 116.3401, 8), count: 3, open: 2, overdue: 1 });
    expect(b).toMatchObject({ h3: latLngToCell(39.61, 116.52, 8), count: 1, open: 1, overdue: 0 });
    // a closed hexagon in [lon, lat] order around its cases
    expect(a!.boundary).toHaveLength(7);
    expect(a!.boundary[0]).toEqual(a!.boundary[6]);
    for (const [lon, lat] of a!.boundary) {
      expect(Math.abs(lon - 116.34)).toBeLessThan(0.02);
      expect(Math.abs(lat - 39.73)).toBeLessThan(0.02);
    }
    // The street's boundary is served once, by GET /api/geo/areas (public), not beside the cells.
    expect(geo).not.toHaveProperty('outline');
    expect(Object.keys(geo).sort()).toEqual([
      'bbox',
      'from',
      'hexes',
      'located',
      'resolution',
      'to',
      'total',
    ]);
    const areas = await app.inject({ url: '/api/geo/areas' });
    const features = areas.json<{ features: Array<{ properties: { unitId: number; kind: string } }> }>()
      .features;
    expect(features.map((f) => [f.properties.unitId, f.properties.kind])).toEqual([
      [org.streetA.id, 'street'],
    ]);
  });

  it('keeps to the caller’s scope and refuses roles that read no metrics', async () => {
    const res = await get(`/api/metrics/geo?${lastMonth()}`, 'handlerB');
    expect(res.statusCode, res.body).toBe(200);
    const geo = res.json<Geo>();
    expect(geo.located).toBe(1);
    expect((await get(`/api/metrics/geo`, 'citizen')).statusCode).toBe(403);
    expect((await get(`/api/metrics/geo?resolution=12`, 'leader')).statusCode).toBe(400);
  });
});

describe('GET /api/metrics/topics', () => {
  it('ranks categories of the last week and finds the one rising against the four weeks before', async () => {
    const res = await get('/api/metrics/topics', 'leader');
    expect(res.statusCode, res.body).toBe(200);
    const t = res.json<Topics>();
    expect(t).toMatchObject({ days: 7, baselineDays: 28 });
    expect(t.top.map((r) => [r.name, r.recent])).toEqual([
      ['占道经营', 6],
      ['噪音扰民', 2],
    ]);
    expect(t.rising).toEqual([
      expect.objectContaining({ name: '占道经营', recent: 6, baseline: 4, rise: 5 }),
    ]);
  });

  it('follows the scope and the window given', async () => {
    const street = (await get('/api/metrics/topics', 'handlerB')).json<Topics>();
    expect(street.top.map((r) => r.name)).toEqual(['噪音扰民']);
    const month = (await get('/api/metrics/topics?days=40&baselineDays=1', 'leader')).json<Topics>();
    expect(month.top.map((r) => [r.name, r.recent])).toEqual([
      ['占道经营', 10], // a tie goes by code: 04-06 before 04-07
      ['噪音扰民', 10],
    ]);
  });
});
