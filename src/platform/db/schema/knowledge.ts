/** Row types of the knowledge base (一网通答). */
import type { ColumnType, Generated } from 'kysely';
import type { DefaultTimestamp } from './columns.js';

export type ArticleStatus = 'draft' | 'published' | 'retired';

/** A knowledge-base article (一网通答): see migrations/0016_knowledge.ts. */
export interface KnowledgeArticlesTable {
  id: Generated<number>;
  title: string;
  questions: ColumnType<string[], string[] | undefined, string[]>;
  keywords: ColumnType<string[], string[] | undefined, string[]>;
  answer: string;
  category_id: number | null;
  owner_unit_id: number | null;
  status: ColumnType<ArticleStatus, ArticleStatus | undefined, ArticleStatus>;
  version: Generated<number>;
  valid_until: Date | null;
  use_count: Generated<number>;
  last_used_at: Date | null;
  /** Weighted bigram count of the article (BM25's document length). */
  doc_length: number;
  /** Offered to citizens on the portal (self-service Q&A); staff-only otherwise. */
  public: Generated<boolean>;
  /** Citizens who said the answer settled their question (no report filed). */
  helpful_count: Generated<number>;
  created_by: number | null;
  updated_by: number | null;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
}

/** The knowledge search index: a bigram's weighted frequency in one article. */
export interface KnowledgeTermsTable {
  term: string;
  article_id: number;
  tf: number;
}

/** BM25's corpus figures of published articles per (expiry, category): see migrations/0020_knowledge_corpus.ts. */
export interface KnowledgeCorpusTable {
  /** The articles' expiry; 'infinity' (Infinity in JS) for those that never expire. */
  valid_until: Date;
  category_id: number | null;
  docs: number;
  length_sum: number;
}
