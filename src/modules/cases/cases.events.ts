import { appendAudit, appendAuditAfter, type AuditHead } from '../../platform/audit.js';
import type { Actor } from '../../platform/auth.js';
import type { AppContext } from '../../platform/context.js';
import type { Tx } from '../../platform/db/index.js';
import type { CaseRow } from '../../platform/db/schema.js';
import type { ReportTarget } from '../notifications/outbox.plan.js';
import { queueNotifications } from '../notifications/outbox.queue.js';
import { recordTrainingLabel } from '../suggest/suggest.service.js';
import { insertEvent, type NewEvent } from './cases.repository.js';

/** Actions a reporter sees in the public part of the timeline. */
const publicActions = new Set([
  'received',
  'report_merged',
  'dispatch',
  'accept',
  'resolve',
  'answer',
  'evaluate',
  'reopen',
  'close',
  'invalidate',
  'merge',
  'citizen_update',
]);

/** The fields of a case that the audit log records before and after each change. */
export function auditView(row: CaseRow) {
  return {
    status: row.status,
    version: row.version,
    category_id: row.category_id,
    priority: row.priority,
    lead_unit_id: row.lead_unit_id,
    area_unit_id: row.area_unit_id,
    response_due_at: row.response_due_at,
    resolve_due_at: row.resolve_due_at,
    result_text: row.result_text,
  };
}

export interface CaseChange {
  actor: Actor | null;
  action: string;
  before: CaseRow | null;
  after: CaseRow;
  reason?: string | null;
  data?: Record<string, unknown>;
  at: Date;
  /**
   * Every report of the case with its channel callback, when the caller already holds them
   * (intake's automatic dispatch: the one report it just wrote); otherwise they are read.
   */
  reporters?: ReportTarget[];
}

/** The timeline entry of a change: who, when, what, why. */
export function timelineEntry(change: CaseChange): NewEvent {
  return {
    case_id: change.after.id,
    at: change.at,
    action: change.action,
    from_status: change.before?.status ?? null,
    to_status: change.after.status,
    actor_user_id: change.actor?.id ?? null,
    actor_unit_id: change.actor?.unitId ?? null,
    reason: change.reason ?? null,
    public: publicActions.has(change.action),
    ...(change.data ? { data: change.data } : {}),
  };
}

/** The audit-chain entry of a change (after `head` when the caller already locked it). */
export async function auditChange(
  ctx: AppContext,
  tx: Tx,
  change: CaseChange,
  head?: AuditHead,
): Promise<void> {
  const entry = {
    actorUserId: change.actor?.id ?? null,
    action: `case.${change.action}`,
    entity: 'case',
    entityId: change.after.id,
    before: change.before ? auditView(change.before) : null,
    after: { ...auditView(change.after), ...(change.data ?? {}), reason: change.reason ?? undefined },
  };
  if (head) await appendAuditAfter(tx, ctx.config.AUDIT_SECRET, head, entry, change.at);
  else await appendAudit(tx, ctx.config.AUDIT_SECRET, entry, change.at);
}

/**
 * Records one change of a case: a timeline entry, an audit-chain entry and, for public changes,
 * the notifications its reporters should receive (outbox), all in the same transaction.
 */
export async function recordChange(ctx: AppContext, tx: Tx, change: CaseChange): Promise<string> {
  const entry = timelineEntry(change);
  const eventId = await insertEvent(tx, entry);
  if (entry.public) await queueNotifications(ctx, tx, change, eventId);
  // The lead unit taking the case is the city's answer to "who handles this": a training label.
  if (change.action === 'accept') await recordTrainingLabel(tx, change.after, change.at);
  await auditChange(ctx, tx, change);
  return eventId;
}
