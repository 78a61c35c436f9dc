import type { Config } from '../../platform/config.js';
import type { Insertable } from 'kysely';
import type { OutboxTable } from '../../platform/db/schema.js';
import { uuidv7 } from '../../platform/ids.js';

export type Adapter = 'webhook' | 'email' | 'sms';

/** What the outbox needs to know about one report to decide who hears about a change. */
export interface ReportTarget {
  id: string;
  reporter_email: string | null;
  reporter_phone: string | null;
  /** The callback URL of the active inbound channel the report came through, if it listens. */
  callback_url: string | null;
}

/** The change to tell people about. */
export interface NotifiableChange {
  caseId: string;
  eventId: string;
  action: string;
  status: string;
  at: Date;
  /** What the citizen should read beyond the status: the answer, the result, the reason. */
  text?: string | null;
}

/**
 * Changes a reporter hears about by e-mail and SMS: the acknowledgement with the case number,
 * the answer or result, a refusal and a reopening. An inbound channel's callback hears every
 * public change so the originating system can mirror the case.
 */
export const citizenActions: ReadonlySet<string> = new Set([
  'received',
  'report_merged',
  'answer',
  'resolve',
  'invalidate',
  'reopen',
]);

/** Mainland mobile numbers only: an SMS to a fixed line never arrives. */
const MOBILE = /^(?:\+?86)?1[3-9]\d{9}$/;

export type NewOutboxRow = Insertable<OutboxTable> & { id: string; payload: string };

/**
 * The messages one change produces, one per report × adapter. `dedupe_key` is unique in the
 * table, so planning the same change twice (a retried transaction) queues each message once.
 */
export function planMessages(
  config: Pick<Config, 'SMTP_URL' | 'SMS_GATEWAY_URL'>,
  change: NotifiableChange,
  reports: readonly ReportTarget[],
): NewOutboxRow[] {
  const rows: NewOutboxRow[] = [];
  const payload = JSON.stringify({ status: change.status, text: change.text ?? null });
  const add = (report: ReportTarget, adapter: Adapter, recipient: string) =>
    rows.push({
      id: uuidv7(),
      case_id: change.caseId,
      report_id: report.id,
      event_id: change.eventId,
      action: change.action,
      adapter,
      recipient,
      dedupe_key: `${change.eventId}:${report.id}:${adapter}`,
      payload,
      status: 'pending',
      attempts: 0,
      next_attempt_at: change.at,
      last_error: null,
      created_at: change.at,
      delivered_at: null,
    });
  for (const report of reports) {
    if (report.callback_url) add(report, 'webhook', report.callback_url);
    if (!citizenActions.has(change.action)) continue;
    if (config.SMTP_URL && report.reporter_email) add(report, 'email', report.reporter_email);
    const phone = report.reporter_phone?.replace(/[\s-]/g, '');
    if (config.SMS_GATEWAY_URL && phone && MOBILE.test(phone)) add(report, 'sms', phone);
  }
  return rows;
}
