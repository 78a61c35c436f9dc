import { sql, type Kysely } from 'kysely';

/**
 * The case export pages by the key (received_at, id), newest first: an index on both columns reads
 * each page in that order straight from the index, where one on received_at alone had to sort the
 * cases received in the same instant by id. It replaces that index (its prefix serves every query
 * the old one did).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`drop index cases_received`.execute(db);
  await sql`create index cases_received on cases (received_at, id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index cases_received`.execute(db);
  await sql`create index cases_received on cases (received_at)`.execute(db);
}
