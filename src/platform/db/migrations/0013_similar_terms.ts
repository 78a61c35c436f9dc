import { sql, type Kysely } from 'kysely';

/**
 * Document frequencies for 并案 (modules/similar/similar.names.ts): how many of the recent cases
 * contain each character bigram, so a rare name (an estate, a school) can be told from a common
 * phrase. Written whole by the `similar.count-terms` job from a sample of recent cases, read whole
 * into memory by each node; intake never writes here. Bigrams in a single case are left out (a bigram
 * missing from the table counts as rare, which is what a single occurrence is anyway).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create table similar_terms (
    bigram text primary key,
    df integer not null
  )`.execute(db);
  await sql`create table similar_term_docs (
    id boolean primary key default true check (id),
    docs integer not null,
    counted_at timestamptz not null
  )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table similar_term_docs`.execute(db);
  await sql`drop table similar_terms`.execute(db);
}
