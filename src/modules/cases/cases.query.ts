import type { z } from 'zod';
import type { Actor } from '../../platform/auth.js';
import type { Conn } from '../../platform/db/index.js';
import { DomainError } from '../../platform/errors.js';
import { assignmentsWithUnits } from './assignments.js';
import { findCase, listAttachments, listEvents, listExtensions, listReports } from './cases.repository.js';
import type { listQuery } from './cases.schema.js';
import { assertInScope, scopeFilter, scopeOf } from './cases.scope.js';

/** One page of the cases in the actor's scope, newest first. */
export async function listCases(db: Conn, actor: Actor, q: z.infer<typeof listQuery>) {
  const scope = await scopeOf(db, actor);
  let query = db.selectFrom('cases as c').where(scopeFilter(scope));
  if (q.status) query = query.where('c.status', 'in', q.status);
  if (q.unitId) query = query.where('c.lead_unit_id', '=', q.unitId);
  if (q.overdue === 'true')
    query = query.where((eb) =>
      eb.or([eb('c.response_overdue', '=', true), eb('c.resolve_overdue', '=', true)]),
    );
  if (q.q) {
    const like = `%${q.q.replace(/[%_\\]/g, (m) => `\\${m}`)}%`;
    query = query.where((eb) => eb.or([eb('c.number', 'like', like), eb('c.title', 'like', like)]));
  }
  const [rows, total] = await Promise.all([
    query
      .selectAll('c')
      .orderBy('c.received_at', 'desc')
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

/** A case with everything its detail page shows, if in scope. */
export async function caseDetail(db: Conn, actor: Actor, idOrNumber: string) {
  const row = await findCase(db, idOrNumber);
  if (!row) throw new DomainError('case_not_found', `no case ${idOrNumber}`);
  await assertInScope(db, actor, row);
  const [reports, events, assignments, attachments, extensions] = await Promise.all([
    listReports(db, row.id),
    listEvents(db, row.id),
    assignmentsWithUnits(db, row.id),
    listAttachments(db, row.id),
    listExtensions(db, row.id),
  ]);
  return { row, reports, events, assignments, attachments, extensions };
}
