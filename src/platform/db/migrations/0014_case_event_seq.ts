import { sql, type Kysely } from 'kysely';

/**
 * A strictly increasing number on every timeline entry, so the live feed (modules/live) can follow
 * the table with one cursor on any number of nodes and a browser can resume with Last-Event-ID.
 * The uuid stays the key; existing rows are numbered in the order they are read.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table case_events add column seq bigint generated always as identity`.execute(db);
  await sql`create unique index case_events_seq on case_events(seq)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index case_events_seq`.execute(db);
  await sql`alter table case_events drop column seq`.execute(db);
}
