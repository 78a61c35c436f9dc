import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeWorld, type World } from '../../../test/world.js';
import { drainJobs } from '../jobs/jobs.service.js';
import type { JobOut } from '../jobs/jobs.schema.js';
import { importPolygons } from './geo.import.js';
import { parseFeatures } from './geo.polygons.js';

let w: World;
beforeAll(async () => {
  w = await makeWorld({
    SCRYPT_COST_LOG2: '10',
    MAP_TILE_URL: 'https://{s}.tiles.example.gov.cn/{z}/{x}/{y}.png',
    MAP_TILE_CRS: 'gcj02',
    MAP_TILE_ATTRIBUTION: '© 示例测绘',
  });
});
afterAll(async () => w.close());

const square = (x0: number, y0: number, x1: number, y1: number) => [
  [
    [x0, y0],
    [x1, y0],
    [x1, y1],
    [x0, y1],
    [x0, y0],
  ],
];

interface Areas {
  type: string;
  bbox: number[] | null;
  features: Array<{ properties: { code: string; name: string; kind: string }; geometry: { type: string } }>;
}

const areas = async (query = '') => {
  const res = await w.app.inject({ url: `/api/geo/areas${query}` });
  return { status: res.statusCode, body: res.json<Areas>(), headers: res.headers };
};

describe('GET /api/geo/areas and POST /api/geo/polygons', () => {
  it('answers an empty collection before any import, without a login', async () => {
    const { status, body } = await areas();
    expect(status).toBe(200);
    expect(body).toEqual({ type: 'FeatureCollection', bbox: null, features: [] });
  });

  it('imports boundaries as an administrator only, then serves district and streets as GeoJSON', async () => {
    const geojson = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { adcode: 110115 },
          geometry: { type: 'Polygon', coordinates: square(116.2, 39.6, 116.5, 39.85) },
        },
        {
          type: 'Feature',
          properties: { name: '西红门地区' },
          geometry: { type: 'Polygon', coordinates: square(116.3, 39.78, 116.36, 39.82) },
        },
        {
          type: 'Feature',
          properties: { code: '110115104001' },
          geometry: { type: 'Polygon', coordinates: square(116.31, 39.79, 116.32, 39.8) },
        },
        {
          type: 'Feature',
          properties: { name: '别处' },
          geometry: { type: 'Polygon', coordinates: square(0, 0, 1, 1) },
        },
      ],
    };
    const upload = (auth: { authorization: string }, payload: object) =>
      w.app.inject({ method: 'POST', url: '/api/geo/polygons', headers: auth, payload });
    expect((await upload(w.users.handlerS1.auth, { geojson })).statusCode).toBe(403);
    const bad = await upload(w.users.admin.auth, {
      geojson: { type: 'Feature', geometry: { type: 'Point' } },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ error: { code: string } }>().error.code).toBe('validation_failed');

    const res = await upload(w.users.admin.auth, { geojson, source: 'test boxes' });
    expect(res.statusCode, res.body).toBe(202);
    const started = res.json<JobOut>();
    expect(started).toMatchObject({
      kind: 'polygon_import',
      status: 'running',
      params: { source: 'test boxes', features: 4 },
    });
    await drainJobs();
    const job = await w.app.inject({ url: `/api/jobs/${started.id}`, headers: w.users.admin.auth });
    expect(job.json()).toMatchObject({
      status: 'succeeded',
      result: {
        imported: [{ code: '110115' }, { code: '110115104' }, { code: '110115104001' }],
        unmatched: ['别处'],
      },
    });

    const { body, headers } = await areas();
    expect(headers['cache-control']).toContain('max-age');
    expect(body.features.map((f) => [f.properties.kind, f.properties.name, f.geometry.type])).toEqual([
      ['district', '北京市大兴区', 'MultiPolygon'],
      ['street', '西红门地区', 'MultiPolygon'],
    ]);
    expect(body.bbox).toEqual([116.2, 39.6, 116.5, 39.85]);
    const communities = (await areas('?kinds=community')).body.features;
    expect(communities.map((f) => f.properties.code)).toEqual(['110115104001']);
    expect((await areas('?kinds=grid')).status).toBe(400);
  });
});

describe('GET /api/config', () => {
  it('tells browsers the district and the basemap, without a login', async () => {
    const res = await w.app.inject({ url: '/api/config' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      districtCode: '110115',
      map: {
        tileUrl: 'https://{s}.tiles.example.gov.cn/{z}/{x}/{y}.png',
        attribution: '© 示例测绘',
        crs: 'gcj02',
        maxZoom: 18,
        subdomains: 'abc',
      },
    });
  });
});

describe('importPolygons in batches', () => {
  it('stores each batch in its own transaction with its audit entry, telling progress after each', async () => {
    const features = parseFeatures(
      {
        type: 'FeatureCollection',
        features: ['西红门地区', '黄村地区', '别处'].map((name, i) => ({
          type: 'Feature',
          properties: { name },
          geometry: { type: 'Polygon', coordinates: square(116.3 + i / 10, 39.7, 116.35 + i / 10, 39.75) },
        })),
      },
      'wgs84',
    );
    const seen: Array<[number, number]> = [];
    const audits = () =>
      w.db.selectFrom('audit_log').select('action').where('action', '=', 'geo.import_polygons').execute();
    const before = (await audits()).length;
    const result = await importPolygons(
      w.ctx,
      features,
      'batches',
      null,
      (done, total) => {
        seen.push([done, total]);
        return Promise.resolve();
      },
      2,
    );
    expect(seen).toEqual([
      [2, 3],
      [3, 3],
    ]);
    expect(result.imported.map((i) => i.name)).toEqual(['西红门地区', '黄村地区']);
    expect(result.unmatched).toEqual(['别处']);
    expect((await audits()).length - before).toBe(2);
  });
});
