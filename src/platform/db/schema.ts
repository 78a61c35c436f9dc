import type { Insertable, Selectable } from 'kysely';
import type {
  OrgUnitsTable,
  PlaceAliasesTable,
  SessionsTable,
  UnitPolygonsTable,
  UsersTable,
} from './schema/org.js';
import type {
  CalendarOverridesTable,
  CategoriesTable,
  DeadlinePoliciesTable,
  DispatchRulesTable,
} from './schema/catalogue.js';
import type {
  AttachmentsTable,
  CaseAssignmentsTable,
  CaseEventsTable,
  CasesTable,
  ExtensionRequestsTable,
  LiveTicketsTable,
  NoticesTable,
  ReportsTable,
  TimersTable,
} from './schema/cases.js';
import type {
  InboundChannelsTable,
  Open311ClientsTable,
  OutboxTable,
  TrackingFailuresTable,
} from './schema/channels.js';
import type {
  CaseLshTable,
  CaseSuggestionsTable,
  ClassifierModelsTable,
  MergeProposalsTable,
  SimilarTermDocsTable,
  SimilarTermsTable,
  TrainingLabelsTable,
} from './schema/intake.js';
import type {
  KnowledgeArticlesTable,
  KnowledgeCorpusTable,
  KnowledgeTermsTable,
} from './schema/knowledge.js';
import type {
  AuditHeadsTable,
  AuditLogTable,
  IdempotencyKeysTable,
  JobFilesTable,
  JobsTable,
  SettingsTable,
} from './schema/platform.js';

/**
 * The database as Kysely sees it: every table's row type, kept in step with migrations/. The row
 * types live in schema/ by area; everything is exported from here, so code imports this one file.
 */
export type * from './schema/org.js';
export type * from './schema/catalogue.js';
export type * from './schema/cases.js';
export type * from './schema/channels.js';
export type * from './schema/intake.js';
export type * from './schema/knowledge.js';
export type * from './schema/platform.js';

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
