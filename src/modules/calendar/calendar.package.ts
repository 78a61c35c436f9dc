import { createRequire } from 'node:module';
import { z } from 'zod';

/**
 * The official holiday data shipped in the npm package `chinese-days`: the days off announced
 * by the State Council each year (法定节假日 with the weekend days folded into them) and the
 * 调休 make-up workdays. The package only knows the years the State Council has announced;
 * later years fall back to plain weekends unless an admin enters overrides.
 */
const shape = z.object({
  holidays: z.record(z.string(), z.string()),
  workdays: z.record(z.string(), z.string()),
});

export interface PackageCalendar {
  /** Official days off, day → name (e.g. `2026-10-01` → `国庆节`). */
  holidays: ReadonlyMap<string, string>;
  /** 调休 make-up workdays (weekend days that are worked), day → the holiday they pay for. */
  makeupWorkdays: ReadonlyMap<string, string>;
  /** Years with at least one announced holiday, ascending. */
  years: readonly number[];
}

/** `"National Day,国庆节,3"` → `国庆节`: the package stores English, Chinese and a day count. */
function chineseName(value: string): string {
  return value.split(',')[1] ?? value;
}

let cached: PackageCalendar | undefined;

/** Loads (once) the package's holidays and make-up workdays. */
export function packageCalendar(): PackageCalendar {
  if (cached) return cached;
  const require = createRequire(import.meta.url);
  const data = shape.parse(require('chinese-days/dist/chinese-days.json'));
  const holidays = new Map(Object.entries(data.holidays).map(([d, v]) => [d, chineseName(v)] as const));
  const makeupWorkdays = new Map(Object.entries(data.workdays).map(([d, v]) => [d, chineseName(v)] as const));
  const years = [...new Set([...holidays.keys()].map((d) => Number(d.slice(0, 4))))].sort((a, b) => a - b);
  cached = { holidays, makeupWorkdays, years };
  return cached;
}
