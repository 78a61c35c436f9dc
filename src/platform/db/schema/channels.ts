/** Row types of the channels: Open311 clients, inbound channels, the outbox, self-service tracking. */
import type { ColumnType, Generated } from 'kysely';
import type { Timestamp, Json, DefaultTimestamp } from './columns.js';

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
