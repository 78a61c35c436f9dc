import { packageCalendar } from './calendar.package.js';

/**
 * Day arithmetic on the Asia/Shanghai clock. China has kept a fixed UTC+08:00 offset without
 * daylight saving since 1991, so a local day is simply the UTC day of (instant + 8 h).
 */
export const SHANGHAI_OFFSET_MS = 8 * 3600_000;
export const DAY_MS = 86_400_000;

/** A local day as `YYYY-MM-DD`. */
export type Day = string;

/** A working calendar: the package's holidays and make-up days plus admin overrides (which win). */
export interface WorkCalendar {
  /** Official days off, day → holiday name. */
  holidays: ReadonlyMap<Day, string>;
  /** 调休 make-up workdays, day → the holiday they pay for. */
  makeupWorkdays: ReadonlyMap<Day, string>;
  /** Admin overrides from `calendar_overrides`: day → working day or not, with the admin's note. */
  overrides: ReadonlyMap<Day, { isWorkday: boolean; note: string | null }>;
}

/** Where a day's status comes from, most authoritative first. */
export type DaySource = 'override' | 'makeup' | 'holiday' | 'weekend' | 'weekday';

export interface DayDetail {
  day: Day;
  isWorkday: boolean;
  source: DaySource;
  /** Holiday name, the holiday a make-up day pays for, or the override's note. */
  name: string | null;
}

/** Builds a calendar from the package data and a list of overrides (no I/O). */
export function buildCalendar(
  overrides: Iterable<{ day: Day; isWorkday: boolean; note: string | null }> = [],
): WorkCalendar {
  const pkg = packageCalendar();
  return {
    holidays: pkg.holidays,
    makeupWorkdays: pkg.makeupWorkdays,
    overrides: new Map([...overrides].map((o) => [o.day, { isWorkday: o.isWorkday, note: o.note }] as const)),
  };
}

/** The local (Asia/Shanghai) day an instant falls on. */
export function shanghaiDay(instant: Date): Day {
  return new Date(instant.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant local midnight (00:00 +08:00) of a day begins. */
export function dayStart(day: Day): number {
  return Date.parse(`${day}T00:00:00+08:00`);
}

/** The day `n` calendar days after `day` (n may be negative). */
export function addDays(day: Day, n: number): Day {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

/** True for a syntactically valid, existing calendar day `YYYY-MM-DD`. */
export function isValidDay(day: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return false;
  const t = Date.parse(`${day}T00:00:00Z`);
  return Number.isFinite(t) && new Date(t).toISOString().slice(0, 10) === day;
}

/** Whether a day is worked and why: override, then 调休 make-up day, then holiday, then weekday. */
export function dayDetail(day: Day, cal: WorkCalendar): DayDetail {
  const override = cal.overrides.get(day);
  if (override) return { day, isWorkday: override.isWorkday, source: 'override', name: override.note };
  const makeup = cal.makeupWorkdays.get(day);
  if (makeup !== undefined) return { day, isWorkday: true, source: 'makeup', name: makeup };
  const holiday = cal.holidays.get(day);
  if (holiday !== undefined) return { day, isWorkday: false, source: 'holiday', name: holiday };
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  const weekend = weekday === 0 || weekday === 6;
  return { day, isWorkday: !weekend, source: weekend ? 'weekend' : 'weekday', name: null };
}

/** True when `day` is a working day on this calendar. */
export function isWorkday(day: Day, cal: WorkCalendar): boolean {
  return dayDetail(day, cal).isWorkday;
}

// A calendar with no working day for a whole year is a data error, not a reason to loop forever.
const MAX_SEARCH_DAYS = 400;

/** The first working day strictly after `day`. */
export function nextWorkday(day: Day, cal: WorkCalendar): Day {
  let d = day;
  for (let i = 0; i < MAX_SEARCH_DAYS; i++) {
    d = addDays(d, 1);
    if (isWorkday(d, cal)) return d;
  }
  throw new Error(`no working day within ${MAX_SEARCH_DAYS} days after ${day}`);
}

/** Every day from `from` to `to` inclusive, with its status. */
export function listDays(from: Day, to: Day, cal: WorkCalendar): DayDetail[] {
  const days: DayDetail[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) days.push(dayDetail(d, cal));
  return days;
}
