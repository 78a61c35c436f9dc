import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { CaseView } from '../../api/models';
import {
  useCaseAction,
  useIntakeQueue,
  useQueueCases,
  type QueueCase,
  type Suggestion,
} from '../../api/workqueue';
import { ErrorMessage, Loading } from '../../components/Status';
import { QueueTabs, WorkList } from '../../components/WorkList';
import { DispatchPanel } from './DispatchPanel';

const tabs = ['queue', 'returned', 'disputed', 'overdue'] as const;
type Tab = (typeof tabs)[number];
const open = 'received,dispatched,accepted,in_progress,returned';

interface Row {
  case: CaseView;
  suggestion?: Suggestion | null;
  lastReturn?: QueueCase['lastReturn'];
}

const pct = (v: number) => `${Math.round(v * 100)}%`;

/**
 * 派单: the dispatcher's queues — low-confidence intake with the model's suggestion, cases returned
 * by their unit, disputes, overdue cases — and, beside the selected case, dispatch or reassign
 * (one key to accept the suggestion), merge into an open case, split a merged report back out.
 */
export function DispatchPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const tab: Tab = tabs.find((x) => x === params.get('tab')) ?? 'queue';
  const selected = params.get('case');
  const [lookup, setLookup] = useState('');
  const [merged, setMerged] = useState<string | null>(null);

  const queue = useIntakeQueue(tab === 'queue');
  const returned = useQueueCases({ status: 'returned', pageSize: 100 }, tab === 'returned');
  const disputed = useQueueCases({ disputed: 'true', pageSize: 100 }, tab === 'disputed');
  const overdue = useQueueCases(
    { status: open, overdue: 'true', sort: 'due', pageSize: 100 },
    tab === 'overdue',
  );
  const dispatch = useCaseAction('/api/cases/{id}/dispatch');

  const source =
    tab === 'queue' ? queue : tab === 'returned' ? returned : tab === 'disputed' ? disputed : overdue;
  const rows: Row[] =
    tab === 'queue'
      ? (queue.data?.items ?? [])
      : (source === queue ? [] : ((source.data?.items ?? []) as QueueCase[])).map((c) => ({
          case: c,
          lastReturn: c.lastReturn,
        }));

  const select = (idOrNumber: string | null, nextTab: Tab = tab) => {
    if (idOrNumber !== selected) setMerged(null);
    const next = new URLSearchParams(params);
    next.set('tab', nextTab);
    if (idOrNumber) next.set('case', idOrNumber);
    else next.delete('case');
    setParams(next, { replace: true });
  };
  const selectedRow = rows.find((r) => r.case.id === selected || r.case.number === selected);

  /** a: accept the model's suggestion for the selected case (its unit and category). */
  const accept = (row: Row) => {
    const s = row.suggestion;
    if (!s?.unitId || !row.case.actions.includes('dispatch')) return false;
    dispatch.mutate({
      id: row.case.id,
      body: {
        version: row.case.version,
        leadUnitId: s.unitId,
        coUnitIds: [],
        ...(s.categoryCode ? { categoryCode: s.categoryCode } : {}),
      },
    });
    return true;
  };

  const extra = (row: Row) => {
    if (row.suggestion)
      return (
        <span>
          {row.suggestion.label} · {t('dispatch.confidence', { value: pct(row.suggestion.confidence) })}
          {row.suggestion.unitName ? ` → ${row.suggestion.unitName}` : ''}
        </span>
      );
    if (row.lastReturn)
      return t('dispatch.returnedBy', {
        unit: row.lastReturn.unitName,
        reason: row.lastReturn.reason ?? '—',
      });
    if (tab === 'disputed')
      return t('dispatch.counts', { returns: row.case.counts.returns, reopens: row.case.counts.reopens });
    return null;
  };

  return (
    <section aria-labelledby="dispatch-title">
      <h1 id="dispatch-title">{t('dispatch.title')}</h1>
      <QueueTabs
        label={t('dispatch.tabs')}
        tabs={tabs}
        current={tab}
        onChange={(x) => select(null, x)}
        names={(x) => t(`dispatch.tab.${x}`)}
      />
      <p className="muted">
        {t(`dispatch.hint.${tab}`)} · {t('dispatch.keys')}
      </p>
      <form
        className="row"
        onSubmit={(e) => {
          e.preventDefault();
          if (lookup.trim()) select(lookup.trim());
        }}
      >
        <label>
          {t('dispatch.openNumber')}{' '}
          <input value={lookup} onChange={(e) => setLookup(e.target.value)} data-testid="open-number" />
        </label>
        <button type="submit">{t('dispatch.open')}</button>
      </form>
      <div className="queue" id="queue-panel" role="tabpanel" aria-labelledby={`tab-${tab}`}>
        <div>
          {source.isPending && <Loading />}
          {source.isError && <ErrorMessage error={source.error} onRetry={() => void source.refetch()} />}
          {dispatch.isError && <ErrorMessage error={dispatch.error} />}
          {source.data && (
            <WorkList
              label={t('dispatch.list')}
              items={rows}
              selected={selectedRow?.case.id ?? null}
              onSelect={(r) => select(r.case.id)}
              extra={extra}
              onKey={(key, r) => key === 'a' && accept(r)}
              testId="dispatch-list"
            />
          )}
        </div>
        {selected ? (
          <div>
            {merged && (
              <p role="status" className="done">
                {t('dispatch.merged', { number: merged })}
              </p>
            )}
            <DispatchPanel
              key={selected}
              idOrNumber={selected}
              onMerged={(number) => {
                // The case lives on in the other one: show that one, with the report it gained.
                select(number);
                setMerged(number);
              }}
            />
          </div>
        ) : (
          <p className="panel muted">{t('dispatch.noneSelected')}</p>
        )}
      </div>
      {dispatch.isSuccess && (
        <p role="status" className="done">
          <Link to={`/cases/${dispatch.data.case.number}`}>{dispatch.data.case.number}</Link>{' '}
          {t('status.dispatched')}
        </p>
      )}
    </section>
  );
}
