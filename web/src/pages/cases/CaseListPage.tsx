import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useCases, type CaseFilters } from '../../api/cases';
import { caseStatuses } from '../../api/models';
import { PriorityBadge, StatusBadge, When } from '../../components/Badges';
import { Deadline } from '../../components/Deadline';
import { ExportJob } from '../../components/jobs/ExportJob';
import { ErrorMessage, Loading } from '../../components/Status';

const PAGE_SIZE = 20;

/** 案件: the cases in the user's scope (the server decides the scope), filtered by status, overdue and text. */
export function CaseListPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const status = params.get('status') ?? '';
  const overdue = params.get('overdue') === 'true';
  const q = params.get('q') ?? '';
  const page = Number(params.get('page') ?? '1') || 1;
  const [text, setText] = useState(q);
  const filters: CaseFilters = {
    ...(status ? { status } : {}),
    ...(overdue ? { overdue: 'true' as const } : {}),
    ...(q ? { q } : {}),
    page,
    pageSize: PAGE_SIZE,
  };
  const cases = useCases(filters);

  const update = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    if (!('page' in changes)) next.delete('page');
    setParams(next);
  };
  const search = (e: FormEvent) => {
    e.preventDefault();
    update({ q: text.trim() || null });
  };
  const pages = cases.data ? Math.max(1, Math.ceil(cases.data.total / PAGE_SIZE)) : 1;
  const statusOptions: Array<{ value: string; label: string }> = caseStatuses.map((s) => ({
    value: s,
    label: t(`status.${s}`),
  }));
  // A filter from the home page may name several statuses at once.
  if (status && !statusOptions.some((o) => o.value === status)) {
    statusOptions.unshift({
      value: status,
      label: status
        .split(',')
        .map((s) => t(`status.${s as 'received'}`))
        .join(' / '),
    });
  }

  return (
    <section aria-labelledby="cases-title">
      <h1 id="cases-title">{t('cases.title')}</h1>
      <form className="filters row" onSubmit={search} role="search">
        <label>
          {t('cases.filterStatus')}{' '}
          <select
            value={status}
            onChange={(e) => update({ status: e.target.value || null })}
            data-testid="status-filter"
          >
            <option value="">{t('common.all')}</option>
            {statusOptions.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          <input
            type="checkbox"
            checked={overdue}
            onChange={(e) => update({ overdue: e.target.checked ? 'true' : null })}
          />{' '}
          {t('cases.overdueOnly')}
        </label>
        <label className="grow">
          <span className="sr-only">{t('cases.search')}</span>
          <input
            type="search"
            placeholder={t('cases.search')}
            aria-label={t('cases.search')}
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
        </label>
      </form>
      <ExportJob
        testId="case-export"
        request={(format) => ({
          kind: 'cases',
          format,
          filters: {
            ...(status ? { status } : {}),
            ...(overdue ? { overdue: 'true' as const } : {}),
            ...(q ? { q } : {}),
          },
        })}
      />
      {cases.isPending && <Loading />}
      {cases.isError && <ErrorMessage error={cases.error} onRetry={() => void cases.refetch()} />}
      {cases.data && cases.data.items.length === 0 && <p className="muted">{t('cases.empty')}</p>}
      {cases.data && cases.data.items.length > 0 && (
        <>
          <table className="cases" data-testid="case-table">
            <thead>
              <tr>
                <th scope="col">{t('cases.number')}</th>
                <th scope="col">{t('cases.summary')}</th>
                <th scope="col">{t('cases.status')}</th>
                <th scope="col">{t('cases.priority')}</th>
                <th scope="col">{t('cases.received')}</th>
                <th scope="col">{t('cases.deadline')}</th>
              </tr>
            </thead>
            <tbody>
              {cases.data.items.map((c) => (
                <tr key={c.id}>
                  <td>
                    <Link to={`/cases/${c.number}`}>{c.number}</Link>
                  </td>
                  <td className="summary">{c.title ?? c.description}</td>
                  <td>
                    <StatusBadge status={c.status} />
                  </td>
                  <td>
                    <PriorityBadge priority={c.priority} />
                  </td>
                  <td>
                    <When at={c.receivedAt} />
                  </td>
                  <td>
                    <Deadline due={c.resolveDueAt} doneAt={c.resolvedAt} overdue={c.resolveOverdue} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <nav className="row pager" aria-label="pages">
            <button type="button" disabled={page <= 1} onClick={() => update({ page: String(page - 1) })}>
              {t('common.prev')}
            </button>
            <span>{t('common.page', { page, pages, total: cases.data.total })}</span>
            <button type="button" disabled={page >= pages} onClick={() => update({ page: String(page + 1) })}>
              {t('common.next')}
            </button>
          </nav>
        </>
      )}
    </section>
  );
}
