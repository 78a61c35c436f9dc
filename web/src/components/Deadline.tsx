import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

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

/**
 * A deadline counting down (or up once passed). `doneAt` stops it: then it says whether the
 * deadline was met. The server counts deadlines in working time; the countdown shows wall time
 * to the instant the server computed.
 */
export function Deadline({
  due,
  doneAt,
  overdue,
}: {
  due: string | null;
  doneAt?: string | null;
  overdue?: boolean;
}) {
  const { t } = useTranslation();
  const now = useNow();
  const span = useSpan();
  if (!due) return <span className="muted">{t('deadline.none')}</span>;
  const dueMs = Date.parse(due);
  if (doneAt) {
    const late = Date.parse(doneAt) > dueMs;
    return <span className={late ? 'late' : 'ok'}>{t(late ? 'deadline.late' : 'deadline.met')}</span>;
  }
  const left = dueMs - now;
  if (left < 0 || overdue) {
    return (
      <time dateTime={due} className="late" title={new Date(due).toLocaleString()}>
        {t('deadline.overdue', { time: span(-left) })}
      </time>
    );
  }
  return (
    <time dateTime={due} className={left < 3_600_000 ? 'warn' : 'ok'} title={new Date(due).toLocaleString()}>
      {t('deadline.left', { time: span(left) })}
    </time>
  );
}
