import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../api/models';
import { When } from '../../components/Badges';

type Entry =
  | { kind: 'event'; at: string; key: string; event: CaseDetail['timeline'][number] }
  | { kind: 'report'; at: string; key: string; report: CaseDetail['reports'][number] };

const knownActions = new Set([
  'received',
  'dispatch',
  'accept',
  'contact',
  'return',
  'resolve',
  'co_accept',
  'co_submit',
  'request_extension',
  'decide_extension',
  'extension_approved',
  'extension_denied',
  'extension_moot',
  'urge',
  'verify',
  'verify_failed',
  'evaluate',
  'reopen',
  'close',
  'answer',
  'invalidate',
  'merge',
  'merged_in',
  'split',
  'report_merged',
  'citizen_update',
  'response_warning',
  'response_overdue',
  'resolve_warning',
  'resolve_overdue',
]);

/** The whole history of a case: every timeline entry and every report (merged ones too), by time. */
export function Timeline({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  // Who called, as far as this user may see (the server masks it); empty when nobody is named.
  const reporterOf = (r: CaseDetail['reports'][number]): string =>
    r.anonymous ? t('detail.anonymous') : [r.reporter.name, r.reporter.phone].filter(Boolean).join(' ');
  const entries: Entry[] = [
    ...detail.timeline.map((e) => ({ kind: 'event' as const, at: e.at, key: `e${e.id}`, event: e })),
    ...detail.reports.map((r) => ({ kind: 'report' as const, at: r.receivedAt, key: `r${r.id}`, report: r })),
  ].sort((a, b) => a.at.localeCompare(b.at) || (a.kind === 'report' ? -1 : 1));
  return (
    <ol className="timeline" data-testid="timeline">
      {entries.map((entry) =>
        entry.kind === 'event' ? (
          <li key={entry.key} className="event">
            <When at={entry.at} />{' '}
            <strong>
              {knownActions.has(entry.event.action)
                ? t(`action.${entry.event.action as 'received'}`)
                : entry.event.action}
            </strong>
            {entry.event.to && entry.event.to !== entry.event.from && (
              <span className="muted">
                {' '}
                → {t(`status.${entry.event.to as 'received'}`, { defaultValue: entry.event.to })}
              </span>
            )}
            {entry.event.reason && <p>{entry.event.reason}</p>}
          </li>
        ) : (
          <li key={entry.key} className="report">
            <When at={entry.at} />{' '}
            <strong>
              {t(`channel.${entry.report.channel as 'hotline'}`, { defaultValue: entry.report.channel })}
            </strong>
            {reporterOf(entry.report) && <span className="muted"> · {reporterOf(entry.report)}</span>}
            <p>{entry.report.text}</p>
          </li>
        ),
      )}
    </ol>
  );
}
