import { useTranslation } from 'react-i18next';
import { useTopics } from '../../api/metrics';
import { Panel } from './Panel';

/** 热点诉求: the busiest categories of the last 7 days and the ones rising against the 28 before. */
export function Topics() {
  const { t } = useTranslation();
  const topics = useTopics({ days: 7, baselineDays: 28, limit: 6 });
  const top = topics.data?.top ?? [];
  const rising = topics.data?.rising ?? [];
  const max = Math.max(1, ...top.map((r) => r.recent));
  return (
    <Panel id="topics" scrollable title={t('cockpit.topics')}>
      <div className="topics">
        <div>
          <h3>{t('cockpit.top')}</h3>
          {top.length === 0 ? (
            <p className="empty">{t('cockpit.noData')}</p>
          ) : (
            <ol className="bars" data-testid="top-categories">
              {top.map((r) => (
                <li key={r.id}>
                  <span className="bar-name">{r.name}</span>
                  <span className="bar" style={{ width: `${(r.recent / max) * 100}%` }} aria-hidden="true" />
                  <span className="bar-value">{t('cockpit.cases', { count: r.recent })}</span>
                </li>
              ))}
            </ol>
          )}
        </div>
        <div>
          <h3>{t('cockpit.rising')}</h3>
          {rising.length === 0 ? (
            <p className="empty">{t('cockpit.risingNone')}</p>
          ) : (
            <ol className="rising" data-testid="rising-categories">
              {rising.map((r) => (
                <li key={r.id}>
                  <span className="bar-name">{r.name}</span>
                  <span className="up">▲ {r.rise.toFixed(1)}</span>
                  <span className="bar-value">
                    {r.recent} / {r.baseline}
                  </span>
                </li>
              ))}
            </ol>
          )}
        </div>
      </div>
    </Panel>
  );
}
