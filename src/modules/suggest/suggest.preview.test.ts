import { afterAll, beforeAll, expect, it } from 'vitest';
import { makeWorld, type World } from '../../../test/world.js';
import { activateSyntheticModel } from './suggest.fixtures.js';

let w: World;
beforeAll(async () => {
  w = await makeWorld();
  await activateSyntheticModel(w);
});
afterAll(async () => {
  await w.close();
});

const noise = '我们小区附近工地扬尘和噪音严重影响居民，油烟垃圾也多，希望政府尽快处理';

interface Preview {
  suggestion: {
    label: string;
    confidence: number;
    categoryCode: string | null;
    categoryName: string | null;
    unitName: string | null;
    alternatives: Array<{ label: string; categoryCode: string | null; unitName: string | null }>;
  } | null;
  similar: Array<{ number: string; score: number; description: string }>;
}

async function preview(auth: { authorization: string }, payload: object) {
  const res = await w.app.inject({ method: 'POST', url: '/api/intake/preview', payload, headers: auth });
  return { status: res.statusCode, body: res.json<Preview>() };
}

const count = async (table: 'cases' | 'case_lsh' | 'reports') =>
  Number(
    (
      await w.db
        .selectFrom(table)
        .select((e) => e.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

it('classifies unsaved text with every reading mapped to its category and unit, and finds the open case it repeats', async () => {
  const filed = await w.app.inject({
    method: 'POST',
    url: '/api/reports',
    headers: w.users.agent.auth,
    payload: { channel: 'hotline', text: noise, areaCode: '110115104001' },
  });
  expect(filed.statusCode, filed.body).toBe(201);
  const number = filed.json<{ case: { number: string } }>().case.number;
  const before = await Promise.all([count('cases'), count('case_lsh'), count('reports')]);

  const res = await preview(w.users.agent.auth, { text: noise, areaCode: '110115104001' });
  expect(res.status).toBe(200);
  expect(res.body.suggestion).toMatchObject({
    label: '环境',
    categoryCode: '02-01',
    categoryName: '施工噪声',
  });
  expect(res.body.suggestion!.unitName).toBe('区城市管理委员会');
  // the first reading is the label itself; the others carry their own category and unit
  expect(res.body.suggestion!.alternatives[0]).toMatchObject({ label: '环境', categoryCode: '02-01' });
  const traffic = res.body.suggestion!.alternatives.find((a) => a.label === '交通');
  expect(traffic).toMatchObject({ categoryCode: '02-01', unitName: '区生态环境局' });
  expect(res.body.similar.map((s) => s.number)).toContain(number);
  expect(res.body.similar[0]!.description).toBe(noise);

  // nothing was saved: no case, no report, and the text was not indexed
  expect(await Promise.all([count('cases'), count('case_lsh'), count('reports')])).toEqual(before);
});

it('is for the hotline centre only, and refuses empty text and unknown areas with stable codes', async () => {
  const handler = await preview(w.users.handlerS1.auth, { text: noise });
  expect(handler.status).toBe(403);
  const empty = await w.app.inject({
    method: 'POST',
    url: '/api/intake/preview',
    headers: w.users.agent.auth,
    payload: { text: '  ' },
  });
  expect(empty.statusCode).toBe(400);
  expect(empty.json<{ error: { code: string } }>().error.code).toBe('validation_failed');
  const unknown = await w.app.inject({
    method: 'POST',
    url: '/api/intake/preview',
    headers: w.users.agent.auth,
    payload: { text: noise, areaCode: '999999' },
  });
  expect(unknown.statusCode).toBe(404);
  expect(unknown.json<{ error: { code: string } }>().error.code).toBe('unit_not_found');
});
