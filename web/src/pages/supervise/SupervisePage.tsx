import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useQueueCases, type QueueCase } from '../../api/workqueue';
import { ErrorMessage, Loading } from '../../components/Status';
import { QueueTabs, WorkList } from '../../components/WorkList';
import { SupervisePanel, type SuperviseTab } from './SupervisePanel';

const tabs = ['verify', 'urge', 'extension', 'callback'] as const satisfies readonly SuperviseTab[];

/**
 * 督办: resolved cases to verify, cases to urge (deadline nearest first), extension requests to
 * decide, and the callback queue (回访) where a rating taken by phone is recorded; the selected
 * case's action sits beside the list.
 */
export function SupervisePage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const tab: SuperviseTab = tabs.find((x) => x === params.get('tab')) ?? 'verify';
  const selected = params.get('case');
  const lists = {
    verify: useQueueCases({ status: 'resolved', pageSize: 100 }, tab === 'verify'),
    urge: useQueueCases(
      { status: 'dispatched,accepted,in_progress', sort: 'due', pageSize: 100 },
      tab === 'urge',
    ),
    extension: useQueueCases({ pendingExtension: 'true', pageSize: 100 }, tab === 'extension'),
    callback: useQueueCases({ awaitingCallback: 'true', pageSize: 100 }, tab === 'callback'),
  };
  const source = lists[tab];
  // Cases answered at intake are not verified on site: they go straight to the callback.
  const rows = (source.data?.items ?? [])
    .filter((c) => tab !== 'verify' || !c.directAnswer)
    .map((c) => ({ case: c }));

  const select = (id: string | null, nextTab: SuperviseTab = tab) => {
    const next = new URLSearchParams(params);
    next.set('tab', nextTab);
    if (id) next.set('case', id);
    else next.delete('case');
    setParams(next, { replace: true });
  };

  const extra = ({ case: c }: { case: QueueCase }) => {
    switch (tab) {
      case 'verify':
        return c.result;
      case 'urge':
        return c.counts.urges > 0 ? t('supervise.urged', { count: c.counts.urges }) : null;
      case 'extension':
        return c.pendingExtension
          ? t('supervise.request', {
              amount: c.pendingExtension.amount,
              unit: t(`supervise.${c.pendingExtension.unit}`),
              reason: c.pendingExtension.reason,
            })
          : null;
      case 'callback':
        return `${c.counts.evaluations}/${c.counts.reports} ${t('supervise.rated')}`;
    }
  };

  return (
    <section aria-labelledby="supervise-title">
      <h1 id="supervise-title">{t('supervise.title')}</h1>
      <QueueTabs
        label={t('supervise.tabs')}
        tabs={tabs}
        current={tab}
        onChange={(x) => select(null, x)}
        names={(x) => t(`supervise.tab.${x}`)}
      />
      <p className="muted">
        {t(`supervise.hint.${tab}`)} · {t('supervise.keys')}
      </p>
      <div className="queue" id="queue-panel" role="tabpanel" aria-labelledby={`tab-${tab}`}>
        <div>
          {source.isPending && <Loading />}
          {source.isError && <ErrorMessage error={source.error} onRetry={() => void source.refetch()} />}
          {source.data && (
            <WorkList
              label={t('supervise.list')}
              items={rows}
              selected={selected}
              onSelect={(r) => select(r.case.id)}
              extra={extra}
              testId="supervise-list"
            />
          )}
        </div>
        {selected ? (
          <SupervisePanel key={`${tab}-${selected}`} id={selected} tab={tab} />
        ) : (
          <p className="panel muted">{t('supervise.noneSelected')}</p>
        )}
      </div>
    </section>
  );
}
