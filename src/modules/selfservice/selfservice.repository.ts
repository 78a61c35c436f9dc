import { sql } from 'kysely';
import type { Conn } from '../../platform/db/index.js';

/** The reports a case number answers for: those on the case now and those first filed under it. */
export async function reportsUnderNumber(db: Conn, number: string) {
  return db
    .selectFrom('reports as r')
    .innerJoin('cases as c', (j) =>
      j.on((eb) =>
        eb.or([eb('c.id', '=', eb.ref('r.case_id')), eb('c.id', '=', eb.ref('r.original_case_id'))]),
      ),
    )
    .selectAll('r')
    .where('c.number', '=', number)
    .orderBy('r.received_at')
    .orderBy('r.id')
    .execute();
}

export async function findReport(db: Conn, id: string) {
  return db.selectFrom('reports').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

/** Serialises tracking attempts on one case number, so the failure limit holds under concurrency. */
export async function lockTrackingNumber(db: Conn, number: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext(${`tracking:${number}`}))`.execute(db);
}

export async function countTrackingFailures(db: Conn, number: string, since: Date): Promise<number> {
  const row = await db
    .selectFrom('tracking_failures')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('case_number', '=', number)
    .where('at', '>', since)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertTrackingFailure(db: Conn, number: string, at: Date): Promise<void> {
  await db.insertInto('tracking_failures').values({ case_number: number, at }).execute();
}

/** Deletes up to `limit` failures older than `before`; returns how many went. */
export async function pruneTrackingFailures(db: Conn, before: Date, limit: number): Promise<number> {
  const old = db.selectFrom('tracking_failures').select('id').where('at', '<', before).limit(limit);
  const result = await db.deleteFrom('tracking_failures').where('id', 'in', old).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Stores what the self-service form adds to a report intake() just wrote. */
export async function markSelfServiceReport(
  db: Conn,
  reportId: string,
  fields: { consentAt: Date; noticeVersion: string; trackingCodeHash: string },
): Promise<void> {
  await db
    .updateTable('reports')
    .set({
      privacy_consent_at: fields.consentAt,
      privacy_notice_version: fields.noticeVersion,
      tracking_code_hash: fields.trackingCodeHash,
    })
    .where('id', '=', reportId)
    .execute();
}

/** The timeline entries a reporter may see, oldest first. */
export async function listPublicEvents(db: Conn, caseIds: string[]) {
  return db
    .selectFrom('case_events')
    .select(['at', 'action', 'to_status'])
    .where('case_id', 'in', caseIds)
    .where('public', '=', true)
    .orderBy('at')
    .orderBy('id')
    .execute();
}

export async function findCategoryName(db: Conn, id: number | null) {
  if (id == null) return null;
  const row = await db
    .selectFrom('categories')
    .select(['code', 'name'])
    .where('id', '=', id)
    .executeTakeFirst();
  return row ?? null;
}
