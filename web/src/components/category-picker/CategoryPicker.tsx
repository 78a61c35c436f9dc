import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useActiveCategories } from '../../api/workqueue';
import { ErrorMessage } from '../Status';

const MAX_SHOWN = 60;

/**
 * 类别: a searchable list of the taxonomy's active categories (by code, name or a parent's name).
 * `leaves` (the default) offers only the leaves a case is filed under (the dispatcher's 派单 panel);
 * `any` offers every level, for what applies to a whole branch (a knowledge article's category, a
 * dispatch rule's). `noneLabel` names what no category means where it means something (任意分类).
 */
export function CategoryPicker({
  label,
  value,
  onChange,
  levels = 'leaves',
  noneLabel,
}: {
  label: string;
  value: string;
  onChange: (code: string) => void;
  levels?: 'leaves' | 'any';
  noneLabel?: string;
}) {
  const { t } = useTranslation();
  const id = useId();
  const categories = useActiveCategories(levels);
  const [query, setQuery] = useState('');
  const q = query.trim().toLowerCase();
  const all = categories.data ?? [];
  const matching = q ? all.filter((c) => c.code.startsWith(q) || c.path.toLowerCase().includes(q)) : all;
  const shown = matching.slice(0, MAX_SHOWN);
  // The chosen category stays listed even when the search no longer matches it.
  const chosen = all.find((c) => c.code === value);
  if (chosen && !shown.includes(chosen)) shown.unshift(chosen);
  return (
    <fieldset className="category-picker">
      <legend>{label}</legend>
      <label htmlFor={`${id}-q`}>{t('categoryPicker.search')}</label>
      <input
        id={`${id}-q`}
        type="search"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        placeholder={t('categoryPicker.placeholder')}
        data-testid="category-search"
      />
      <label htmlFor={`${id}-c`}>{t('categoryPicker.choose')}</label>
      <select
        id={`${id}-c`}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        data-testid="category-picker"
      >
        <option value="">{noneLabel ?? t('categoryPicker.none')}</option>
        {shown.map((c) => (
          <option key={c.code} value={c.code}>
            {c.code} {c.path}
          </option>
        ))}
      </select>
      <p className="muted" aria-live="polite">
        {categories.isPending
          ? t('categoryPicker.loading')
          : t('categoryPicker.count', {
              shown: Math.min(matching.length, MAX_SHOWN),
              total: matching.length,
            })}
      </p>
      {categories.isError && <ErrorMessage error={categories.error} />}
    </fieldset>
  );
}
