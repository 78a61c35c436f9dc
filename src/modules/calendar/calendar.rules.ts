import type { DurationUnit } from '../../platform/db/schema.js';
import {
  addDays,
  DAY_MS,
  dayStart,
  isWorkday,
  nextWorkday,
  shanghaiDay,
  type Day,
  type WorkCalendar,
} from './calendar.days.js';
import { packageCalendar } from './calendar.package.js';

/**
 * Adds a deadline duration to `start`.
 *
 * - `hours`: calendar hours, day and night, holidays included (urgent matters do not wait).
 * - `workdays`: counted on the Chinese working calendar in Asia/Shanghai. If `start` falls on a
 *   non-working day (weekend, holiday, or a day an override closes) the clock starts at 00:00 of
 *   the next working day. The deadline is the same clock time on the N-th following working day:
 *   Thursday 10:30 + 1 workday = Friday 10:30; Friday 16:00 + 1 = Monday 16:00 (or the next
 *   working day after a holiday); Saturday 09:00 + 1 = Monday 00:00 → Tuesday 00:00, which gives
 *   the handler all of Monday. So exactly N × 24 h of working-day time lies between start and
 *   deadline (see {@link remainingWorkingTime}). `amount` 0 returns the effective start.
 */
export function addDuration(start: Date, amount: number, unit: DurationUnit, cal: WorkCalendar): Date {
  if (!Number.isFinite(amount) || amount < 0) throw new RangeError(`invalid duration ${amount}`);
  switch (unit) {
    case 'hours':
      return new Date(start.getTime() + amount * 3600_000);
    case 'workdays': {
      if (!Number.isInteger(amount)) throw new RangeError(`workdays must be whole, got ${amount}`);
      let day = shanghaiDay(start);
      let clock = start.getTime() - dayStart(day);
      if (!isWorkday(day, cal)) {
        day = nextWorkday(day, cal);
        clock = 0;
      }
      for (let i = 0; i < amount; i++) day = nextWorkday(day, cal);
      return new Date(dayStart(day) + clock);
    }
  }
}

/**
 * Working days counted forward from `from` to `to`: the number of working days d with
 * from < d ≤ to (Friday → next Monday = 1). Negative when `to` is before `from`.
 * Consistent with addDuration: a start on working day S plus N workdays lands on a day D with
 * workingDaysBetween(S, D) = N.
 */
export function workingDaysBetween(from: Day, to: Day, cal: WorkCalendar): number {
  if (to < from) return -workingDaysBetween(to, from, cal);
  let n = 0;
  for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (isWorkday(d, cal)) n++;
  return n;
}

/** Milliseconds of working-day time in [a, b) (0 when b ≤ a). */
export function workingMsBetween(a: Date, b: Date, cal: WorkCalendar): number {
  const from = a.getTime();
  const to = b.getTime();
  if (to <= from) return 0;
  let total = 0;
  for (let day = shanghaiDay(a); dayStart(day) < to; day = addDays(day, 1)) {
    if (!isWorkday(day, cal)) continue;
    const start = Math.max(from, dayStart(day));
    const end = Math.min(to, dayStart(day) + DAY_MS);
    if (end > start) total += end - start;
  }
  return total;
}

export interface Remaining {
  /** True once `now` has reached the deadline. */
  overdue: boolean;
  /** due − now in plain milliseconds (negative once overdue). */
  calendarMs: number;
  /** Working-day time left, in ms; negative (time overdue on working days) once overdue. */
  workingMs: number;
  /** Whole working days in workingMs (truncated toward zero): "还剩 2 个工作日". */
  workingDays: number;
}

/** What a countdown shows: calendar and working time from `now` to `due` (or past it). */
export function remainingWorkingTime(now: Date, due: Date, cal: WorkCalendar): Remaining {
  const overdue = now.getTime() >= due.getTime();
  const workingMs = overdue ? -workingMsBetween(due, now, cal) : workingMsBetween(now, due, cal);
  return {
    overdue,
    calendarMs: due.getTime() - now.getTime(),
    workingMs,
    workingDays: Math.trunc(workingMs / DAY_MS) + 0,
  };
}

export interface Coverage {
  /** Years the `chinese-days` package has official holiday data for. */
  years: readonly number[];
  firstYear: number;
  lastYear: number;
}

/** Which years the holiday package covers; later years need admin overrides. */
export function calendarCoverage(): Coverage {
  const { years } = packageCalendar();
  return { years, firstYear: years[0] ?? 0, lastYear: years[years.length - 1] ?? 0 };
}

/**
 * Warnings for people who maintain the calendar: the current year, and from 1 November the next
 * year, lack official holiday data and no override has been entered for them.
 */
export function coverageWarnings(now: Date, cal: WorkCalendar): string[] {
  const today = shanghaiDay(now);
  const year = Number(today.slice(0, 4));
  const check = today.slice(5) >= '11-01' ? [year, year + 1] : [year];
  const covered = new Set(calendarCoverage().years);
  const overrideYears = new Set([...cal.overrides.keys()].map((d) => Number(d.slice(0, 4))));
  return check
    .filter((y) => !covered.has(y) && !overrideYears.has(y))
    .map(
      (y) =>
        `${y} 年法定节假日未收录：请在日历中录入节假日和调休 (no holiday data for ${y}: enter holidays and make-up workdays as overrides)`,
    );
}
