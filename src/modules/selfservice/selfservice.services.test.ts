import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCategory } from '../../../test/factories.js';
import { makeWorld, setDistrictBbox, type World } from '../../../test/world.js';
import { form, publicClient } from './selfservice.testkit.js';

let w: World;
beforeAll(async () => {
  w = await makeWorld();
});
afterAll(async () => {
  await w?.close();
});

const get = async (url: string) => {
  const res = await w.app.inject({ method: 'GET', url, remoteAddress: '10.9.0.1' });
  return { status: res.statusCode, body: res.json<Record<string, unknown>>() };
};

describe('GET /api/public/services', () => {
  it('lists the active leaf categories with their top-level group, without login', async () => {
    const order = await w.db
      .selectFrom('categories')
      .select('id')
      .where('code', '=', '04')
      .executeTakeFirstOrThrow();
    const mid = await makeCategory(w.db, {
      code: '04-07',
      name: '街面秩序其他',
      parentId: order.id,
      leaf: false,
    });
    await makeCategory(w.db, { code: '04-07-01', name: '乱堆物料', parentId: mid.id });
    await w.db
      .updateTable('categories')
      .set({ name_en: 'Street vending' })
      .where('code', '=', '04-06')
      .execute();
    const retired = await makeCategory(w.db, { code: '04-08', name: '已停用事项', parentId: order.id });
    await w.db.updateTable('categories').set({ active: false }).where('id', '=', retired.id).execute();

    const res = await get('/api/public/services');
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([
      {
        code: '02-01',
        name: '施工噪声',
        nameEn: null,
        group: { code: '02', name: '环境保护', nameEn: null },
      },
      {
        code: '04-06',
        name: '占道经营',
        nameEn: 'Street vending',
        group: { code: '04', name: '街面秩序', nameEn: null },
      },
      // a third-level leaf belongs to its top-level group; branches and inactive leaves are not offered
      {
        code: '04-07-01',
        name: '乱堆物料',
        nameEn: null,
        group: { code: '04', name: '街面秩序', nameEn: null },
      },
    ]);
  });

  it('offers only codes the public report route accepts', async () => {
    const { body } = await get('/api/public/services');
    const items = body.items as Array<{ code: string }>;
    await setDistrictBbox(w);
    for (const [i, item] of items.entries()) {
      const res = await publicClient(w, `10.9.1.${i + 1}`).submit(form({ categoryCode: item.code }));
      expect(res.status, JSON.stringify(res.body)).toBe(201);
    }
    await w.db.deleteFrom('settings').where('key', '=', 'district.bbox').execute();
  });
});

describe('GET /api/public/district', () => {
  it('names the district and gives no box while none is configured', async () => {
    const res = await get('/api/public/district');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ code: '110115', name: '北京市大兴区', bbox: null });
  });

  it('gives the box a map point must lie in once it is set', async () => {
    await setDistrictBbox(w);
    const res = await get('/api/public/district');
    expect(res.body.bbox).toEqual({ minLon: 116.19, maxLon: 116.76, minLat: 39.42, maxLat: 39.86 });
    const bbox = res.body.bbox as { maxLon: number; minLat: number };
    const outside = await publicClient(w, '10.9.2.1').submit(
      form({ lon: bbox.maxLon + 0.01, lat: bbox.minLat }),
    );
    expect(outside.status).toBe(422);
    expect(outside.body.error?.code).toBe('location_outside_district');
  });
});
