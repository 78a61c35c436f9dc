import { sql, type Kysely } from 'kysely';

/**
 * An extension request still pending when its case is resolved is closed as moot (the resolve
 * action decides it, with a timeline entry), so no request waits for a decision on a done case.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table extension_requests drop constraint extension_requests_status_check`.execute(db);
  await sql`alter table extension_requests add constraint extension_requests_status_check
    check (status in ('pending', 'approved', 'denied', 'moot'))`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`update extension_requests set status = 'denied' where status = 'moot'`.execute(db);
  await sql`alter table extension_requests drop constraint extension_requests_status_check`.execute(db);
  await sql`alter table extension_requests add constraint extension_requests_status_check
    check (status in ('pending', 'approved', 'denied'))`.execute(db);
}
