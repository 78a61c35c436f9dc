import { useTranslation } from 'react-i18next';
import type { CaseStatus, Priority } from '../api/models';

export function StatusBadge({ status }: { status: CaseStatus }) {
  const { t } = useTranslation();
  return <span className={`badge status-${status}`}>{t(`status.${status}`)}</span>;
}

export function PriorityBadge({ priority }: { priority: Priority }) {
  const { t } = useTranslation();
  return <span className={`badge priority-${priority}`}>{t(`priority.${priority}`)}</span>;
}

/** Date and time in the console's language. */
export function When({ at }: { at: string | null }) {
  const { i18n } = useTranslation();
  if (!at) return <span className="muted">—</span>;
  return (
    <time dateTime={at}>
      {new Date(at).toLocaleString(i18n.language, { dateStyle: 'short', timeStyle: 'short' })}
    </time>
  );
}
