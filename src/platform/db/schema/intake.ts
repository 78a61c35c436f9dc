/** Row types of smart intake: 并案 (similar cases and merge decisions) and the classifier. */
import type { ColumnType, Generated } from 'kysely';
import type { Timestamp, Json, DefaultTimestamp } from './columns.js';

/** Bigram document frequencies over recent cases (migration 0013, written by similar.count-terms). */
export interface SimilarTermsTable {
  bigram: string;
  df: number;
}

/** The one row saying how many cases similar_terms counted, and when. */
export interface SimilarTermDocsTable {
  id: Generated<boolean>;
  docs: number;
  counted_at: Date;
}

/** One LSH bucket of a case's text (migration 0011; see modules/similar/similar.text.ts). */
export interface CaseLshTable {
  bucket: number;
  received_at: Date;
  case_id: string;
}

/** A staff decision on a proposed merge pair (并案). */
export interface MergeProposalsTable {
  case_id: string;
  candidate_case_id: string;
  score: number;
  evidence: ColumnType<unknown, string, string>;
  status: 'proposed' | 'accepted' | 'rejected';
  decided_by: number | null;
  decided_at: Date | null;
  reason: string | null;
  created_at: Date;
}

/** One trained classifier in the registry; at most one is active. */
export interface ClassifierModelsTable {
  id: Generated<number>;
  version: number;
  name: string;
  /** Where its examples came from: `file:<name>` or `db`. */
  source: string;
  /** Each label → the category and/or unit a report with that label goes to. */
  label_map: ColumnType<LabelMap, string, string>;
  metrics: ColumnType<Record<string, unknown>, string | undefined, string>;
  examples: number;
  sha256: string;
  size_bytes: number;
  model: Buffer;
  active: Generated<boolean>;
  created_at: DefaultTimestamp;
  activated_at: Date | null;
  created_by: number | null;
}

export type LabelMap = Record<string, { categoryCode?: string; unitCode?: string }>;

/** What the active model suggested for a new case, and what intake did with it. */
export interface CaseSuggestionsTable {
  case_id: string;
  model_id: number;
  label: string;
  confidence: number;
  category_id: number | null;
  unit_id: number | null;
  alternatives: Json;
  phrases: Json;
  /** auto_dispatched | queued | category_given */
  decision: string;
  created_at: Timestamp;
}

/** The city's own answer for a case: the unit that accepted it as lead, and its category. */
export interface TrainingLabelsTable {
  case_id: string;
  text: string;
  category_id: number | null;
  unit_id: number;
  source: string;
  labelled_at: Timestamp;
}
