import { latLngToCell } from 'h3-js';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeWorld, setDistrictBbox, type World } from '../../../test/world.js';
import * as m0017 from '../../platform/db/migrations/0017_case_h3.js';

let w: World;
beforeAll(async () => {
  w = await makeWorld();
  await setDistrictBbox(w);
});
afterAll(async () => {
  await w.close();
});

const points = [
  { lon: 116.3301, lat: 39.7889 },
  { lon: 116.3302, lat: 39.789 }, // the same block: the same resolution-9 cell
  { lon: 116.45, lat: 39.65 },
];

async function file(
  extra: Record<string, unknown>,
): Promise<{ id: string; number: string; version: number; reportId: string }> {
  const res = await w.app.inject({
    method: 'POST',
    url: '/api/reports',
    headers: w.users.agent.auth,
    payload: {
      channel: 'hotline',
      text: '小区门口井盖缺失，存在安全隐患',
      categoryCode: '04-06',
      areaCode: '110115104001',
      ...extra,
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  const body = res.json<{ case: { id: string; number: string; version: number }; reportId: string }>();
  return { ...body.case, reportId: body.reportId };
}

const cellOf = async (id: string) =>
  (await w.db.selectFrom('cases').select('h3_cell').where('id', '=', id).executeTakeFirstOrThrow()).h3_cell;

interface Geo {
  total: number;
  located: number;
  hexes: Array<{ h3: string; count: number }>;
}
async function geo(query: string): Promise<Geo> {
  const res = await w.app.inject({ url: `/api/metrics/geo?${query}`, headers: w.users.leader.auth });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<Geo>();
}

describe('the stored H3 cell of a case', () => {
  const ids: string[] = [];
  beforeAll(async () => {
    for (const p of points) ids.push((await file(p)).id);
    ids.push((await file({ address: '西红门镇' })).id);
  });

  it('is written at intake where the point is, as h3-js computes it at resolution 9, null without a point', async () => {
    for (const [i, p] of points.entries()) expect(await cellOf(ids[i]!)).toBe(latLngToCell(p.lat, p.lon, 9));
    expect(await cellOf(ids[0]!)).toBe(await cellOf(ids[1]!));
    expect(await cellOf(ids[3]!)).toBeNull();
  });

  it('is grouped in SQL and rolled up to the parents of the resolution asked for', async () => {
    const fine = await geo('resolution=9');
    expect(fine).toMatchObject({ total: 4, located: 3 });
    expect(fine.hexes.map((h) => [h.h3, h.count])).toEqual([
      [latLngToCell(points[0]!.lat, points[0]!.lon, 9), 2],
      [latLngToCell(points[2]!.lat, points[2]!.lon, 9), 1],
    ]);
    const coarse = await geo('resolution=5');
    expect(coarse.hexes.map((h) => [h.h3, h.count]).sort()).toEqual(
      [
        [latLngToCell(points[0]!.lat, points[0]!.lon, 5), 2],
        [latLngToCell(points[2]!.lat, points[2]!.lon, 5), 1],
      ].sort(),
    );
  });

  it('keeps the time window and the category filter', async () => {
    const past = await geo('from=2020-01-01&to=2020-02-01');
    expect(past).toMatchObject({ total: 0, located: 0, hexes: [] });
    const category = await w.db
      .selectFrom('categories')
      .select(['id', 'parent_id'])
      .where('code', '=', '04-06')
      .executeTakeFirstOrThrow();
    expect((await geo(`categoryId=${category.id}`)).located).toBe(3);
    expect((await geo(`categoryId=${category.parent_id}`)).located).toBe(3); // a parent covers its leaves
    const other = await w.db
      .selectFrom('categories')
      .select('id')
      .where('code', '!=', '04-06')
      .where('is_leaf', '=', true)
      .executeTakeFirstOrThrow();
    expect(await geo(`categoryId=${other.id}`)).toMatchObject({ total: 0, hexes: [] });
    const unknown = await w.app.inject({
      url: '/api/metrics/geo?categoryId=999999',
      headers: w.users.leader.auth,
    });
    expect(unknown.json<{ error: { code: string } }>().error.code).toBe('unknown_category');
  });

  it('is written for the new case of a 拆分 from the report’s own point', async () => {
    const elsewhere = { lon: 116.2912, lat: 39.7722 };
    const joined = await file({ ...elsewhere, mergeIntoCase: (await file(points[0]!)).number });
    const target = await w.app.inject({ url: `/api/cases/${joined.id}`, headers: w.users.dispatcher.auth });
    const version = target.json<{ case: { version: number } }>().case.version;
    const res = await w.app.inject({
      method: 'POST',
      url: `/api/cases/${joined.id}/split`,
      headers: w.users.dispatcher.auth,
      payload: { version, reportId: joined.reportId },
    });
    expect(res.statusCode, res.body).toBe(200);
    const created = res.json<{ newCase: { id: string } }>().newCase;
    expect(await cellOf(created.id)).toBe(latLngToCell(elsewhere.lat, elsewhere.lon, 9));
    expect(await cellOf(joined.id)).toBe(latLngToCell(points[0]!.lat, points[0]!.lon, 9));
  });

  it('is backfilled by migration 0017 for cases stored before it', async () => {
    const before = await Promise.all(ids.map(cellOf));
    await m0017.down(w.db as never);
    await m0017.up(w.db as never);
    expect(await Promise.all(ids.map(cellOf))).toEqual(before);
    const { rows } = await sql<{
      n: number;
    }>`select count(*) as n from pg_indexes where indexname = 'cases_geo' and schemaname = current_schema()`.execute(
      w.db,
    );
    expect(Number(rows[0]!.n)).toBe(1);
  });
});
