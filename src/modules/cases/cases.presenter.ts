import { canSeePii, type Actor } from '../../platform/auth.js';
import type { CaseRow, ReportRow } from '../../platform/db/schema.js';
import { availableActions, type CaseStatus } from './cases.state.js';

/** 138****5678 */
export function maskPhone(phone: string | null): string | null {
  if (!phone) return phone;
  return phone.length <= 7 ? '*'.repeat(phone.length) : `${phone.slice(0, 3)}****${phone.slice(-4)}`;
}

/** 张*、欧阳** */
export function maskName(name: string | null): string | null {
  if (!name) return name;
  return name.slice(0, 1) + '*'.repeat(Math.max(1, name.length - 1));
}

/** z***@example.com */
export function maskEmail(email: string | null): string | null {
  if (!email) return email;
  const at = email.indexOf('@');
  return at <= 0 ? '***' : `${email.slice(0, 1)}***${email.slice(at)}`;
}

/** 110***********1234 */
export function maskIdNumber(id: string | null): string | null {
  if (!id) return id;
  return `${id.slice(0, 3)}${'*'.repeat(id.length - 7)}${id.slice(-4)}`;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** The API view of a case; never the raw row. */
export function presentCase(row: CaseRow, actor: Actor) {
  return {
    id: row.id,
    number: row.number,
    status: row.status as CaseStatus,
    kind: row.kind as 'request' | 'consultation',
    title: row.title,
    description: row.description,
    categoryId: row.category_id,
    priority: row.priority,
    areaUnitId: row.area_unit_id,
    address: row.address,
    lon: row.lon,
    lat: row.lat,
    leadUnitId: row.lead_unit_id,
    channel: row.channel,
    receivedAt: iso(row.received_at),
    dispatchedAt: iso(row.dispatched_at),
    acceptedAt: iso(row.accepted_at),
    contactedAt: iso(row.contacted_at),
    responseDueAt: iso(row.response_due_at),
    resolveDueAt: iso(row.resolve_due_at),
    resolvedAt: iso(row.resolved_at),
    verifiedAt: iso(row.verified_at),
    evaluatedAt: iso(row.evaluated_at),
    closedAt: iso(row.closed_at),
    responseOverdue: row.response_overdue,
    resolveOverdue: row.resolve_overdue,
    respondedInTime: row.responded_in_time,
    resolvedInTime: row.resolved_in_time,
    directAnswer: row.direct_answer,
    result: row.result_text,
    counts: {
      reports: row.report_count,
      returns: row.return_count,
      reopens: row.reopen_count,
      urges: row.urge_count,
      extensions: row.extension_count,
      evaluations: row.eval_count,
    },
    mergedInto: row.merged_into,
    invalidReason: row.invalid_reason,
    version: row.version,
    updatedAt: row.updated_at.toISOString(),
    actions: availableActions(row.status as CaseStatus, actor.role),
  };
}

/** A report with its reporter's identity masked unless the actor may see it. */
export function presentReport(row: ReportRow, actor: Actor) {
  const hidden = !canSeePii(actor) || (row.confidential && actor.role === 'handler');
  const own = actor.role === 'citizen' && row.reporter_user_id === actor.id;
  const show = own || !hidden;
  return {
    id: row.id,
    channel: row.channel,
    externalId: row.external_id,
    text: row.text,
    address: row.address,
    lon: row.lon,
    lat: row.lat,
    receivedAt: row.received_at.toISOString(),
    anonymous: row.anonymous,
    confidential: row.confidential,
    reporter: {
      name: show ? row.reporter_name : maskName(row.reporter_name),
      phone: show ? row.reporter_phone : maskPhone(row.reporter_phone),
      idNumber: show ? row.reporter_id_number : maskIdNumber(row.reporter_id_number),
      email: show ? row.reporter_email : maskEmail(row.reporter_email),
    },
    answer: row.answer_text,
    evaluation: row.evaluated_at
      ? {
          solved: row.eval_solved,
          satisfaction: row.eval_satisfaction,
          comment: row.eval_comment,
          at: row.evaluated_at.toISOString(),
        }
      : null,
  };
}
