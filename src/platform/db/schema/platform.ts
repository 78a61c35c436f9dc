/** Row types of the platform: idempotency, settings, the audit chain, jobs and their files. */
import type { ColumnType, Generated } from 'kysely';
import type { Timestamp, Json, DefaultTimestamp } from './columns.js';

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

/** The file a job made (an export): see migrations/0018_job_files.ts. */
export interface JobFilesTable {
  job_id: string;
  name: string;
  mime_type: string;
  size: number;
  content: Buffer;
  created_at: DefaultTimestamp;
}
