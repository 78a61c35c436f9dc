import type { Insertable, Updateable } from 'kysely';
import type { Conn } from '../../platform/db/index.js';
import type { CaseEventsTable, CaseRow, CasesTable, ReportsTable } from '../../platform/db/schema.js';
import { deferredQuery } from '../../platform/db/pg-driver.js';
import { DomainError } from '../../platform/errors.js';
import { uuidv7 } from '../../platform/ids.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The report a case was opened with (its `received` entry names it), if the entry says. */
export async function foundingReportId(db: Conn, caseId: string): Promise<string | null> {
  const row = await db
    .selectFrom('case_events')
    .select('data')
    .where('case_id', '=', caseId)
    .where('action', '=', 'received')
    .orderBy('at')
    .limit(1)
    .executeTakeFirst();
  const data = typeof row?.data === 'string' ? (JSON.parse(row.data) as unknown) : row?.data;
  const id = (data as { reportId?: unknown } | undefined)?.reportId;
  return typeof id === 'string' ? id : null;
}

export async function insertReport(db: Conn, row: Insertable<ReportsTable>): Promise<void> {
  await db.insertInto('reports').values(row).execute();
}

export type NewEvent = Omit<Insertable<CaseEventsTable>, 'id' | 'data'> & { data?: Record<string, unknown> };

/** Appends one timeline entry: who, when, what, why. */
export async function insertEvent(db: Conn, event: NewEvent): Promise<string> {
  const id = uuidv7();
  // Nobody reads the result: it goes out with the transaction's next statement.
  await db.executeQuery(
    deferredQuery(
      db.insertInto('case_events').values({ ...event, id, data: JSON.stringify(event.data ?? {}) }),
    ),
  );
  return id;
}

/** Finds a case by uuid or by its human-readable number. */
export async function findCase(db: Conn, idOrNumber: string): Promise<CaseRow | undefined> {
  const column = UUID.test(idOrNumber) ? 'id' : 'number';
  return db.selectFrom('cases').selectAll().where(column, '=', idOrNumber).executeTakeFirst();
}

/** Locks the case row for the rest of the transaction. */
export async function lockCase(db: Conn, idOrNumber: string): Promise<CaseRow> {
  const column = UUID.test(idOrNumber) ? 'id' : 'number';
  const row = await db
    .selectFrom('cases')
    .selectAll()
    .where(column, '=', idOrNumber)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw new DomainError('case_not_found', `no case ${idOrNumber}`);
  return row;
}

/** Applies a patch and bumps the version; the caller has checked the version under lock. */
export async function updateCase(
  db: Conn,
  row: CaseRow,
  patch: Updateable<CasesTable>,
  now: Date,
): Promise<CaseRow> {
  return db
    .updateTable('cases')
    .set({ ...patch, version: row.version + 1, updated_at: now })
    .where('id', '=', row.id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/**
 * updateCase for a caller that already holds the whole row under lock and patches plain values:
 * the row after the patch is computed here, and the UPDATE goes out with the transaction's next
 * statement (a round trip saved on every dispatch).
 */
export async function updateCaseDeferred(
  db: Conn,
  row: CaseRow,
  patch: Partial<CaseRow>,
  now: Date,
): Promise<CaseRow> {
  const set = { ...patch, version: row.version + 1, updated_at: now };
  await db.executeQuery(deferredQuery(db.updateTable('cases').set(set).where('id', '=', row.id)));
  return { ...row, ...set };
}

/** System-side flag changes (overdue marks) that must not invalidate a user's read version. */
export async function flagCase(db: Conn, id: string, patch: Updateable<CasesTable>): Promise<void> {
  await db.updateTable('cases').set(patch).where('id', '=', id).execute();
}

export async function listReports(db: Conn, caseId: string) {
  return db.selectFrom('reports').selectAll().where('case_id', '=', caseId).orderBy('received_at').execute();
}

export async function findReportByExternalId(db: Conn, channel: string, externalId: string) {
  return db
    .selectFrom('reports')
    .selectAll()
    .where('channel', '=', channel)
    .where('external_id', '=', externalId)
    .executeTakeFirst();
}

export async function listEvents(db: Conn, caseId: string) {
  return db
    .selectFrom('case_events')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('at')
    .orderBy('id')
    .execute();
}

export async function listAttachments(db: Conn, caseId: string) {
  return db
    .selectFrom('attachments')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('created_at')
    .execute();
}

export async function listExtensions(db: Conn, caseId: string) {
  return db
    .selectFrom('extension_requests')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('requested_at')
    .execute();
}

export async function findPendingExtension(db: Conn, caseId: string) {
  return db
    .selectFrom('extension_requests')
    .selectAll()
    .where('case_id', '=', caseId)
    .where('status', '=', 'pending')
    .executeTakeFirst();
}
