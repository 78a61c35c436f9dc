import type { OverrideRow } from './calendar.repository.js';
import type { Coverage } from './calendar.rules.js';

const asDate = (v: unknown) => (v instanceof Date ? v : new Date(String(v)));

/** An override as the API shows it. */
export function presentOverride(row: OverrideRow) {
  return {
    day: row.day,
    isWorkday: row.is_workday,
    note: row.note,
    createdAt: asDate(row.created_at).toISOString(),
  };
}

/** Package coverage as the API shows it. */
export function presentCoverage(c: Coverage) {
  return { years: [...c.years], firstYear: c.firstYear, lastYear: c.lastYear };
}
