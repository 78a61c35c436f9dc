import { sql } from 'kysely';
import type { z } from 'zod';
import type { Actor } from '../../platform/auth.js';
import type { Conn } from '../../platform/db/index.js';
import type { CaseRow } from '../../platform/db/schema.js';
import { DomainError } from '../../platform/errors.js';
import { assignmentsWithUnits } from './assignments.js';
import { findCase, listAttachments, listEvents, listExtensions, listReports } from './cases.repository.js';
import type { listQuery } from './cases.schema.js';
import { assertInScope, scopeFilter, scopeOf } from './cases.scope.js';

/** The case list's filters (GET /api/cases) without its order and paging. */
export type CaseFilters = Omit<z.infer<typeof listQuery>, 'sort' | 'page' | 'pageSize'>;

/**
 * The cases (`cases as c`) in the actor's scope that pass the list's filters, not yet ordered:
 * shared by the list's pages and the export, so both keep the same cases.
 */
export async function matchingCases(db: Conn, actor: Actor, q: CaseFilters) {
  const scope = await scopeOf(db, actor);
  let query = db.selectFrom('cases as c').where(scopeFilter(scope));
  if (q.status) query = query.where('c.status', 'in', q.status);
  if (q.unitId) query = query.where('c.lead_unit_id', '=', q.unitId);
  if (q.overdue === 'true')
    query = query.where((eb) =>
      eb.or([eb('c.response_overdue', '=', true), eb('c.resolve_overdue', '=', true)]),
    );
  if (q.pendingExtension === 'true')
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('extension_requests as x')
          .select('x.id')
          .whereRef('x.case_id', '=', 'c.id')
          .where('x.status', '=', 'pending'),
      ),
    );
  if (q.disputed === 'true')
    query = query
      .where('c.status', 'in', openStatuses)
      .where((eb) => eb.or([eb('c.return_count', '>=', 2), eb('c.reopen_count', '>=', 1)]));
  if (q.awaitingCallback === 'true')
    query = query
      .where((eb) =>
        eb.or([
          eb('c.status', 'in', ['verified', 'evaluated']),
          eb.and([eb('c.status', '=', 'resolved'), eb('c.direct_answer', '=', true)]),
        ]),
      )
      .whereRef('c.eval_count', '<', 'c.report_count');
  if (q.q) {
    const like = `%${q.q.replace(/[%_\\]/g, (m) => `\\${m}`)}%`;
    query = query.where((eb) => eb.or([eb('c.number', 'like', like), eb('c.title', 'like', like)]));
  }
  return query;
}

/** One page of the cases in the actor's scope, newest first (or by deadline), with their total. */
export async function listCases(db: Conn, actor: Actor, q: z.infer<typeof listQuery>) {
  const query = await matchingCases(db, actor, q);
  const [rows, total] = await Promise.all([
    (q.sort === 'due'
      ? query
          .selectAll('c')
          .orderBy(sql`c.resolve_due_at asc nulls last`)
          .orderBy('c.received_at')
      : query.selectAll('c').orderBy('c.received_at', 'desc')
    )
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

const openStatuses = ['received', 'dispatched', 'accepted', 'in_progress', 'returned'] as const;

/**
 * What a work queue shows beside each case of a list: the latest return reason of a returned case
 * (退单理由) and the pending extension request of a case being handled (延期申请), in two queries
 * for the whole page, only for the cases they concern.
 */
export async function listExtras(db: Conn, rows: readonly CaseRow[]) {
  const returned = rows.filter((r) => r.status === 'returned').map((r) => r.id);
  const working = rows.filter((r) => r.status === 'accepted' || r.status === 'in_progress').map((r) => r.id);
  const [returns, extensions] = await Promise.all([
    returned.length === 0
      ? []
      : db
          .selectFrom('case_assignments as a')
          .innerJoin('org_units as u', 'u.id', 'a.unit_id')
          .select(['a.case_id', 'a.return_reason', 'a.returned_at', 'u.name as unit_name'])
          .where('a.case_id', 'in', returned)
          .where('a.returned_at', 'is not', null)
          .orderBy('a.returned_at', 'desc')
          .execute(),
    working.length === 0
      ? []
      : db
          .selectFrom('extension_requests')
          .selectAll()
          .where('case_id', 'in', working)
          .where('status', '=', 'pending')
          .execute(),
  ]);
  const lastReturn = new Map<string, { reason: string | null; unitName: string; at: string }>();
  for (const r of returns) {
    if (!lastReturn.has(r.case_id))
      lastReturn.set(r.case_id, {
        reason: r.return_reason,
        unitName: r.unit_name,
        at: r.returned_at!.toISOString(),
      });
  }
  const pending = new Map(
    extensions.map((x) => [
      x.case_id,
      {
        id: x.id,
        amount: x.amount,
        unit: x.unit,
        reason: x.reason,
        requestedAt: x.requested_at.toISOString(),
      },
    ]),
  );
  return { lastReturn, pending };
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
