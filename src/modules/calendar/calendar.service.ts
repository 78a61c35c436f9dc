import type { Actor } from '../../platform/auth.js';
import { appendAudit } from '../../platform/audit.js';
import type { AppContext } from '../../platform/context.js';
import type { Conn } from '../../platform/db/index.js';
import { DomainError } from '../../platform/errors.js';
import {
  buildCalendar,
  DAY_MS,
  isValidDay,
  listDays,
  type DayDetail,
  type WorkCalendar,
} from './calendar.days.js';
import * as repo from './calendar.repository.js';
import { calendarCoverage, coverageWarnings, type Coverage } from './calendar.rules.js';

/**
 * The working calendar in force: the `chinese-days` package plus every admin override (overrides
 * win). One small query; load it once per request or job batch and pass it to the pure rules.
 */
export async function loadCalendar(db: Conn): Promise<WorkCalendar> {
  const overrides = await repo.listOverrides(db);
  return buildCalendar(overrides.map((o) => ({ day: o.day, isWorkday: o.is_workday, note: o.note })));
}

function assertDay(day: string): void {
  if (!isValidDay(day)) throw new DomainError('validation_failed', `not a calendar day: ${day}`, { day });
}

const MAX_RANGE_DAYS = 366;

/** Every day in [from, to] with its status, plus which requested years lack official data. */
export async function calendarDays(
  db: Conn,
  from: string,
  to: string,
  now: Date,
): Promise<{ days: DayDetail[]; coverage: Coverage; uncoveredYears: number[]; warnings: string[] }> {
  assertDay(from);
  assertDay(to);
  const span = (Date.parse(to) - Date.parse(from)) / DAY_MS;
  if (span < 0 || span >= MAX_RANGE_DAYS) {
    throw new DomainError('validation_failed', `from..to must be 1 to ${MAX_RANGE_DAYS} days`, { from, to });
  }
  const cal = await loadCalendar(db);
  const coverage = calendarCoverage();
  const uncoveredYears: number[] = [];
  for (let y = Number(from.slice(0, 4)); y <= Number(to.slice(0, 4)); y++) {
    if (!coverage.years.includes(y)) uncoveredYears.push(y);
  }
  return { days: listDays(from, to, cal), coverage, uncoveredYears, warnings: coverageWarnings(now, cal) };
}

/** Coverage of the package and the warnings an admin should see now. */
export async function calendarStatus(
  db: Conn,
  now: Date,
): Promise<{ coverage: Coverage; warnings: string[] }> {
  return { coverage: calendarCoverage(), warnings: coverageWarnings(now, await loadCalendar(db)) };
}

/** Sets (or replaces) the override of one day, audited. */
export async function setOverride(
  ctx: AppContext,
  actor: Actor,
  day: string,
  input: { isWorkday: boolean; note: string | null },
): Promise<repo.OverrideRow> {
  assertDay(day);
  return ctx.db.transaction().execute(async (tx) => {
    const before = await repo.findOverride(tx, day);
    const row = await repo.upsertOverride(tx, { day, ...input });
    await appendAudit(tx, ctx.config.AUDIT_SECRET, {
      actorUserId: actor.id,
      action: 'calendar.override.set',
      entity: 'calendar_override',
      entityId: day,
      before: before ? { isWorkday: before.is_workday, note: before.note } : null,
      after: { isWorkday: row.is_workday, note: row.note },
    });
    return row;
  });
}

/** Removes one day's override (the package's answer applies again), audited; 404 when absent. */
export async function removeOverride(ctx: AppContext, actor: Actor, day: string): Promise<void> {
  assertDay(day);
  await ctx.db.transaction().execute(async (tx) => {
    const before = await repo.findOverride(tx, day);
    if (!before) throw new DomainError('not_found', `no override for ${day}`);
    await repo.deleteOverride(tx, day);
    await appendAudit(tx, ctx.config.AUDIT_SECRET, {
      actorUserId: actor.id,
      action: 'calendar.override.delete',
      entity: 'calendar_override',
      entityId: day,
      before: { isWorkday: before.is_workday, note: before.note },
      after: null,
    });
  });
}

/** Every override (optionally in a range). */
export async function overrides(db: Conn, from?: string, to?: string): Promise<repo.OverrideRow[]> {
  if (from) assertDay(from);
  if (to) assertDay(to);
  return repo.listOverrides(db, from, to);
}
