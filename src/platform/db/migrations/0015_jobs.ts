import { sql, type Kysely } from 'kysely';

/**
 * Long operations an administrator starts and watches (retraining the classifier today; any kind
 * later): one row per run with its progress (0..1), a message for people, and its result or error.
 * The run itself happens in the process that accepted the request; `heartbeat_at` tells a reader
 * whether that process is still at it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create table jobs (
    id uuid primary key,
    kind text not null,
    status text not null check (status in ('running', 'succeeded', 'failed')),
    progress real not null default 0 check (progress >= 0 and progress <= 1),
    message text,
    params jsonb not null default '{}',
    result jsonb,
    error jsonb,
    created_by integer references users(id),
    created_at timestamptz not null default now(),
    heartbeat_at timestamptz not null default now(),
    finished_at timestamptz
  )`.execute(db);
  await sql`create index jobs_kind_running on jobs(kind) where status = 'running'`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table jobs`.execute(db);
}
