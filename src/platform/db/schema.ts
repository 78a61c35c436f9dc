import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

/** Row types of every table, kept in step with migrations/. */
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Json = ColumnType<unknown, string, string>;
/** A timestamp the database fills in by default. */
type DefaultTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export type OrgKind = 'city' | 'district' | 'street' | 'community' | 'grid' | 'department';
export type Role =
  'citizen' | 'agent' | 'dispatcher' | 'handler' | 'grid_worker' | 'supervisor' | 'leader' | 'admin';
export type Priority = 'normal' | 'urgent' | 'critical';
export type DurationUnit = 'hours' | 'workdays';
export type Satisfaction = 'satisfied' | 'basically_satisfied' | 'unsatisfied';
export type TimerKind = 'response_warning' | 'response_due' | 'resolve_warning' | 'resolve_due';

export interface OrgUnitsTable {
  id: Generated<number>;
  code: string;
  name: string;
  short_name: string | null;
  kind: OrgKind;
  parent_id: number | null;
  path: string;
  depth: number;
  division_code: string | null;
  active: Generated<boolean>;
  created_at: DefaultTimestamp;
}

export interface UsersTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  password_hash: string;
  role: Role;
  org_unit_id: number | null;
  phone: string | null;
  active: Generated<boolean>;
  created_at: DefaultTimestamp;
}

export interface SessionsTable {
  token_hash: string;
  user_id: number;
  created_at: DefaultTimestamp;
  expires_at: Timestamp;
}

export interface CategoriesTable {
  id: Generated<number>;
  code: string;
  name: string;
  name_en: string | null;
  parent_id: number | null;
  level: number;
  is_leaf: Generated<boolean>;
  kind: Generated<'event' | 'component' | 'consultation' | 'complaint' | 'suggestion' | 'help'>;
  active: Generated<boolean>;
  created_at: DefaultTimestamp;
  /** GeoReport service attributes (extra questions) of a leaf; validated on write. */
  attributes: ColumnType<ServiceAttribute[], string | undefined, string>;
}

export type AttributeDatatype =
  'string' | 'number' | 'datetime' | 'text' | 'singlevaluelist' | 'multivaluelist';

/** One GeoReport v2 service attribute, named as the spec names its fields. */
export interface ServiceAttribute {
  code: string;
  datatype: AttributeDatatype;
  required: boolean;
  /** false: informational only, never asked of the user. */
  variable: boolean;
  order: number;
  description: string;
  datatype_description: string;
  /** The choices of the two list types; empty otherwise. */
  values: Array<{ key: string; name: string }>;
}

export interface DeadlinePoliciesTable {
  id: Generated<number>;
  category_id: number;
  priority: Priority;
  response_amount: number;
  response_unit: DurationUnit;
  resolve_amount: number;
  resolve_unit: DurationUnit;
  created_at: DefaultTimestamp;
  created_by: number | null;
  retired_at: Timestamp | null;
}

export interface CalendarOverridesTable {
  day: ColumnType<string, string, string>;
  is_workday: boolean;
  note: string | null;
  created_at: DefaultTimestamp;
}

export interface DispatchRulesTable {
  id: Generated<number>;
  category_id: number | null;
  area_unit_id: number | null;
  mode: 'unit' | 'street';
  lead_unit_id: number | null;
  co_unit_ids: ColumnType<number[], number[] | undefined, number[]>;
  note: string | null;
  created_at: DefaultTimestamp;
  created_by: number | null;
  retired_at: Timestamp | null;
}

export interface CasesTable {
  id: string;
  number: string;
  status: string;
  kind: Generated<string>;
  title: string;
  description: string;
  category_id: number | null;
  priority: Generated<Priority>;
  area_unit_id: number | null;
  area_path: string | null;
  address: string | null;
  lon: number | null;
  lat: number | null;
  /** The point's H3 cell at resolution 9 (platform/h3.ts), null without a point. */
  h3_cell: string | null;
  lead_unit_id: number | null;
  lead_unit_path: string | null;
  dispatch_rule_id: number | null;
  deadline_policy_id: number | null;
  channel: string;
  created_by: number | null;
  received_at: Timestamp;
  dispatched_at: Timestamp | null;
  accepted_at: Timestamp | null;
  contacted_at: Timestamp | null;
  response_due_at: Timestamp | null;
  resolve_due_at: Timestamp | null;
  resolved_at: Timestamp | null;
  verified_at: Timestamp | null;
  evaluated_at: Timestamp | null;
  closed_at: Timestamp | null;
  response_overdue: Generated<boolean>;
  resolve_overdue: Generated<boolean>;
  responded_in_time: boolean | null;
  resolved_in_time: boolean | null;
  direct_answer: Generated<boolean>;
  result_text: string | null;
  return_count: Generated<number>;
  reopen_count: Generated<number>;
  urge_count: Generated<number>;
  extension_count: Generated<number>;
  report_count: Generated<number>;
  eval_count: Generated<number>;
  solved_count: Generated<number>;
  satisfied_count: Generated<number>;
  merged_into: string | null;
  invalid_reason: string | null;
  version: Generated<number>;
  updated_at: Timestamp;
}

export interface CaseAssignmentsTable {
  id: string;
  case_id: string;
  unit_id: number;
  role: 'lead' | 'co';
  status: 'pending' | 'accepted' | 'returned' | 'done' | 'withdrawn';
  assigned_at: Timestamp;
  accepted_at: Timestamp | null;
  returned_at: Timestamp | null;
  return_reason: string | null;
  done_at: Timestamp | null;
  result_text: string | null;
}

export interface ReportsTable {
  id: string;
  case_id: string;
  original_case_id: string;
  channel: string;
  external_id: string | null;
  text: string;
  category_id: number | null;
  address: string | null;
  lon: number | null;
  lat: number | null;
  reporter_name: string | null;
  reporter_phone: string | null;
  reporter_id_number: string | null;
  reporter_email: ColumnType<string | null, string | null | undefined, string | null>;
  /** The registered inbound channel it came through, when it came through one. */
  inbound_channel_id: ColumnType<number | null, number | null | undefined, number | null>;
  reporter_user_id: number | null;
  anonymous: Generated<boolean>;
  confidential: Generated<boolean>;
  created_by: number | null;
  received_at: Timestamp;
  answer_text: string | null;
  answered_at: Timestamp | null;
  eval_solved: boolean | null;
  eval_satisfaction: Satisfaction | null;
  eval_comment: string | null;
  evaluated_at: Timestamp | null;
  evaluated_by: number | null;
  /** When the reporter accepted the privacy notice (self-service web form). */
  privacy_consent_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  /** Which version of the privacy notice they accepted. */
  privacy_notice_version: ColumnType<string | null, string | null | undefined, string | null>;
  /** SHA-256 of the self-service tracking code; the code itself is never stored. */
  tracking_code_hash: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface CaseEventsTable {
  id: string;
  case_id: string;
  at: Timestamp;
  action: string;
  from_status: string | null;
  to_status: string | null;
  actor_user_id: number | null;
  actor_unit_id: number | null;
  reason: string | null;
  data: Json;
  public: Generated<boolean>;
  /** Increasing number (migration 0014), the live feed's cursor; written by the database only. */
  seq: ColumnType<number, never, never>;
}

/** A live feed ticket (migration 0014): the hash of a one-minute, single-use ticket and its session. */
export interface LiveTicketsTable {
  ticket_hash: string;
  token_hash: string;
  expires_at: Timestamp;
}

export interface ExtensionRequestsTable {
  id: string;
  case_id: string;
  unit_id: number;
  amount: number;
  unit: DurationUnit;
  reason: string;
  /** moot: still pending when the case was resolved (closed by the resolve, migration 0019). */
  status: 'pending' | 'approved' | 'denied' | 'moot';
  requested_by: number | null;
  requested_at: Timestamp;
  decided_by: number | null;
  decided_at: Timestamp | null;
  decision_reason: string | null;
}

export interface AttachmentsTable {
  id: string;
  case_id: string;
  event_id: string | null;
  file_name: string;
  mime_type: string;
  size_bytes: number;
  sha256: string;
  storage_key: string;
  uploaded_by: number | null;
  created_at: Timestamp;
}

export interface TimersTable {
  id: string;
  case_id: string;
  kind: TimerKind;
  fire_at: Timestamp;
  created_at: Timestamp;
  fired_at: Timestamp | null;
  fired_by: string | null;
  cancelled_at: Timestamp | null;
}

export interface NoticesTable {
  id: string;
  case_id: string;
  unit_id: number | null;
  kind: 'warning' | 'overdue' | 'urge';
  message: string;
  created_by: number | null;
  created_at: Timestamp;
  read_at: Timestamp | null;
}

export interface IdempotencyKeysTable {
  scope: string;
  key: string;
  request_hash: string;
  status_code: number;
  response: Json;
  created_at: DefaultTimestamp;
}

export interface SettingsTable {
  key: string;
  value: Json;
  updated_at: DefaultTimestamp;
}

export interface AuditHeadsTable {
  shard: number;
  seq: ColumnType<number, number, number>;
  hash: string;
}

export interface AuditLogTable {
  shard: number;
  seq: ColumnType<number, number, number>;
  at: Timestamp;
  actor_user_id: number | null;
  action: string;
  entity: string;
  entity_id: string;
  before: Json | null;
  after: Json | null;
  prev_hash: string;
  hash: string;
}

/** An Open311 API client; the key itself is never stored, only its SHA-256. */
export interface Open311ClientsTable {
  id: Generated<number>;
  name: string;
  key_hash: string;
  jurisdiction_id: string;
  /** The service user its requests are attributed to. */
  user_id: number;
  active: Generated<boolean>;
  created_at: DefaultTimestamp;
  revoked_at: Date | null;
}

/** A registered inbound channel (12315, leader message board, WeChat gateway, app back end). */
export interface InboundChannelsTable {
  id: Generated<number>;
  /** Path segment of its webhook and prefix of its reports' external ids. */
  code: string;
  name: string;
  /** The report channel its reports carry (one of the intake channels). */
  kind: string;
  /** HMAC-SHA256 key: checks inbound signatures and signs callbacks. */
  secret: string;
  /** How the channel's payload maps onto a report. */
  field_mapping: Json;
  /** Where status changes go back (signed webhook); none when the channel does not listen. */
  callback_url: string | null;
  /** The service user its reports are attributed to. */
  user_id: number;
  active: Generated<boolean>;
  created_at: DefaultTimestamp;
  revoked_at: Date | null;
}

export type OutboxStatus = 'pending' | 'delivered' | 'failed';

/** One message to one recipient about one change, delivered at least once by the outbox job. */
export interface OutboxTable {
  id: string;
  case_id: string;
  report_id: string | null;
  /** The timeline entry that caused it. */
  event_id: string | null;
  action: string;
  adapter: 'webhook' | 'email' | 'sms';
  recipient: string;
  dedupe_key: string;
  payload: Json;
  status: ColumnType<OutboxStatus, OutboxStatus | undefined, OutboxStatus>;
  attempts: Generated<number>;
  next_attempt_at: Timestamp;
  last_error: string | null;
  created_at: Timestamp;
  delivered_at: Timestamp | null;
  /** Queueing order: one case's messages to one recipient go out in this order. */
  seq: Generated<number>;
}

/** One failed self-service tracking attempt (wrong phone digits or code) against a case number. */
export interface TrackingFailuresTable {
  id: Generated<number>;
  case_number: string;
  at: Timestamp;
}

/** One LSH bucket of a case's text (migration 0011; see modules/similar/similar.text.ts). */
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

/** A landmark or colloquial name for a street or community (migration 0009). */
export interface PlaceAliasesTable {
  id: Generated<number>;
  alias: string;
  unit_id: number;
  note: string | null;
  created_by: number | null;
  created_at: Generated<Date>;
}

/** A unit's boundary (migration 0010): MultiPolygon coordinates in WGS-84 and their box. */
export interface UnitPolygonsTable {
  unit_id: number;
  coordinates: ColumnType<number[][][][], string, string>;
  min_lon: number;
  min_lat: number;
  max_lon: number;
  max_lat: number;
  vertices: number;
  source: string;
  updated_at: Generated<Date>;
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

/** A long operation's run (retraining, …): see migrations/0015_jobs.ts. */
export interface JobsTable {
  id: string;
  kind: string;
  status: 'running' | 'succeeded' | 'failed';
  progress: Generated<number>;
  message: string | null;
  params: ColumnType<Record<string, unknown>, string | undefined, string>;
  result: ColumnType<unknown, string | undefined, string | null>;
  error: ColumnType<
    { code: string; message: string; details?: unknown } | null,
    string | undefined,
    string | null
  >;
  created_by: number | null;
  created_at: DefaultTimestamp;
  heartbeat_at: DefaultTimestamp;
  finished_at: Date | null;
}

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

/** The file a job made (an export): see migrations/0018_job_files.ts. */
export interface JobFilesTable {
  job_id: string;
  name: string;
  mime_type: string;
  size: number;
  content: Buffer;
  created_at: DefaultTimestamp;
}

export interface Database {
  org_units: OrgUnitsTable;
  users: UsersTable;
  sessions: SessionsTable;
  categories: CategoriesTable;
  deadline_policies: DeadlinePoliciesTable;
  calendar_overrides: CalendarOverridesTable;
  dispatch_rules: DispatchRulesTable;
  cases: CasesTable;
  case_assignments: CaseAssignmentsTable;
  reports: ReportsTable;
  case_events: CaseEventsTable;
  live_tickets: LiveTicketsTable;
  extension_requests: ExtensionRequestsTable;
  attachments: AttachmentsTable;
  timers: TimersTable;
  notices: NoticesTable;
  idempotency_keys: IdempotencyKeysTable;
  settings: SettingsTable;
  audit_heads: AuditHeadsTable;
  audit_log: AuditLogTable;
  open311_clients: Open311ClientsTable;
  inbound_channels: InboundChannelsTable;
  outbox: OutboxTable;
  classifier_models: ClassifierModelsTable;
  case_suggestions: CaseSuggestionsTable;
  training_labels: TrainingLabelsTable;
  tracking_failures: TrackingFailuresTable;
  case_lsh: CaseLshTable;
  similar_terms: SimilarTermsTable;
  similar_term_docs: SimilarTermDocsTable;
  merge_proposals: MergeProposalsTable;
  place_aliases: PlaceAliasesTable;
  unit_polygons: UnitPolygonsTable;
  jobs: JobsTable;
  knowledge_articles: KnowledgeArticlesTable;
  knowledge_terms: KnowledgeTermsTable;
  knowledge_corpus: KnowledgeCorpusTable;
  job_files: JobFilesTable;
}

export type OrgUnit = Selectable<OrgUnitsTable>;
export type User = Selectable<UsersTable>;
export type Category = Selectable<CategoriesTable>;
export type DeadlinePolicy = Selectable<DeadlinePoliciesTable>;
export type DispatchRule = Selectable<DispatchRulesTable>;
export type CaseRow = Selectable<CasesTable>;
export type NewCase = Insertable<CasesTable>;
export type AssignmentRow = Selectable<CaseAssignmentsTable>;
export type ReportRow = Selectable<ReportsTable>;
export type CaseEventRow = Selectable<CaseEventsTable>;
export type ExtensionRow = Selectable<ExtensionRequestsTable>;
export type TimerRow = Selectable<TimersTable>;
