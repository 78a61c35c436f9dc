import { sql, type Insertable, type Updateable } from 'kysely';
import type { AuditHead } from '../../platform/audit.js';
import type { Conn } from '../../platform/db/index.js';
import type {
  AssignmentRow,
  CaseAssignmentsTable,
  CaseEventsTable,
  CaseRow,
  CasesTable,
  NewCase,
  ReportsTable,
  TimerKind,
} from '../../platform/db/schema.js';
import { DomainError } from '../../platform/errors.js';
import { uuidv7 } from '../../platform/ids.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The number prefix `<district>-<yyyymmdd>-` (China time) of a case received at `now`. */
export function caseNumberPrefix(districtCode: string, now: Date): string {
  const day = new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10).replaceAll('-', '');
  return `${districtCode}-${day}-`;
}

/**
 * Opens a case with its first report and timeline entry, and locks the audit shard head the
 * case's chain entry will follow, all in one statement (one round trip).
 * The number is the prefix plus a sequence value: the sequence never waits on a counter row,
 * so intake on several connections or nodes never serialises on numbering.
 */
export async function insertOpenedCase(
  db: Conn,
  c: Omit<NewCase, 'number'>,
  numberPrefix: string,
  report: Insertable<ReportsTable>,
  event: NewEvent,
  auditShard: number,
): Promise<{ number: string; head: AuditHead }> {
  const row = await db
    .with('c', (q) =>
      q
        .insertInto('cases')
        .values({
          ...c,
          number: sql<string>`${numberPrefix} || lpad(nextval('case_number_seq')::text, 6, '0')`,
        })
        .returning('number'),
    )
    .with('r', (q) => q.insertInto('reports').values(report))
    .with('e', (q) =>
      q.insertInto('case_events').values({ ...event, id: uuidv7(), data: JSON.stringify(event.data ?? {}) }),
    )
    .selectFrom('audit_heads')
    .select((eb) => [eb.selectFrom('c').select('number').as('number'), 'seq', 'hash'])
    .where('shard', '=', auditShard)
    .forUpdate()
    .executeTakeFirstOrThrow();
  return { number: row.number!, head: { shard: auditShard, seq: Number(row.seq), hash: row.hash } };
}

export async function insertReport(db: Conn, row: Insertable<ReportsTable>): Promise<void> {
  await db.insertInto('reports').values(row).execute();
}

export type NewEvent = Omit<Insertable<CaseEventsTable>, 'id' | 'data'> & { data?: Record<string, unknown> };

/** Appends one timeline entry: who, when, what, why. */
export async function insertEvent(db: Conn, event: NewEvent): Promise<string> {
  const id = uuidv7();
  await db
    .insertInto('case_events')
    .values({ ...event, id, data: JSON.stringify(event.data ?? {}) })
    .execute();
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

/** System-side flag changes (overdue marks) that must not invalidate a user's read version. */
export async function flagCase(db: Conn, id: string, patch: Updateable<CasesTable>): Promise<void> {
  await db.updateTable('cases').set(patch).where('id', '=', id).execute();
}

export async function listAssignments(db: Conn, caseId: string): Promise<AssignmentRow[]> {
  return db
    .selectFrom('case_assignments')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('assigned_at')
    .execute();
}

export async function insertAssignment(
  db: Conn,
  a: { caseId: string; unitId: number; role: 'lead' | 'co'; at: Date },
): Promise<void> {
  await db
    .insertInto('case_assignments')
    .values({
      id: uuidv7(),
      case_id: a.caseId,
      unit_id: a.unitId,
      role: a.role,
      status: 'pending',
      assigned_at: a.at,
    })
    .execute();
}

export async function updateAssignment(
  db: Conn,
  id: string,
  patch: Updateable<CaseAssignmentsTable>,
): Promise<void> {
  await db.updateTable('case_assignments').set(patch).where('id', '=', id).execute();
}

/** Withdraws every open assignment of a case (before re-dispatch or after a return). */
export async function withdrawOpenAssignments(db: Conn, caseId: string): Promise<void> {
  await db
    .updateTable('case_assignments')
    .set({ status: 'withdrawn' })
    .where('case_id', '=', caseId)
    .where('status', 'in', ['pending', 'accepted'])
    .execute();
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

/** Cancels a case's unfired timers of the given kinds. */
export async function cancelTimers(db: Conn, caseId: string, kinds: TimerKind[], now: Date): Promise<void> {
  await db
    .updateTable('timers')
    .set({ cancelled_at: now })
    .where('case_id', '=', caseId)
    .where('kind', 'in', kinds)
    .where('fired_at', 'is', null)
    .where('cancelled_at', 'is', null)
    .execute();
}

export async function insertTimers(
  db: Conn,
  caseId: string,
  timers: Array<{ kind: TimerKind; fireAt: Date }>,
  now: Date,
): Promise<void> {
  if (timers.length === 0) return;
  await db
    .insertInto('timers')
    .values(
      timers.map((t) => ({
        id: uuidv7(),
        case_id: caseId,
        kind: t.kind,
        fire_at: t.fireAt,
        created_at: now,
      })),
    )
    .execute();
}

/**
 * Claims due timers for this transaction. SKIP LOCKED lets several runners share the table:
 * a timer locked by one is invisible to the others, and marking it fired in the same
 * transaction as its effect means it fires exactly once, even across crashes.
 */
export async function claimDueTimers(db: Conn, now: Date, limit: number) {
  return db
    .selectFrom('timers')
    .selectAll()
    .where('fired_at', 'is', null)
    .where('cancelled_at', 'is', null)
    .where('fire_at', '<=', now)
    .orderBy('fire_at')
    .limit(limit)
    .forUpdate()
    .skipLocked()
    .execute();
}

export async function markTimerFired(db: Conn, id: string, now: Date, runner: string): Promise<void> {
  await db.updateTable('timers').set({ fired_at: now, fired_by: runner }).where('id', '=', id).execute();
}

export async function insertNotice(
  db: Conn,
  n: {
    caseId: string;
    unitId: number | null;
    kind: 'warning' | 'overdue' | 'urge';
    message: string;
    by: number | null;
    at: Date;
  },
): Promise<void> {
  await db
    .insertInto('notices')
    .values({
      id: uuidv7(),
      case_id: n.caseId,
      unit_id: n.unitId,
      kind: n.kind,
      message: n.message,
      created_by: n.by,
      created_at: n.at,
    })
    .execute();
}
