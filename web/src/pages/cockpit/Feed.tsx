import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { LiveEvent, LiveStatus } from '../../api/live';
import { Panel } from './Panel';

const time = new Intl.DateTimeFormat('zh-CN', {
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hour12: false,
  timeZone: 'Asia/Shanghai',
});

/** 实时动态: case events as the server pushes them, newest first. */
export function Feed({ events, status }: { events: LiveEvent[]; status: LiveStatus }) {
  const { t, i18n } = useTranslation();
  const label = (action: string) =>
    i18n.exists(`action.${action}`) ? t(`action.${action}` as 'action.received') : action;
  return (
    <Panel
      id="feed"
      scrollable
      title={t('cockpit.feed')}
      note={<span className={`live-dot ${status}`}>{t(`cockpit.status.${status}`)}</span>}
    >
      {/* The live region stays in the page from the start, so what arrives later is announced. */}
      <div role="log" data-testid="live-feed">
        {events.length === 0 ? (
          <p className="empty">{t('cockpit.feedEmpty')}</p>
        ) : (
          <ol className="feed">
            {events.map((e) => (
              <li key={e.seq} data-action={e.action}>
                <time dateTime={e.at}>{time.format(new Date(e.at))}</time>
                <span className={`action action-${e.action}`}>{label(e.action)}</span>
                <Link to={`/cases/${e.case.id}`}>{e.case.number}</Link>
                <span className="feed-title">{e.case.title}</span>
                <span className="feed-meta">
                  {[e.case.category, e.case.area ?? e.case.leadUnit].filter(Boolean).join(' · ')}
                </span>
              </li>
            ))}
          </ol>
        )}
      </div>
    </Panel>
  );
}
