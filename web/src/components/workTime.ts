/**
 * Working time on the Chinese calendar, as the server counts deadlines in `workdays`
 * (src/modules/calendar/calendar.rules.ts): every hour of a working day counts, days off (weekends,
 * holidays, days an override closes) do not, 调休 make-up days do. Days are Asia/Shanghai days
 * (UTC+8, no daylight saving).
 */
export interface WorkCalendar {
  /** Known days, `YYYY-MM-DD` → worked or not. */
  days: ReadonlyMap<string, boolean>;
}

const OFFSET = 8 * 3600_000;
const DAY = 86_400_000;

export function workCalendarFrom(days: ReadonlyArray<{ day: string; isWorkday: boolean }>): WorkCalendar {
  return { days: new Map(days.map((d) => [d.day, d.isWorkday])) };
}

/** Whether a Shanghai day is worked; outside the loaded range, Monday to Friday. */
export function isWorkday(cal: WorkCalendar, dayStartMs: number): boolean {
  const key = new Date(dayStartMs + OFFSET).toISOString().slice(0, 10);
  const known = cal.days.get(key);
  if (known !== undefined) return known;
  const weekday = new Date(dayStartMs + OFFSET).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/** Milliseconds of working-day time in [a, b) (0 when b ≤ a). */
export function workingMsBetween(cal: WorkCalendar, a: number, b: number): number {
  if (b <= a) return 0;
  let total = 0;
  // Local midnight of a's day, then day by day.
  for (let start = Math.floor((a + OFFSET) / DAY) * DAY - OFFSET; start < b; start += DAY) {
    if (!isWorkday(cal, start)) continue;
    const from = Math.max(a, start);
    const to = Math.min(b, start + DAY);
    if (to > from) total += to - from;
  }
  return total;
}
