import { addDuration, loadCalendar } from '../calendar/index.js';
import { currentPolicy, findCategoryByCode, findCategoryById } from '../categories/index.js';
import { resolveDispatch } from '../dispatch/index.js';
import { locate } from '../geo/index.js';
import { recordArticleUse } from '../knowledge/index.js';
import { findUnitByCode, findUnitById } from '../org/index.js';
import { caseMerged, reportJoined, reportSplit, similarAtIntake } from '../similar/index.js';
import { suggest } from '../suggest/suggest.service.js';
import type { Conn } from '../../platform/db/index.js';
import type { CaseDeps } from './cases.deps.js';

/**
 * Reference data read once per transaction: intake's suggestion looks a unit and a category up
 * by code and its automatic dispatch needs them again by id, with the deadline policy and the
 * calendar. Within one transaction the first answer stands (nothing in a case transaction edits
 * the org tree, categories or calendar); outside a transaction nothing is kept. Keyed by the
 * transaction object, so the memo ends with it — there is no cross-request cache to go stale.
 */
const memos = new WeakMap<object, Map<string, Promise<unknown>>>();

function once<T>(db: Conn, key: string, load: () => Promise<T>): Promise<T> {
  if (!db.isTransaction) return load();
  let memo = memos.get(db);
  if (!memo) memos.set(db, (memo = new Map<string, Promise<unknown>>()));
  let hit = memo.get(key) as Promise<T> | undefined;
  if (!hit) {
    hit = load();
    memo.set(key, hit);
    // A failed read is not remembered: the caller sees the error, a retry reads again.
    hit.catch(() => memo.delete(key));
  }
  return hit;
}

/** The case module's neighbours, wired to the real modules. */
export const caseDeps: CaseDeps = {
  findUnit: (db, key) =>
    typeof key === 'number'
      ? once(db, `unit-id:${key}`, () => findUnitById(db, key))
      : once(db, `unit-code:${key}`, () => findUnitByCode(db, key)).then((u) => {
          // the same row by id, for the dispatch that follows a lookup by code
          if (u && db.isTransaction) memos.get(db)!.set(`unit-id:${u.id}`, Promise.resolve(u));
          return u;
        }),
  findCategory: (db, code) =>
    once(db, `category-code:${code}`, () => findCategoryByCode(db, code)).then((c) => {
      if (c && db.isTransaction) memos.get(db)!.set(`category-id:${c.id}`, Promise.resolve(c));
      return c;
    }),
  findCategoryById: (db, id) => once(db, `category-id:${id}`, () => findCategoryById(db, id)),
  currentPolicy: (db, categoryId, priority) =>
    once(
      db,
      `policy:${categoryId}:${priority}`,
      async () => (await currentPolicy(db, categoryId, priority)) ?? undefined,
    ),
  async resolveDispatch(db, input) {
    const d = await resolveDispatch(db, input);
    return d
      ? { ruleId: d.ruleId, leadUnitId: d.leadUnitId, coUnitIds: d.coUnitIds, reason: d.reason }
      : null;
  },
  async calendar(db) {
    const cal = await once(db, 'calendar', () => loadCalendar(db));
    return (start, amount, unit) => addDuration(start, amount, unit, cal);
  },
  locate: (ctx, db, input) => locate(ctx, input, db),
  similar: { atIntake: similarAtIntake, joined: reportJoined, merged: caseMerged, split: reportSplit },
  knowledgeUsed: recordArticleUse,
  suggest: (ctx, db, probe) => suggest(ctx, caseDeps, db, probe),
};
