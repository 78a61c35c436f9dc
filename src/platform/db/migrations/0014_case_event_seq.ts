import { sql, type Kysely } from 'kysely';

/**
 * The live feed (modules/live). A strictly increasing number on every timeline entry, so the feed
 * can follow the table with one cursor on any number of nodes and a browser can resume with
 * Last-Event-ID (the uuid stays the key; existing rows are numbered in the order they are read).
 * And the feed's one-minute, single-use tickets: EventSource cannot send the bearer token, so the
 * console trades it for a ticket, of which only the hash is kept, tied to the session.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table case_events add column seq bigint generated always as identity`.execute(db);
  await sql`create unique index case_events_seq on case_events(seq)`.execute(db);
  await sql`create table live_tickets (
    ticket_hash text primary key,
    token_hash text not null references sessions(token_hash) on delete cascade,
    expires_at timestamptz not null
  )`.execute(db);
  await sql`create index live_tickets_expiry on live_tickets(expires_at)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table live_tickets`.execute(db);
  await sql`drop index case_events_seq`.execute(db);
  await sql`alter table case_events drop column seq`.execute(db);
}
