import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useWorkCalendar } from '../api/calendar';
import { workingMsBetween } from './workTime';

/** Re-renders every `ms` so countdowns move without a reload. */
export function useNow(ms = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(id);
  }, [ms]);
  return now;
}

/** Days, hours and minutes of a span, two units at most (3天4小时, 2小时5分). */
export function useSpan() {
  const { t } = useTranslation();
  return (ms: number) => {
    const minutes = Math.max(0, Math.floor(ms / 60_000));
    const d = Math.floor(minutes / 1440);
    const h = Math.floor((minutes % 1440) / 60);
    const m = minutes % 60;
    const parts = [
      d ? t('deadline.d', { n: d }) : '',
      h ? t('deadline.h', { n: h }) : '',
      !d ? t('deadline.m', { n: m }) : '',
    ];
    return parts.filter(Boolean).slice(0, 2).join(' ');
  };
}

/** Working days, hours and minutes of a span of working time (2个工作日 3小时). */
function useWorkSpan() {
  const { t } = useTranslation();
  const span = useSpan();
  return (ms: number) => {
    const days = Math.floor(Math.max(0, ms) / 86_400_000);
    if (!days) return span(ms);
    const hours = Math.floor((ms % 86_400_000) / 3_600_000);
    return [t('deadline.wd', { n: days }), hours ? t('deadline.h', { n: hours }) : '']
      .filter(Boolean)
      .join(' ');
  };
}

/**
 * A deadline counting down (or up once passed). `doneAt` stops it: then it says whether the
 * deadline was met. `unit` is how the server counts this deadline: `workdays` counts down in
 * working time on the working calendar (days off do not count, as the server's deadline did not
 * count them); `hours` (or unknown) counts wall-clock time.
 */
export function Deadline({
  due,
  doneAt,
  overdue,
  unit,
}: {
  due: string | null;
  doneAt?: string | null;
  overdue?: boolean;
  unit?: 'hours' | 'workdays' | null;
}) {
  const { t } = useTranslation();
  const now = useNow();
  const span = useSpan();
  const workSpan = useWorkSpan();
  const calendar = useWorkCalendar(unit === 'workdays' && !!due && !doneAt);
  if (!due) return <span className="muted">{t('deadline.none')}</span>;
  const dueMs = Date.parse(due);
  if (doneAt) {
    const late = Date.parse(doneAt) > dueMs;
    return <span className={late ? 'late' : 'ok'}>{t(late ? 'deadline.late' : 'deadline.met')}</span>;
  }
  const working = unit === 'workdays' && calendar !== undefined;
  const title = `${new Date(due).toLocaleString()}${working ? ` · ${t('deadline.workTime')}` : ''}`;
  const left = dueMs - now;
  if (left < 0 || overdue) {
    const past = working ? workingMsBetween(calendar, dueMs, now) : -left;
    return (
      <time dateTime={due} className="late" title={title} data-working={working || undefined}>
        {t('deadline.overdue', { time: working ? workSpan(past) : span(past) })}
      </time>
    );
  }
  const remaining = working ? workingMsBetween(calendar, now, dueMs) : left;
  const soon = remaining < (working ? 86_400_000 : 3_600_000);
  return (
    <time dateTime={due} className={soon ? 'warn' : 'ok'} title={title} data-working={working || undefined}>
      {t('deadline.left', { time: working ? workSpan(remaining) : span(remaining) })}
    </time>
  );
}
