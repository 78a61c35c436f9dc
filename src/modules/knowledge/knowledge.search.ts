import type { Conn } from '../../platform/db/index.js';
import { DomainError } from '../../platform/errors.js';
import { presentArticle } from './knowledge.presenter.js';
import { corpusStats } from './knowledge.corpus.js';
import { findArticleViews, findPostings } from './knowledge.repository.js';
import type { ArticleOut } from './knowledge.schema.js';
import { matchedRuns, queryTerms, rankPostings } from './knowledge.text.js';

/** Hits scoring below this share of the best one are noise beside it and are not offered. */
export const MIN_SHARE_OF_BEST = 0.4;
/** A query of several bigrams must share at least this many with an article (one common bigram is chance). */
export const MIN_MATCHED_TERMS = 2;
/** How much popularity counts: score × (1 + POPULARITY × ln(1 + uses)); relevance still decides. */
export const POPULARITY = 0.1;

export interface SearchHit {
  article: ArticleOut;
  score: number;
  matched: string[];
  terms: string[];
}

/**
 * Published, unexpired articles ranked for what a caller said (BM25 over character bigrams, see
 * knowledge.text.ts), with the stretches of the caller's words each matched. Reads only the
 * postings of the query's own bigrams (the (term, article_id) key), the corpus figures kept on
 * write (knowledge.corpus.ts) and the hits' rows, so the cost follows the query and its matches, not the size of the
 * knowledge base.
 */
export async function searchArticles(
  db: Conn,
  input: { q: string; category?: string | undefined; limit: number; publicOnly?: boolean },
  at = new Date(),
): Promise<SearchHit[]> {
  const { text, terms } = queryTerms(input.q);
  if (text.length === 0) {
    throw new DomainError('validation_failed', 'q has no words to search', { field: 'q' });
  }
  const [postings, corpus] = await Promise.all([
    // The corpus figures stay those of every live article: a citizen's query weighs words as an agent's does.
    findPostings(db, terms, at, input.category, input.publicOnly),
    corpusStats(db, at, input.category),
  ]);
  if (postings.length === 0) return [];
  const lengths = new Map(postings.map((p) => [p.articleId, p.length]));
  const uses = new Map(postings.map((p) => [p.articleId, p.uses]));
  const ranked = rankPostings(postings, { ...corpus, lengths });
  const best = ranked[0]!.score;
  const needed = Math.min(MIN_MATCHED_TERMS, terms.length);
  const kept = ranked
    .filter((r) => r.score >= MIN_SHARE_OF_BEST * best && r.terms.length >= needed)
    .map((r) => ({ ...r, score: r.score * (1 + POPULARITY * Math.log1p(uses.get(r.articleId) ?? 0)) }))
    .sort((a, b) => b.score - a.score || a.articleId - b.articleId)
    .slice(0, input.limit);
  const views = new Map(
    (
      await findArticleViews(
        db,
        kept.map((r) => r.articleId),
      )
    ).map((v) => [v.id, v]),
  );
  return kept.flatMap((r) => {
    const view = views.get(r.articleId);
    if (!view) return [];
    return [
      {
        article: presentArticle(view, at),
        score: Math.round(r.score * 1000) / 1000,
        matched: matchedRuns(text, new Set(r.terms)),
        terms: [...r.terms].sort(),
      },
    ];
  });
}
