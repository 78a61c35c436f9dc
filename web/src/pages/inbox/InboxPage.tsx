import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useInbox, type InboxBucket, type InboxItem, type UnitAction } from '../../api/inbox';
import { PriorityBadge, StatusBadge } from '../../components/Badges';
import { CaseActions } from '../../components/case-actions/CaseActions';
import { Deadline } from '../../components/Deadline';
import { ErrorMessage, Loading } from '../../components/Status';
import { useSession } from '../../session/session';

const buckets: readonly InboxBucket[] = ['to_accept', 'in_progress', 'sent_back', 'co_handling'];

/** The deadline that presses now: the response deadline until the reporter is contacted, then resolution. */
function NextDeadline({ item }: { item: InboxItem }) {
  const { t } = useTranslation();
  const c = item.case;
  const response = !c.contactedAt && c.responseDueAt;
  return (
    <span className="deadline">
      <span className="muted">{t(response ? 'inbox.responseDue' : 'inbox.resolveDue')} </span>
      {response ? (
        <Deadline due={c.responseDueAt} overdue={c.responseOverdue} unit={item.deadlineUnits.response} />
      ) : (
        <Deadline due={c.resolveDueAt} overdue={c.resolveOverdue} unit={item.deadlineUnits.resolve} />
      )}
    </span>
  );
}

function Row({ item, selected, onSelect }: { item: InboxItem; selected: boolean; onSelect: () => void }) {
  const { t } = useTranslation();
  const c = item.case;
  return (
    <li className={`inbox-item${selected ? ' selected' : ''}`} data-testid="inbox-item" data-case={c.number}>
      <div className="row spread">
        <Link to={`/cases/${c.number}`}>{c.number}</Link>
        <NextDeadline item={item} />
      </div>
      <p className="inbox-title">{c.title ?? c.description}</p>
      <div className="row">
        <span className={`badge bucket-${item.bucket}`}>{t(`inbox.bucket.${item.bucket}`)}</span>
        <StatusBadge status={c.status} />
        <PriorityBadge priority={c.priority} />
        <span className="muted">
          {t(item.assignment.role === 'lead' ? 'inbox.lead' : 'inbox.co')} · {item.assignment.unit.name}
        </span>
      </div>
      {c.address && <p className="muted">{c.address}</p>}
      {item.sentBack && (
        <p className="warn">
          {t(`inbox.sentBack.${item.sentBack.action}`, { reason: item.sentBack.reason ?? '—' })}
        </p>
      )}
      <button type="button" onClick={onSelect} aria-pressed={selected}>
        {t('inbox.select')}
      </button>
    </li>
  );
}

/** 承办: the unit's open cases — to accept, in progress, sent back, co-handling — and the action panel. */
export function InboxPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const inbox = useInbox();
  const [params, setParams] = useSearchParams();
  // What was last done, kept here: a resolved or returned case leaves the list (and its panel).
  const [last, setLast] = useState<{ number: string; action: UnitAction } | null>(null);
  const bucket = buckets.find((b) => b === params.get('bucket')) ?? null;
  const selectedId = params.get('case');
  const set = (key: string, value: string | null) =>
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        if (value === null) next.delete(key);
        else next.set(key, value);
        return next;
      },
      { replace: true },
    );

  if (inbox.isPending) return <Loading />;
  if (inbox.isError) return <ErrorMessage error={inbox.error} onRetry={() => void inbox.refetch()} />;
  const { items, counts, truncated } = inbox.data;
  const shown = bucket ? items.filter((i) => i.bucket === bucket) : items;
  const selected = items.find((i) => i.case.id === selectedId) ?? null;

  return (
    <section aria-labelledby="inbox-title" data-testid="inbox">
      <h1 id="inbox-title">{t('inbox.title')}</h1>
      <p className="muted">{t('inbox.subtitle', { unit: user.unit?.name ?? '' })}</p>
      <div className="row tabs" role="group" aria-label={t('inbox.list')}>
        <button type="button" aria-pressed={bucket === null} onClick={() => set('bucket', null)}>
          {t('inbox.bucket.all')} ({items.length})
        </button>
        {buckets.map((b) => (
          <button
            key={b}
            type="button"
            aria-pressed={bucket === b}
            onClick={() => set('bucket', b)}
            data-testid={`bucket-${b}`}
          >
            {t(`inbox.bucket.${b}`)} ({counts[b]})
          </button>
        ))}
      </div>
      <p role="status" className="ok" data-testid="inbox-status">
        {last ? `${last.number} ${t(`caseActions.done.${last.action}`)}` : ''}
      </p>
      {truncated && <p className="warn">{t('inbox.truncated', { count: items.length })}</p>}
      <div className="columns">
        <div>
          <h2 className="sr-only">{t('inbox.list')}</h2>
          {shown.length === 0 ? (
            <p className="muted">{t('inbox.empty')}</p>
          ) : (
            <ol className="inbox-list">
              {shown.map((item) => (
                <Row
                  key={item.case.id}
                  item={item}
                  selected={item.case.id === selected?.case.id}
                  onSelect={() => set('case', item.case.id)}
                />
              ))}
            </ol>
          )}
        </div>
        <aside>
          {selected ? (
            <div className="panel" data-testid="inbox-panel">
              <p>
                <strong>{selected.case.number}</strong>{' '}
                <Link to={`/cases/${selected.case.number}`}>{t('inbox.openDetail')}</Link>
              </p>
              <CaseActions
                key={selected.case.id}
                caseRef={selected.case}
                work={selected}
                onDone={(action) => setLast({ number: selected.case.number, action })}
              />
            </div>
          ) : (
            <p className="muted">{t('inbox.chooseOne')}</p>
          )}
        </aside>
      </div>
    </section>
  );
}
