import type { AppContext } from '../../platform/context.js';
import type { Conn } from '../../platform/db/index.js';
import type { CaseRow, ReportRow } from '../../platform/db/schema.js';
import { DomainError } from '../../platform/errors.js';
import { findCase } from '../cases/cases.repository.js';
import { phoneDigits, phoneEndsWith, trackingCodeHash } from './selfservice.codes.js';
import { presentTracking } from './selfservice.presenter.js';
import {
  countTrackingFailures,
  findCategoryName,
  insertTrackingFailure,
  listPublicEvents,
  lockTrackingNumber,
  reportsUnderNumber,
} from './selfservice.repository.js';
import type { Proof } from './selfservice.schema.js';

/** Failed attempts on one case number after which it is locked for the rest of the window. */
export const MAX_FAILURES = 5;
export const FAILURE_WINDOW_MS = 15 * 60_000;

/** One answer for an unknown number and a wrong proof alike, so neither tells anything. */
function notFound(): DomainError {
  return new DomainError('case_not_found', '未找到匹配的工单 (no case matches this number and proof)');
}

/**
 * Finds the one report a case number and a proof (the last four digits of the phone given at
 * submission, or the tracking code) belong to. Every failure — unknown number included — is
 * counted per number in the database; after MAX_FAILURES within FAILURE_WINDOW_MS every attempt
 * on that number answers 429, right or wrong, until the window has passed. Attempts on one number
 * are serialised so the limit is exact across processes.
 */
export async function authenticate(
  ctx: AppContext,
  number: string,
  proof: Proof,
  now = new Date(),
): Promise<ReportRow> {
  const outcome = await ctx.db.transaction().execute(async (tx) => {
    await lockTrackingNumber(tx, number);
    const failures = await countTrackingFailures(tx, number, new Date(now.getTime() - FAILURE_WINDOW_MS));
    if (failures >= MAX_FAILURES) return 'locked' as const;
    const report = matchReport(await reportsUnderNumber(tx, number), proof);
    // Committed with the transaction even though the request fails: that is the point.
    if (!report) await insertTrackingFailure(tx, number, now);
    return report ?? ('miss' as const);
  });
  if (outcome === 'locked') {
    throw new DomainError(
      'rate_limited',
      '尝试次数过多，请15分钟后再试 (too many attempts, try again later)',
    );
  }
  if (outcome === 'miss') throw notFound();
  return outcome;
}

/**
 * The report the proof points at. By tracking code: the report that holds its hash. By phone: the
 * reports whose phone ends in those digits, only when they are all one person's number — two
 * reporters of a merged case who share the last four digits must use their codes.
 */
function matchReport(reports: ReportRow[], proof: Proof): ReportRow | undefined {
  if (proof.trackingCode !== undefined) {
    const hash = trackingCodeHash(proof.trackingCode);
    return reports.find((r) => r.tracking_code_hash === hash);
  }
  const last4 = proof.phoneLast4!;
  const matches = reports.filter((r) => phoneEndsWith(r.reporter_phone, last4));
  if (new Set(matches.map((r) => phoneDigits(r.reporter_phone))).size !== 1) return undefined;
  return matches[0];
}

/** The reporter's view of their case: the case the report is on now, and that report only. */
export async function trackingView(ctx: AppContext, db: Conn, report: ReportRow, now = new Date()) {
  const row = (await findCase(db, report.case_id))!;
  const caseIds = report.original_case_id === row.id ? [row.id] : [report.original_case_id, row.id];
  const events = await listPublicEvents(db, caseIds);
  const category = await findCategoryName(db, row.category_id);
  return presentTracking({ row, report, events, category, now, window: reopenWindow(ctx, row) });
}

/** The moment until which a reopen may be asked for, or null while the case is not resolved. */
export function reopenWindow(ctx: AppContext, row: CaseRow): Date | null {
  const since = row.resolved_at ?? row.closed_at;
  return since ? new Date(since.getTime() + ctx.config.REOPEN_WINDOW_DAYS * 86_400_000) : null;
}
