import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { useKnowledgeSearch, type KnowledgeHit } from '../../api/knowledge';

/** The article an answer was taken from: its id goes with the answer (counted as a use). */
export interface UsedArticle {
  id: number;
  title: string;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** `text` with every occurrence of the matched terms in <mark> (longest terms first). */
export function Highlighted({ text, terms }: { text: string; terms: readonly string[] }) {
  if (terms.length === 0) return <>{text}</>;
  const pattern = new RegExp(
    `(${[...terms]
      .sort((a, b) => b.length - a.length)
      .map(escape)
      .join('|')})`,
    'gi',
  );
  const parts = text.split(pattern);
  return (
    <>{parts.map((p, i) => (i % 2 === 1 ? <mark key={i}>{p}</mark> : <Fragment key={i}>{p}</Fragment>))}</>
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
            {hits.map(({ article: a, matched }) => (
              <li key={a.id} data-testid={`knowledge-${a.id}`}>
                <strong>
                  <Highlighted text={a.title} terms={matched} />
                </strong>
                <p className="muted">
                  {[
                    a.category?.name,
                    t('knowledgeAnswers.uses', { count: a.useCount }),
                    a.validUntil && t('knowledgeAnswers.validUntil', { date: a.validUntil }),
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </p>
                <p className="kn-answer">
                  <Highlighted text={a.answer} terms={matched} />
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
