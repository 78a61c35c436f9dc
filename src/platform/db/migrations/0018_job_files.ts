import { sql, type Kysely } from 'kysely';

/**
 * The file a job made (an export): kept in the database with its job, so any node can serve the
 * download whichever node ran the job, on PGlite and PostgreSQL alike. One file per job; deleting
 * the job deletes it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create table job_files (
    job_id uuid primary key references jobs(id) on delete cascade,
    name text not null,
    mime_type text not null,
    size integer not null,
    content bytea not null,
    created_at timestamptz not null default now()
  )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table job_files`.execute(db);
}
