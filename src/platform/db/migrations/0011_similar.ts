import { sql, type Kysely } from 'kysely';

/**
 * Same and similar requests (并案).
 *
 * `case_lsh` is the text index: one row per LSH bucket of a case's text (24 per case, see
 * modules/similar/similar.text.ts), written in the intake transaction. A lookup reads, per bucket
 * of the new text, the most recent rows of that bucket through the (bucket, received_at) btree, so
 * it costs a few index probes whatever the table's size. No foreign key: the rows are a derived
 * index, pruned by age (the BRIN index on received_at, cheap because rows arrive in time order),
 * and closed or merged cases are filtered out by joining `cases` at lookup.
 *
 * `merge_proposals` keeps the decisions staff take on a proposed pair (rejected pairs are never
 * proposed again; a merge through the `merge` action is recorded as accepted).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create table case_lsh (
    bucket bigint not null,
    received_at timestamptz not null,
    case_id uuid not null
  )`.execute(db);
  await sql`create index case_lsh_bucket on case_lsh (bucket, received_at) include (case_id)`.execute(db);
  await sql`create index case_lsh_received on case_lsh using brin (received_at)`.execute(db);
  await sql`create table merge_proposals (
    case_id uuid not null references cases(id),
    candidate_case_id uuid not null references cases(id),
    score real not null,
    evidence jsonb not null default '{}',
    status text not null check (status in ('proposed', 'accepted', 'rejected')),
    decided_by integer references users(id),
    decided_at timestamptz,
    reason text,
    created_at timestamptz not null,
    primary key (case_id, candidate_case_id)
  )`.execute(db);
  await sql`create index merge_proposals_candidate on merge_proposals (candidate_case_id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table merge_proposals`.execute(db);
  await sql`drop table case_lsh`.execute(db);
}
