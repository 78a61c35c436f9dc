import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { World } from '../../../test/world.js';
import { activateSyntheticModel } from '../suggest/suggest.fixtures.js';
import { form, publicClient, selfServiceWorld } from './selfservice.testkit.js';

// A citizen's category is their own pick: public reports go through smart dispatch like every
// report nobody at the centre has classified — a confident suggestion dispatches at once, the rest
// wait in the dispatcher queue with it (and with the citizen's category).
let w: World;
beforeAll(async () => {
  w = await selfServiceWorld();
  await activateSyntheticModel(w);
});
afterAll(async () => {
  await w.close();
});

async function caseAndSuggestion(number: string) {
  const row = await w.db
    .selectFrom('cases as c')
    .leftJoin('categories as k', 'k.id', 'c.category_id')
    .leftJoin('case_suggestions as s', 's.case_id', 'c.id')
    .select(['c.status', 'c.lead_unit_id', 'k.code as category', 's.decision'])
    .where('c.number', '=', number)
    .executeTakeFirstOrThrow();
  return row;
}

describe('a public report that carries a category', () => {
  it('is dispatched at once on a confident suggestion, like any other channel', async () => {
    const res = await publicClient(w).submit(
      form({ text: '我们小区附近工地扬尘和噪音严重影响居民，油烟垃圾也多，希望政府尽快处理' }),
    );
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.status).toBe('dispatched');
    expect(await caseAndSuggestion(res.body.caseNumber)).toEqual({
      status: 'dispatched',
      lead_unit_id: w.units.cgw.id,
      category: '02-01',
      decision: 'auto_dispatched',
    });
  });

  it('waits in the dispatcher queue with the suggestion and the citizen’s category when unsure', async () => {
    const res = await publicClient(w).submit(form({ text: '请问办理居住证需要带什么材料？' }));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.status).toBe('received');
    expect(await caseAndSuggestion(res.body.caseNumber)).toEqual({
      status: 'received',
      lead_unit_id: null,
      category: '04-06',
      decision: 'queued',
    });
  });
});
