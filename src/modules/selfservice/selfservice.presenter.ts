import type { CaseRow, ReportRow } from '../../platform/db/schema.js';
import { statusLabels, type CaseStatus } from '../cases/cases.state.js';
import { scrubNumbers } from '../open311/open311.presenter.js';
import type { TrackingView } from './selfservice.schema.js';

/** What each public timeline entry says to the reporter. */
const actionLabels: Record<string, string> = {
  received: '诉求已受理',
  report_merged: '同类诉求已并入本工单',
  dispatch: '已派发至承办单位',
  accept: '承办单位已签收',
  resolve: '承办单位已办结',
  answer: '已直接答复',
  evaluate: '已回访评价',
  reopen: '已重新办理',
  close: '已结案',
  invalidate: '不予受理',
  merge: '已与同类诉求合并办理',
  citizen_update: '市民补充了情况',
};

const label = (status: string | null) => (status ? (statusLabels[status as CaseStatus]?.zh ?? status) : null);
const iso = (d: Date | null) => (d ? d.toISOString() : null);
const answerable: readonly string[] = ['resolved', 'verified', 'evaluated', 'closed'];

/**
 * The reporter's view of a case: public facts about it and their own report; no actor, no
 * internal reason or data, nobody else's report. Free text from the case (the unit's result) is
 * scrubbed of phone and ID numbers, since on a merged case it may name another reporter.
 */
export function presentTracking(v: {
  row: CaseRow;
  report: ReportRow;
  events: Array<{ at: Date; action: string; to_status: string | null }>;
  category: { code: string; name: string } | null;
  now: Date;
  window: Date | null;
}): TrackingView {
  const { row, report, now, window } = v;
  const resolved = answerable.includes(row.status);
  const unhappy =
    report.evaluated_at != null &&
    (report.eval_solved === false || report.eval_satisfaction === 'unsatisfied');
  return {
    number: row.number,
    status: row.status,
    statusLabel: label(row.status)!,
    category: v.category,
    receivedAt: report.received_at.toISOString(),
    resolvedAt: iso(row.resolved_at),
    closedAt: iso(row.closed_at),
    timeline: v.events.map((e) => ({
      at: e.at.toISOString(),
      action: e.action,
      label: actionLabels[e.action] ?? e.action,
      status: e.to_status,
      statusLabel: label(e.to_status),
    })),
    report: {
      receivedAt: report.received_at.toISOString(),
      text: report.text,
      address: report.address,
      anonymous: report.anonymous,
      answer: scrubNumbers(report.answer_text ?? (resolved ? row.result_text : null)),
      evaluation: report.evaluated_at
        ? {
            solved: report.eval_solved,
            satisfaction: report.eval_satisfaction,
            comment: report.eval_comment,
            at: report.evaluated_at.toISOString(),
          }
        : null,
    },
    canRate:
      report.evaluated_at == null &&
      (row.status === 'verified' ||
        row.status === 'evaluated' ||
        (row.status === 'resolved' && row.direct_answer)),
    canReopen:
      unhappy && row.status === 'evaluated' && row.lead_unit_id != null && window != null && now <= window,
    reopenUntil: iso(window),
  };
}
