import type { AppContext } from '../../platform/context.js';
import type { Conn } from '../../platform/db/index.js';
import type { CaseRow } from '../../platform/db/schema.js';
import { planMessages, type ReportTarget } from './outbox.plan.js';
import { enqueue, reportTargets } from './outbox.repository.js';

/** Changes that concern one report only (its reporter joined, or rated); the rest concern every report. */
const perReportActions = new Set(['report_merged', 'evaluate']);

/** The citizen-facing text of a change: the answer, the result or the refusal's reason. */
function citizenText(action: string, after: CaseRow, data: Record<string, unknown> | undefined) {
  if (action === 'answer' && typeof data?.answer === 'string') return data.answer;
  if (action === 'resolve') return after.result_text;
  if (action === 'invalidate') return after.invalid_reason;
  return null;
}

/**
 * Queues, in the caller's transaction, what the reporters of a case (and the channels their
 * reports came through) should hear about a public change. Called by recordChange, so every
 * state change goes through here; intake queues its acknowledgement inside its own statement.
 */
export async function queueNotifications(
  ctx: AppContext,
  tx: Conn,
  change: {
    action: string;
    after: CaseRow;
    data?: Record<string, unknown>;
    at: Date;
    /** All of the case's reports, when the caller has them (else read here). */
    reporters?: ReportTarget[];
  },
  eventId: string,
): Promise<void> {
  const reportId =
    perReportActions.has(change.action) && typeof change.data?.reportId === 'string'
      ? change.data.reportId
      : undefined;
  if (perReportActions.has(change.action) && !reportId) return;
  const targets = change.reporters
    ? change.reporters.filter((r) => !reportId || r.id === reportId)
    : await reportTargets(tx, change.after.id, reportId);
  const rows = planMessages(
    ctx.config,
    {
      caseId: change.after.id,
      eventId,
      action: change.action,
      status: change.after.status,
      at: change.at,
      text: citizenText(change.action, change.after, change.data),
    },
    targets,
  );
  await enqueue(tx, rows);
}
