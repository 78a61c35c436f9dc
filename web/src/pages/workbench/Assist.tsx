import { useTranslation } from 'react-i18next';
import type { Preview } from '../../api/intake';

const pct = (v: number) => `${Math.round(v * 100)}%`;

/** The categories the agent can choose: the model's readings that name a category, best first, and none. */
export function categoryChoices(preview: Preview | undefined) {
  const seen = new Set<string>();
  const out: Array<{ code: string; label: string; categoryName: string; confidence: number }> = [];
  for (const a of preview?.suggestion?.alternatives ?? []) {
    if (!a.categoryCode || seen.has(a.categoryCode)) continue;
    seen.add(a.categoryCode);
    out.push({
      code: a.categoryCode,
      label: a.label,
      categoryName: a.categoryName ?? a.categoryCode,
      confidence: a.confidence,
    });
  }
  return out;
}

/** 智能分类: the live reading of the text, as a radio group the agent confirms or overrides. */
export function Classification({
  preview,
  loading,
  value,
  onChange,
}: {
  preview: Preview | undefined;
  loading: boolean;
  value: string;
  onChange: (code: string) => void;
}) {
  const { t } = useTranslation();
  const choices = categoryChoices(preview);
  const s = preview?.suggestion;
  return (
    <fieldset className="assist" data-testid="classification">
      <legend>{t('workbench.classification')}</legend>
      {s ? (
        <p className="muted">
          {s.label} · {t('workbench.confidence', { value: pct(s.confidence) })}
          {s.unitName && ` · ${t('workbench.goesTo', { unit: s.unitName })}`}
        </p>
      ) : (
        <p className="muted">{loading ? t('common.loading') : t('workbench.noModel')}</p>
      )}
      {choices.map((c) => (
        <label key={c.code} className="choice">
          <input
            type="radio"
            name="category"
            value={c.code}
            checked={value === c.code}
            onChange={() => onChange(c.code)}
          />{' '}
          {c.categoryName}{' '}
          <span className="muted">
            ({c.label} · {pct(c.confidence)})
          </span>
        </label>
      ))}
      <label className="choice">
        <input type="radio" name="category" value="" checked={value === ''} onChange={() => onChange('')} />{' '}
        {t('workbench.noCategory')}
      </label>
    </fieldset>
  );
}

/** 相似在办案件: open cases this call probably repeats; one button joins the call to one (并案). */
export function SimilarCases({
  preview,
  onMerge,
  disabled,
}: {
  preview: Preview | undefined;
  onMerge: (number: string) => void;
  disabled: boolean;
}) {
  const { t } = useTranslation();
  const similar = preview?.similar ?? [];
  return (
    <section className="assist" aria-labelledby="similar-title" data-testid="similar">
      <h2 id="similar-title">{t('workbench.similar')}</h2>
      {similar.length === 0 ? (
        <p className="muted">{t('workbench.noSimilar')}</p>
      ) : (
        <ul>
          {similar.map((c) => (
            <li key={c.caseId}>
              <strong>{c.number}</strong>{' '}
              <span className="muted">{t('workbench.score', { value: pct(c.score) })}</span>
              <p>{c.title ?? c.description}</p>
              {c.address && <p className="muted">{c.address}</p>}
              <button type="button" disabled={disabled} onClick={() => onMerge(c.number)}>
                {t('workbench.mergeInto')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
