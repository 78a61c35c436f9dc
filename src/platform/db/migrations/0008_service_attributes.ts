import { sql, type Kysely } from 'kysely';

/**
 * Open311 service attributes and the servicerequestupdates feed. A leaf category carries the
 * definition of the extra questions a GeoReport client asks (`services/{code}`): a JSON array of
 * GeoReport attributes, empty for most categories. The public update feed reads public timeline
 * entries by time across all cases, which the per-case index cannot serve.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table categories add column attributes jsonb not null default '[]'::jsonb`.execute(db);
  await sql`create index case_events_public_at on case_events(at, id) where public`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index case_events_public_at`.execute(db);
  await sql`alter table categories drop column attributes`.execute(db);
}
