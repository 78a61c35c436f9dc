import { CompiledQuery, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileReport, makeWorld, type Auth, type CaseOut, type World } from '../../../test/world.js';
import { actorForToken, type Actor } from '../../platform/auth.js';
import { exportCases, exportPage, type CaseListFilters } from './cases.export.js';
import { matchingCases } from './cases.query.js';

let w: World;
let supervisor: Actor;
beforeAll(async () => {
  w = await makeWorld();
  const token = w.users.supervisor.auth.authorization.replace('Bearer ', '');
  supervisor = (await actorForToken(w.db, token))!;
});
afterAll(async () => {
  await w.close();
});

async function post(auth: Auth, url: string, payload: object) {
  const res = await w.app.inject({ method: 'POST', url, headers: auth, payload });
  expect(res.statusCode, `${url}: ${res.body}`).toBeLessThan(300);
  return res.json<{ case: CaseOut }>().case;
}

/** A dispatched street case (its lead: 西红门地区), with a resolution deadline. */
const file = (text: string) => fileReport(w, { text, autoDispatch: true });

/** Accepts the case and grants it two more working days: its resolution deadline moves later. */
async function extend(id: string) {
  const step = (auth: Auth, c: CaseOut, action: string, body: object = {}) =>
    post(auth, `/api/cases/${c.id}/${action}`, { version: c.version, ...body });
  const u = w.users;
  const current = await w.app.inject({ url: `/api/cases/${id}`, headers: u.supervisor.auth });
  let c = current.json<{ case: CaseOut }>().case;
  c = await step(u.handlerS1.auth, c, 'accept');
  c = await step(u.handlerS1.auth, c, 'request-extension', { amount: 2, unit: 'workdays', reason: '需协调' });
  await step(u.supervisor.auth, c, 'decide-extension', { approve: true });
}

/**
 * Runs the export two cases a page; after each page, `between` changes the database (the next
 * page is read only when the loop asks for it). Returns the exported numbers and the totals.
 */
async function exportWith(filters: CaseListFilters, between: (numbers: string[]) => Promise<void>) {
  const numbers: string[] = [];
  const totals: number[] = [];
  for await (const page of exportCases(w.db, supervisor, filters, 2)) {
    const these = page.rows.map((r) => r.row.number);
    numbers.push(...these);
    totals.push(page.total);
    await between(these);
  }
  return { numbers, totals };
}

const numbersOf = async (q: string) =>
  (await w.db.selectFrom('cases').select('number').where('title', 'like', `%${q}%`).execute())
    .map((r) => r.number)
    .sort();

describe('the case export pages on a stable key', () => {
  it('writes every case matching at the start once while new cases are filed between pages', async () => {
    const filedOrder: string[] = [];
    for (let i = 1; i <= 5; i++) filedOrder.push((await file(`西红门路口占道经营 第${i}起`)).number);
    const before = await numbersOf('占道经营 第');
    let filed = 0;
    const { numbers, totals } = await exportWith({ sort: 'received', q: '占道经营' }, async () => {
      // Newer than everything exported so far: with OFFSET they pushed the next page down
      // (six at most, so that an export that keeps finding them still ends).
      if (filed >= 6) return;
      await file(`西红门路口占道经营 新第${++filed}起`);
      await file(`西红门路口占道经营 新第${++filed}起`);
    });
    expect([...numbers].sort()).toEqual(before);
    expect(new Set(numbers).size).toBe(numbers.length);
    expect(totals.every((t) => t === 5)).toBe(true);
    // Newest first, as the list shows them.
    expect(numbers).toEqual(filedOrder.reverse());
  });

  it('writes each case once when the cases just exported move in the list’s deadline order', async () => {
    for (let i = 1; i <= 5; i++) await file(`黄村桥下摆摊 第${i}起`);
    const before = await numbersOf('黄村桥下摆摊');
    const extended = new Set<string>();
    const { numbers } = await exportWith({ sort: 'due', q: '黄村桥下摆摊' }, async (page) => {
      // Extended deadlines: by deadline, these cases now come last.
      for (const number of page) {
        if (extended.has(number)) continue;
        extended.add(number);
        const { id } = await w.db
          .selectFrom('cases')
          .select('id')
          .where('number', '=', number)
          .executeTakeFirstOrThrow();
        await extend(id);
      }
    });
    expect([...numbers].sort()).toEqual(before);
    expect(new Set(numbers).size).toBe(numbers.length);
  });

  it('yields one empty page when nothing matches', async () => {
    const pages = [];
    for await (const page of exportCases(w.db, supervisor, { sort: 'received', q: '没有这种案件' }, 2))
      pages.push(page);
    expect(pages).toEqual([{ rows: [], total: 0 }]);
  });

  it('reads each page in the key’s order from the index, without sorting the cases', async () => {
    const c = await file('路灯不亮，晚上很黑');
    const page = exportPage(await matchingCases(w.db, supervisor, {}), c.id, 500).compile();
    // A test district is small enough for a scan and a sort to win; the plan with both made as
    // dear as the planner allows shows whether an index gives the order or a sort must.
    const plan = await w.db.transaction().execute(async (tx) => {
      for (const setting of ['seqscan', 'bitmapscan', 'sort', 'incremental_sort'])
        await sql`select set_config(${`enable_${setting}`}, 'off', true)`.execute(tx);
      const explained = await tx.executeQuery<{ 'QUERY PLAN': string }>(
        CompiledQuery.raw(`explain ${page.sql}`, [...page.parameters]),
      );
      return explained.rows.map((r) => r['QUERY PLAN']).join('\n');
    });
    expect(plan).toContain('cases_received');
    expect(plan).not.toMatch(/Sort/);
  });
});
