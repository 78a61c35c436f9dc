/** Row types of the case loop: cases, their reports, assignments, events, extensions, files, timers and notices. */
import type { ColumnType, Generated } from 'kysely';
import type { Timestamp, Json } from './columns.js';
import type { DurationUnit, Priority } from './catalogue.js';

export type Satisfaction = 'satisfied' | 'basically_satisfied' | 'unsatisfied';

export type TimerKind = 'response_warning' | 'response_due' | 'resolve_warning' | 'resolve_due';

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
