import { nowOf, type AppContext } from '../../platform/context.js';
import type { Tx } from '../../platform/db/index.js';
import type { ReportRow } from '../../platform/db/schema.js';
import { DomainError } from '../../platform/errors.js';
import { act } from '../cases/actions.service.js';
import { caseDeps } from '../cases/cases.deps.impl.js';
import { lockCase } from '../cases/cases.repository.js';
import { publicActor } from './selfservice.actor.js';
import { findReport } from './selfservice.repository.js';
import type { RateInput, ReopenInput } from './selfservice.schema.js';
import { authenticate, reopenWindow, trackingView } from './selfservice.tracking.js';

/**
 * 回访评价 by the reporter: the callback desk's evaluate action, taken by the public channel's
 * service user on exactly the report the proof matched. The action's own rules apply (only after
 * resolution and verification, once per report).
 */
export async function rateReport(ctx: AppContext, number: string, input: RateInput) {
  const proven = await authenticate(ctx, number, input);
  const actor = await publicActor(ctx);
  return ctx.db.transaction().execute(async (tx) => {
    const { row, report } = await lockReportCase(tx, proven);
    await act(ctx, caseDeps, tx, actor, row.id, 'evaluate', {
      version: row.version,
      reportId: report.id,
      solved: input.solved,
      satisfaction: input.satisfaction,
      comment: input.comment,
    });
    return trackingView(ctx, tx, await findReport(tx, report.id));
  });
}

/**
 * 重办 asked by the reporter: allowed when their own report was rated unsolved or unsatisfied and
 * the case was resolved at most REOPEN_WINDOW_DAYS ago; then the existing reopen action sends the
 * case back to its lead unit.
 */
export async function reopenReport(ctx: AppContext, number: string, input: ReopenInput, now = nowOf(ctx)) {
  const proven = await authenticate(ctx, number, input, now);
  const actor = await publicActor(ctx);
  return ctx.db.transaction().execute(async (tx) => {
    const { row, report } = await lockReportCase(tx, proven);
    const unhappy =
      report.evaluated_at != null &&
      (report.eval_solved === false || report.eval_satisfaction === 'unsatisfied');
    if (!unhappy) {
      throw new DomainError(
        'invalid_transition',
        '评价为未解决或不满意后才能申请重办 (rate the answer unsolved or unsatisfied first)',
      );
    }
    const until = reopenWindow(ctx, row);
    if (until && now > until) {
      throw new DomainError(
        'reopen_window_closed',
        `办结超过${ctx.config.REOPEN_WINDOW_DAYS}天，请致电12345 (the reopen window has closed)`,
        { until: until.toISOString() },
      );
    }
    await act(ctx, caseDeps, tx, actor, row.id, 'reopen', { version: row.version, reason: input.reason });
    return trackingView(ctx, tx, await findReport(tx, report.id), now);
  });
}

/** Locks the case the report is on now (a merge may have moved it since the proof was checked). */
async function lockReportCase(tx: Tx, proven: ReportRow) {
  const report = await findReport(tx, proven.id);
  const row = await lockCase(tx, report.case_id);
  return { row, report };
}
