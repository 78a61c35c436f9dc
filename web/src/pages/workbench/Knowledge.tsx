import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { useKnowledgeSearch, type KnowledgeHit } from '../../api/knowledge';

/** The article an answer was taken from: its id goes with the answer (counted as a use). */
export interface UsedArticle {
  id: number;
  title: string;
}

/**
 * `text` with every stretch covered by a matched bigram in <mark>: a character is marked when a
 * bigram starting at it or just before it is one of `terms` (so 共享+享单+单车 marks 共享单车 whole).
 */
export function Highlighted({ text, terms }: { text: string; terms: readonly string[] }) {
  const set = new Set(terms);
  const lower = text.toLowerCase();
  const marked = new Array<boolean>(text.length).fill(false);
  for (let i = 0; i + 2 <= text.length; i++) {
    if (set.has(lower.slice(i, i + 2))) marked[i] = marked[i + 1] = true;
  }
  const parts: Array<{ text: string; mark: boolean }> = [];
  for (let i = 0; i < text.length; i++) {
    const last = parts[parts.length - 1];
    if (last && last.mark === marked[i]) last.text += text[i];
    else parts.push({ text: text[i]!, mark: marked[i]! });
  }
  return (
    <>
      {parts.map((p, i) => (p.mark ? <mark key={i}>{p.text}</mark> : <Fragment key={i}>{p.text}</Fragment>))}
    </>
  );
}

/**
 * 知识答案: published answers for what the caller says, looked up as the agent types (the text
 * already debounced by the workbench), each with its matched words marked and a button that fills
 * the direct answer. Nothing is shown while there is no match.
 */
export function KnowledgeAnswers({
  text,
  usedId,
  onUse,
}: {
  text: string;
  usedId: number | null;
  onUse: (article: UsedArticle, answer: string) => void;
}) {
  const { t } = useTranslation();
  const search = useKnowledgeSearch(text.length >= 4 ? { q: text, limit: 3 } : null);
  const hits: KnowledgeHit[] = text.length >= 4 ? (search.data ?? []) : [];
  return (
    <div aria-live="polite" data-testid="knowledge">
      {hits.length > 0 && (
        <section className="assist" aria-labelledby="kn-title">
          <h2 id="kn-title">{t('knowledgeAnswers.title')}</h2>
          <p className="muted">{t('knowledgeAnswers.hint')}</p>
          <ul>
            {hits.map(({ article: a, terms, matched }) => (
              <li key={a.id} data-testid={`knowledge-${a.id}`}>
                <strong>
                  <Highlighted text={a.title} terms={terms} />
                </strong>
                <p className="muted">
                  {[
                    a.category?.name,
                    t('knowledgeAnswers.uses', { count: a.useCount }),
                    a.validUntil && t('knowledgeAnswers.validUntil', { date: a.validUntil }),
                    t('knowledgeAnswers.matched', { terms: matched.join('、') }),
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </p>
                <p className="kn-answer">
                  <Highlighted text={a.answer} terms={terms} />
                </p>
                <button
                  type="button"
                  aria-label={t('knowledgeAnswers.useLabel', { title: a.title })}
                  aria-pressed={usedId === a.id}
                  onClick={() => onUse({ id: a.id, title: a.title }, a.answer)}
                >
                  {usedId === a.id ? t('knowledgeAnswers.used') : t('knowledgeAnswers.use')}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
