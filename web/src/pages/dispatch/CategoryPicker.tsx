import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLeafCategories } from '../../api/workqueue';
import { ErrorMessage } from '../../components/Status';

const MAX_SHOWN = 60;

/**
 * 类别: a searchable list of the taxonomy's active leaves (by code, name or a parent's name). The
 * dispatcher sets a case's category here when neither the report nor the model gave one, or changes it.
 */
export function CategoryPicker({ value, onChange }: { value: string; onChange: (code: string) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const leaves = useLeafCategories();
  const [query, setQuery] = useState('');
  const q = query.trim().toLowerCase();
  const all = leaves.data ?? [];
  const matching = q ? all.filter((c) => c.code.startsWith(q) || c.path.toLowerCase().includes(q)) : all;
  const shown = matching.slice(0, MAX_SHOWN);
  // The chosen category stays listed even when the search no longer matches it.
  const chosen = all.find((c) => c.code === value);
  if (chosen && !shown.includes(chosen)) shown.unshift(chosen);
  return (
    <fieldset className="category-picker">
      <legend>{t('dispatch.category')}</legend>
      <label htmlFor={`${id}-q`}>{t('dispatch.categorySearch')}</label>
      <input
        id={`${id}-q`}
        type="search"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        placeholder={t('dispatch.categoryPlaceholder')}
        data-testid="category-search"
      />
      <label htmlFor={`${id}-c`}>{t('dispatch.categoryChoose')}</label>
      <select
        id={`${id}-c`}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        data-testid="category-picker"
      >
        <option value="">{t('dispatch.categoryNone')}</option>
        {shown.map((c) => (
          <option key={c.code} value={c.code}>
            {c.code} {c.path}
          </option>
        ))}
      </select>
      <p className="muted" aria-live="polite">
        {leaves.isPending
          ? t('dispatch.categoryLoading')
          : t('dispatch.categoryCount', {
              shown: Math.min(matching.length, MAX_SHOWN),
              total: matching.length,
            })}
      </p>
      {leaves.isError && <ErrorMessage error={leaves.error} />}
    </fieldset>
  );
}
