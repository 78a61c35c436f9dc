import { addDuration, loadCalendar } from '../calendar/index.js';
import { currentPolicy, findCategoryByCode, findCategoryById } from '../categories/index.js';
import { resolveDispatch } from '../dispatch/index.js';
import { locate } from '../geo/index.js';
import { findUnitByCode, findUnitById } from '../org/index.js';
import { reportJoined, similarAtIntake } from '../similar/index.js';
import { suggest } from '../suggest/suggest.service.js';
import type { CaseDeps } from './cases.deps.js';

/** The case module's neighbours, wired to the real modules. */
export const caseDeps: CaseDeps = {
  findUnit: (db, key) => (typeof key === 'number' ? findUnitById(db, key) : findUnitByCode(db, key)),
  findCategory: (db, code) => findCategoryByCode(db, code),
  findCategoryById: (db, id) => findCategoryById(db, id),
  currentPolicy: async (db, categoryId, priority) =>
    (await currentPolicy(db, categoryId, priority)) ?? undefined,
  async resolveDispatch(db, input) {
    const d = await resolveDispatch(db, input);
    return d
      ? { ruleId: d.ruleId, leadUnitId: d.leadUnitId, coUnitIds: d.coUnitIds, reason: d.reason }
      : null;
  },
  async calendar(db) {
    const cal = await loadCalendar(db);
    return (start, amount, unit) => addDuration(start, amount, unit, cal);
  },
  locate: (ctx, db, input) => locate(ctx, input, db),
  similar: { atIntake: similarAtIntake, joined: reportJoined },
  suggest: (ctx, db, probe) => suggest(ctx, caseDeps, db, probe),
};
