import { normalise, shingles } from '../similar/index.js';

/**
 * Knowledge search over free Chinese text. A caller never says an article's title, so articles and
 * queries are compared by character bigrams of similar.text's normalised text (no dictionary, no
 * segmenter; boilerplate greetings already gone) and ranked with BM25 (k1 = 1.2, b = 0.75).
 *
 * An article's term frequency is field-weighted presence (BM25F-like): a bigram in a question
 * variant or a keyword counts 3, in the title 2, in the answer 1. What callers ask is said in the
 * questions; the answer's words help, but a long answer mentions much it is not about.
 */

export const FIELD_WEIGHTS = { questions: 3, keywords: 3, title: 2, answer: 1 } as const;
const K1 = 1.2;
const B = 0.75;
/** The most bigrams of a query that are looked up (a long monologue still reads a bounded index). */
export const MAX_QUERY_TERMS = 400;

/**
 * Bigrams of how people ask, not of what they ask about: they stay in the index (an article may be
 * about 可以 …) but a query does not look them up, so "请问怎么办" matches nothing by itself.
 */
const QUESTION_WORDS = new Set([
  '请问', '怎么', '么办', '什么', '如何', '哪里', '哪儿', '可以', '是否', '需要', '能不', '不能',
  '我们', '我家', '我的', '一下', '这个', '那个', '有没', '没有', '问一', '想问', '咨询', '知道',
  '办理', '在哪', '哪些',
]); // prettier-ignore

export interface ArticleText {
  title: string;
  questions: readonly string[];
  keywords: readonly string[];
  answer: string;
}

/** An article's index rows: each bigram's weighted frequency, and the document length (their sum). */
export function articleTerms(a: ArticleText): { terms: Map<string, number>; length: number } {
  const terms = new Map<string, number>();
  const add = (texts: readonly string[], weight: number) => {
    const seen = new Set<string>();
    for (const t of texts) for (const g of shingles(normalise(t))) seen.add(g);
    for (const g of seen) terms.set(g, (terms.get(g) ?? 0) + weight);
  };
  add(a.questions, FIELD_WEIGHTS.questions);
  add(a.keywords, FIELD_WEIGHTS.keywords);
  add([a.title], FIELD_WEIGHTS.title);
  add([a.answer], FIELD_WEIGHTS.answer);
  let length = 0;
  for (const tf of terms.values()) length += tf;
  return { terms, length };
}

/** A query's normalised text and the distinct bigrams it looks up (question words left out). */
export function queryTerms(q: string): { text: string; terms: string[] } {
  const text = normalise(q);
  const terms = [...shingles(text)].filter((g) => g.length === 2 && !QUESTION_WORDS.has(g));
  return { text, terms: terms.slice(0, MAX_QUERY_TERMS) };
}

/** What the index holds for one article and the query's bigrams it contains. */
export interface Posting {
  articleId: number;
  term: string;
  tf: number;
}

export interface Ranked {
  articleId: number;
  score: number;
  terms: string[];
}

/**
 * BM25 over the postings of a query's bigrams: `docs` live articles of average length `avgLength`,
 * `lengths` the matched articles' lengths. A term's document frequency is the number of its
 * postings (every live article holding it is among them).
 */
export function rankPostings(
  postings: readonly Posting[],
  corpus: { docs: number; avgLength: number; lengths: ReadonlyMap<number, number> },
): Ranked[] {
  const df = new Map<string, number>();
  for (const p of postings) df.set(p.term, (df.get(p.term) ?? 0) + 1);
  const byArticle = new Map<number, Ranked>();
  const avg = corpus.avgLength || 1;
  for (const p of postings) {
    const n = df.get(p.term)!;
    const idf = Math.log(1 + (corpus.docs - n + 0.5) / (n + 0.5));
    const len = corpus.lengths.get(p.articleId) ?? avg;
    const part = (idf * p.tf * (K1 + 1)) / (p.tf + K1 * (1 - B + (B * len) / avg));
    const r = byArticle.get(p.articleId) ?? { articleId: p.articleId, score: 0, terms: [] };
    r.score += part;
    r.terms.push(p.term);
    byArticle.set(p.articleId, r);
  }
  return [...byArticle.values()].sort((a, b) => b.score - a.score || a.articleId - b.articleId);
}

/**
 * The runs of the normalised query that an article matched, for highlighting: overlapping matched
 * bigrams join into one run (垃圾 + 圾分 + 分类 → 垃圾分类), longest first.
 */
export function matchedRuns(text: string, matched: ReadonlySet<string>): string[] {
  const runs = new Set<string>();
  let start = -1;
  for (let i = 0; i + 2 <= text.length + 1; i++) {
    const hit = i + 2 <= text.length && matched.has(text.slice(i, i + 2));
    if (hit && start < 0) start = i;
    if (!hit && start >= 0) {
      runs.add(text.slice(start, i + 1));
      start = -1;
    }
  }
  return [...runs].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
}
