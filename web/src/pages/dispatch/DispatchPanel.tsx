import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCase } from '../../api/cases';
import type { CaseDetail } from '../../api/models';
import {
  useActiveCategories,
  useCaseAction,
  useSimilar,
  useSplit,
  useSuggestion,
  useUnits,
  type Suggestion,
} from '../../api/workqueue';
import { PriorityBadge, StatusBadge } from '../../components/Badges';
import { Deadline } from '../../components/Deadline';
import { ErrorMessage, Loading } from '../../components/Status';
import { CategoryPicker } from '../../components/category-picker/CategoryPicker';

const pct = (v: number) => `${Math.round(v * 100)}%`;

/** The model's readings that name a unit, best first, each unit once (the picker's first group). */
function rankedUnits(s: Suggestion | null | undefined) {
  const out: Array<{ id: number; name: string; confidence: number; categoryCode: string | null }> = [];
  if (!s) return out;
  if (s.unitId && s.unitName)
    out.push({ id: s.unitId, name: s.unitName, confidence: s.confidence, categoryCode: s.categoryCode });
  for (const a of s.alternatives) {
    if (a.unitId && a.unitName && !out.some((u) => u.id === a.unitId))
      out.push({ id: a.unitId, name: a.unitName, confidence: a.confidence, categoryCode: a.categoryCode });
  }
  return out;
}

/** 派单/改派: accept the suggestion in one click, or pick a unit (the model's readings ranked first). */
function DispatchSection({ d, suggestion }: { d: CaseDetail; suggestion: Suggestion | null | undefined }) {
  const { t } = useTranslation();
  const c = d.case;
  const streets = useUnits('street');
  const departments = useUnits('department');
  const ranked = rankedUnits(suggestion);
  const [unit, setUnit] = useState(ranked[0] ? String(ranked[0].id) : '');
  const [reason, setReason] = useState('');
  const dispatch = useCaseAction('/api/cases/{id}/dispatch');
  const again = c.status !== 'received';
  // 类别: the dispatcher's pick, else the case's own category (the unit's reading may still set one).
  const leaves = useActiveCategories('leaves');
  const own = leaves.data?.find((l) => l.id === c.categoryId)?.code ?? '';
  const [picked, setPicked] = useState<string | null>(null);
  const category = picked ?? own;

  const send = (unitId: number, readingCategory: string | null) => {
    // A category the dispatcher chose wins over the model's reading; the deadlines follow it.
    const categoryCode = picked || readingCategory;
    dispatch.mutate({
      id: c.id,
      body: {
        version: c.version,
        leadUnitId: unitId,
        coUnitIds: [],
        ...(categoryCode ? { categoryCode } : {}),
        ...(reason.trim() ? { reason: reason.trim() } : {}),
      },
    });
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const id = Number(unit);
    if (!id) return;
    // A unit the model read comes with the category of that reading (it sets the deadlines).
    send(id, ranked.find((r) => r.id === id)?.categoryCode ?? null);
  };
  const chosenUnit = Number(unit);
  // Without any category the server cannot set deadlines (unknown_category): ask for one first.
  const needsCategory = !category && !ranked.find((r) => r.id === chosenUnit)?.categoryCode;

  const lastReturn = d.assignments.filter((a) => a.status === 'returned').at(-1);
  return (
    <div role="group" aria-labelledby="dp-dispatch">
      <h2 id="dp-dispatch">{again ? t('dispatch.redispatch') : t('dispatch.dispatch')}</h2>
      {lastReturn && (
        <p className="warn">
          {t('dispatch.returnedBy', { unit: lastReturn.unit.name, reason: lastReturn.returnReason ?? '—' })}
        </p>
      )}
      <h3>{t('dispatch.suggestion')}</h3>
      {suggestion ? (
        <p data-testid="suggestion">
          {suggestion.label} · {t('dispatch.confidence', { value: pct(suggestion.confidence) })}
          {suggestion.unitName ? ` → ${suggestion.unitName}` : ''}
        </p>
      ) : (
        <p className="muted">{t('dispatch.noSuggestion')}</p>
      )}
      {suggestion?.unitId && suggestion.unitName && (
        <button
          type="button"
          className="primary"
          disabled={dispatch.isPending}
          onClick={() => send(suggestion.unitId!, suggestion.categoryCode)}
        >
          {t('dispatch.acceptSuggestion', { unit: suggestion.unitName })}
        </button>
      )}
      <form onSubmit={submit}>
        <CategoryPicker label={t('dispatch.category')} value={category} onChange={setPicked} />
        <label>
          {t('dispatch.unit')}
          <select value={unit} onChange={(e) => setUnit(e.target.value)} data-testid="unit-picker">
            <option value="">{t('dispatch.chooseUnit')}</option>
            {ranked.length > 0 && (
              <optgroup label={t('dispatch.ranked')}>
                {ranked.map((r) => (
                  <option key={`r${r.id}`} value={r.id}>
                    {r.name} ({pct(r.confidence)})
                  </option>
                ))}
              </optgroup>
            )}
            <optgroup label={t('dispatch.streets')}>
              {(streets.data ?? []).map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name}
                </option>
              ))}
            </optgroup>
            <optgroup label={t('dispatch.departments')}>
              {(departments.data ?? []).map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name}
                </option>
              ))}
            </optgroup>
          </select>
        </label>
        <label>
          {t('dispatch.reason')}
          <input value={reason} onChange={(e) => setReason(e.target.value)} />
        </label>
        {needsCategory && unit && (
          <p className="warn" role="status">
            {t('dispatch.categoryNeeded')}
          </p>
        )}
        <button type="submit" disabled={!unit || needsCategory || dispatch.isPending}>
          {again ? t('dispatch.redispatch') : t('dispatch.dispatch')}
        </button>
      </form>
      {dispatch.isError && <ErrorMessage error={dispatch.error} />}
      {dispatch.isSuccess && (
        <p role="status" className="done">
          {t('dispatch.dispatched', {
            unit:
              d.assignments.find((a) => a.unit.id === dispatch.data.case.leadUnitId)?.unit.name ??
              [...(streets.data ?? []), ...(departments.data ?? [])].find(
                (u) => u.id === dispatch.data.case.leadUnitId,
              )?.name ??
              '',
          })}
        </p>
      )}
    </div>
  );
}

/** 并案: open cases that are probably the same problem, with score and evidence; or a case by number. */
function MergeSection({ d, onMerged }: { d: CaseDetail; onMerged: (number: string) => void }) {
  const { t } = useTranslation();
  const c = d.case;
  const similar = useSimilar(c.id);
  const merge = useCaseAction('/api/cases/{id}/merge');
  const [into, setInto] = useState('');
  // mutateAsync: the merged case loses its merge action (and this section) before a mutate callback would run.
  const run = (intoCase: string) =>
    void merge.mutateAsync({ id: c.id, body: { version: c.version, intoCase } }).then(
      () => onMerged(intoCase),
      () => undefined,
    );
  return (
    <div role="group" aria-labelledby="dp-merge">
      <h2 id="dp-merge">{t('dispatch.merge')}</h2>
      <h3>{t('dispatch.similar')}</h3>
      {similar.isPending && <Loading />}
      {similar.isError && <ErrorMessage error={similar.error} />}
      {similar.data && similar.data.length === 0 && <p className="muted">{t('dispatch.noSimilar')}</p>}
      {similar.data && similar.data.length > 0 && (
        <ul className="candidates" data-testid="similar-cases">
          {similar.data.map((p) => (
            <li key={p.case.id}>
              <Link to={`/cases/${p.case.number}`}>{p.case.number}</Link>{' '}
              <StatusBadge status={p.case.status as CaseDetail['case']['status']} />{' '}
              <strong>{t('dispatch.score', { value: pct(p.score) })}</strong>
              <div className="muted">
                {t('dispatch.evidence', { text: pct(p.evidence.textSimilarity) })}
                {p.evidence.metresApart != null &&
                  ` · ${t('dispatch.apart', { m: Math.round(p.evidence.metresApart) })}`}
                {p.evidence.sharedPhrases.length > 0 &&
                  ` · ${t('dispatch.shared', { words: p.evidence.sharedPhrases.slice(0, 5).join('、') })}`}
              </div>
              <button type="button" disabled={merge.isPending} onClick={() => run(p.case.number)}>
                {t('dispatch.mergeInto')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form
        className="row"
        onSubmit={(e) => {
          e.preventDefault();
          if (into.trim()) run(into.trim());
        }}
      >
        <label>
          {t('dispatch.mergeNumber')}
          <input value={into} onChange={(e) => setInto(e.target.value)} data-testid="merge-number" />
        </label>
        <button type="submit" disabled={!into.trim() || merge.isPending}>
          {t('dispatch.mergeManual')}
        </button>
      </form>
      {merge.isError && <ErrorMessage error={merge.error} />}
    </div>
  );
}

/** 拆分: each report merged into the case can leave for a new case of its own. */
function SplitSection({ d }: { d: CaseDetail }) {
  const { t } = useTranslation();
  const c = d.case;
  const split = useSplit();
  const [reason, setReason] = useState('');
  const joined = d.reports.filter((r) => r.joinedLater);
  return (
    <div role="group" aria-labelledby="dp-split">
      <h2 id="dp-split">{t('dispatch.split')}</h2>
      <p className="muted">{t('dispatch.splitHint')}</p>
      {joined.length === 0 ? (
        <p className="muted">{t('dispatch.noJoined')}</p>
      ) : (
        <>
          <label>
            {t('dispatch.splitReason')}
            <input value={reason} onChange={(e) => setReason(e.target.value)} />
          </label>
          <ul className="candidates" data-testid="joined-reports">
            {joined.map((r) => (
              <li key={r.id}>
                <div>{r.text}</div>
                {r.evaluation ? (
                  <span className="muted">{t('dispatch.rated')}</span>
                ) : (
                  <button
                    type="button"
                    disabled={split.isPending}
                    onClick={() =>
                      split.mutate({
                        id: c.id,
                        body: {
                          version: c.version,
                          reportId: r.id,
                          ...(reason.trim() ? { reason: reason.trim() } : {}),
                        },
                      })
                    }
                  >
                    {t('dispatch.splitOut')}
                  </button>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      {split.isError && <ErrorMessage error={split.error} />}
      {split.isSuccess && (
        <p role="status" className="done">
          {t('dispatch.splitDone', { number: split.data.newCase.number })}{' '}
          <Link to={`/cases/${split.data.newCase.number}`}>{split.data.newCase.number}</Link>
        </p>
      )}
    </div>
  );
}

/** The selected case: what it is, and the dispatcher's actions the server allows on it. */
export function DispatchPanel({
  idOrNumber,
  onMerged,
}: {
  idOrNumber: string;
  onMerged: (n: string) => void;
}) {
  const detail = useCase(idOrNumber);
  const suggestion = useSuggestion(idOrNumber);
  if (detail.isPending) return <Loading />;
  if (detail.isError) return <ErrorMessage error={detail.error} />;
  const d = detail.data;
  const c = d.case;
  return (
    <section className="panel" data-testid="dispatch-panel" aria-label={c.number}>
      <h2>
        <Link to={`/cases/${c.number}`}>{c.number}</Link> <StatusBadge status={c.status} />{' '}
        <PriorityBadge priority={c.priority} />{' '}
        <Deadline due={c.resolveDueAt} doneAt={c.resolvedAt} overdue={c.resolveOverdue} />
      </h2>
      <p>{c.description}</p>
      {c.address && <p className="muted">{c.address}</p>}
      {c.actions.includes('dispatch') && <DispatchSection d={d} suggestion={suggestion.data} />}
      {c.actions.includes('merge') && <MergeSection d={d} onMerged={onMerged} />}
      {c.actions.includes('split') && <SplitSection d={d} />}
    </section>
  );
}
