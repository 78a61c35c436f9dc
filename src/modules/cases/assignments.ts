import type { Actor } from '../../platform/auth.js';
import type { Updateable } from 'kysely';
import type { Conn } from '../../platform/db/index.js';
import { deferredQuery } from '../../platform/db/pg-driver.js';
import type { CaseAssignmentsTable } from '../../platform/db/schema.js';
import { uuidv7 } from '../../platform/ids.js';
import { DomainError } from '../../platform/errors.js';

/** A case's assignments with the unit each points to. */
export async function assignmentsWithUnits(db: Conn, caseId: string) {
  return db
    .selectFrom('case_assignments as a')
    .innerJoin('org_units as u', 'u.id', 'a.unit_id')
    .selectAll('a')
    .select(['u.name as unit_name', 'u.path as unit_path', 'u.code as unit_code'])
    .where('a.case_id', '=', caseId)
    .orderBy('a.assigned_at')
    .execute();
}

/** The assignment the actor's unit holds on this case, in one of the given states, or 403. */
export async function myAssignment(
  db: Conn,
  actor: Actor,
  caseId: string,
  role: 'lead' | 'co',
  states: Array<'pending' | 'accepted' | 'returned' | 'done'>,
) {
  const all = await assignmentsWithUnits(db, caseId);
  const mine = all.find(
    (a) =>
      a.role === role &&
      states.includes(a.status as 'pending') &&
      actor.unitPath != null &&
      a.unit_path.startsWith(actor.unitPath),
  );
  if (!mine) {
    throw new DomainError(
      'not_assigned',
      `your unit holds no ${role} assignment in state ${states.join('/')} on this case`,
    );
  }
  return mine;
}

/** Ties uploaded attachments to the timeline event that used them (e.g. the 办结 photos). */
export async function linkAttachments(
  db: Conn,
  caseId: string,
  ids: string[],
  eventId: string,
): Promise<void> {
  if (ids.length === 0) return;
  const rows = await db
    .updateTable('attachments')
    .set({ event_id: eventId })
    .where('case_id', '=', caseId)
    .where('id', 'in', ids)
    .returning('id')
    .execute();
  if (rows.length !== ids.length)
    throw new DomainError('validation_failed', 'an attachment does not belong to this case');
}

export async function insertAssignment(
  db: Conn,
  a: { caseId: string; unitId: number; role: 'lead' | 'co'; at: Date },
): Promise<void> {
  await db.executeQuery(
    deferredQuery(
      db.insertInto('case_assignments').values({
        id: uuidv7(),
        case_id: a.caseId,
        unit_id: a.unitId,
        role: a.role,
        status: 'pending',
        assigned_at: a.at,
      }),
    ),
  );
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
  await db.executeQuery(
    deferredQuery(
      db
        .updateTable('case_assignments')
        .set({ status: 'withdrawn' })
        .where('case_id', '=', caseId)
        .where('status', 'in', ['pending', 'accepted']),
    ),
  );
}
