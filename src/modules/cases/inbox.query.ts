import { sql } from 'kysely';
import type { Actor } from '../../platform/auth.js';
import type { Conn } from '../../platform/db/index.js';
import type { CaseRow, DurationUnit } from '../../platform/db/schema.js';
import { presentCase } from './cases.presenter.js';
import type { CaseStatus } from './cases.state.js';
import { bucketOf, myUnitActions, type AssignmentFacts, type InboxBucket } from './inbox.rules.js';

/** The most items one inbox answer carries (a unit's open work; the most urgent first). */
export const INBOX_LIMIT = 500;

const openAssignment = ['pending', 'accepted'] as const;
const workingStatuses = ['dispatched', 'accepted', 'in_progress'] as const;

interface CaseFacts {
  assignments: AssignmentFacts[];
  extensionPending: boolean;
  deadlineUnits: { response: DurationUnit | null; resolve: DurationUnit | null };
}

/** The unit's side of a case: its actions now, how deadlines count, what it waits for. */
export function unitWork(actor: Actor, row: CaseRow, facts: CaseFacts & { names?: Map<string, string> }) {
  // A request left undecided when the case was resolved no longer waits for anything.
  const handling = row.status === 'accepted' || row.status === 'in_progress';
  return {
    myActions: myUnitActions(actor, row.status as CaseStatus, facts.assignments, facts.extensionPending),
    deadlineUnits: facts.deadlineUnits,
    extensionPending: facts.extensionPending && handling,
    waitingFor: facts.assignments
      .filter((a) => a.role === 'co' && (a.status === 'pending' || a.status === 'accepted'))
      .map((a) => facts.names?.get(a.unitPath) ?? a.unitPath),
  };
}

/** How a case's deadline policy counts (hours or working days); nulls when the case has none. */
export async function deadlineUnitsOf(
  db: Conn,
  policyId: number | null,
): Promise<CaseFacts['deadlineUnits']> {
  if (policyId == null) return { response: null, resolve: null };
  const p = await db
    .selectFrom('deadline_policies')
    .select(['response_unit', 'resolve_unit'])
    .where('id', '=', policyId)
    .executeTakeFirst();
  return { response: p?.response_unit ?? null, resolve: p?.resolve_unit ?? null };
}

/**
 * 承办收件箱: the open cases on which the actor's unit (or a unit below it) holds a pending or
 * accepted assignment, lead or co-handling, most urgent first — the nearest open deadline (the
 * response deadline until the reporter has been contacted, then the resolution deadline; overdue
 * ones first), then priority, then age.
 */
export async function unitInbox(db: Conn, actor: Actor) {
  if (!actor.unitPath) return { items: [], counts: emptyCounts(), truncated: false };
  const rows = await db
    .selectFrom('case_assignments as a')
    .innerJoin('org_units as u', 'u.id', 'a.unit_id')
    .innerJoin('cases as c', 'c.id', 'a.case_id')
    .leftJoin('deadline_policies as p', 'p.id', 'c.deadline_policy_id')
    .selectAll('c')
    .select([
      'a.id as a_id',
      'a.role as a_role',
      'a.status as a_status',
      'a.assigned_at as a_assigned_at',
      'u.id as a_unit_id',
      'u.name as a_unit_name',
      'p.response_unit as p_response_unit',
      'p.resolve_unit as p_resolve_unit',
    ])
    .where('u.path', 'like', `${actor.unitPath}%`)
    .where('a.status', 'in', [...openAssignment])
    .where('c.status', 'in', [...workingStatuses])
    .orderBy(sql`least(case when c.contacted_at is null then c.response_due_at end, c.resolve_due_at)`)
    .orderBy(sql`case c.priority when 'critical' then 0 when 'urgent' then 1 else 2 end`)
    .orderBy('c.received_at')
    .orderBy('a.role', 'desc') // lead before co when the unit holds both
    .limit(INBOX_LIMIT + 1)
    .execute();
  const truncated = rows.length > INBOX_LIMIT;
  const seen = new Set<string>();
  const own = rows.slice(0, INBOX_LIMIT).filter((r) => !seen.has(r.id) && seen.add(r.id));
  const ids = own.map((r) => r.id);
  if (ids.length === 0) return { items: [], counts: emptyCounts(), truncated };

  const [assignments, pending, events] = [
    await db
      .selectFrom('case_assignments as a')
      .innerJoin('org_units as u', 'u.id', 'a.unit_id')
      .select(['a.case_id', 'a.role', 'a.status', 'u.path', 'u.name'])
      .where('a.case_id', 'in', ids)
      .execute(),
    await db
      .selectFrom('extension_requests')
      .select('case_id')
      .where('case_id', 'in', ids)
      .where('status', '=', 'pending')
      .execute(),
    // The last of resolve / reopen / verify_failed says whether the case came back to the unit.
    await db
      .selectFrom('case_events')
      .select(['case_id', 'action', 'reason', 'at'])
      .where('case_id', 'in', ids)
      .where('action', 'in', ['resolve', 'reopen', 'verify_failed'])
      .orderBy('at', 'desc')
      .orderBy('id', 'desc')
      .execute(),
  ];
  const byCase = new Map<string, AssignmentFacts[]>();
  const names = new Map<string, string>();
  for (const a of assignments) {
    names.set(a.path, a.name);
    const list = byCase.get(a.case_id) ?? [];
    list.push({ role: a.role, status: a.status, unitPath: a.path });
    byCase.set(a.case_id, list);
  }
  const extensionPending = new Set(pending.map((p) => p.case_id));
  const lastTurn = new Map<string, (typeof events)[number]>();
  for (const e of events) if (!lastTurn.has(e.case_id)) lastTurn.set(e.case_id, e);

  const counts = emptyCounts();
  const items = own.map((r) => {
    const turn = lastTurn.get(r.id);
    const sentBack: { action: 'reopen' | 'verify_failed'; reason: string | null; at: string } | null =
      turn && (turn.action === 'reopen' || turn.action === 'verify_failed')
        ? { action: turn.action, reason: turn.reason, at: new Date(turn.at).toISOString() }
        : null;
    const assignment = { role: r.a_role, status: r.a_status as 'pending' | 'accepted' };
    const bucket: InboxBucket = bucketOf(assignment, sentBack !== null);
    counts[bucket]++;
    return {
      // The serializer checks these against the schema's enums (inbox.schema.ts).
      case: { ...presentCase(r, actor), status: r.status as CaseStatus, kind: r.kind as 'request' },
      bucket,
      assignment: {
        id: r.a_id,
        ...assignment,
        unit: { id: r.a_unit_id, name: r.a_unit_name },
        assignedAt: new Date(r.a_assigned_at).toISOString(),
      },
      sentBack,
      ...unitWork(actor, r, {
        assignments: byCase.get(r.id) ?? [],
        extensionPending: extensionPending.has(r.id),
        deadlineUnits: { response: r.p_response_unit, resolve: r.p_resolve_unit },
        names,
      }),
    };
  });
  return { items, counts, truncated };
}

function emptyCounts(): Record<InboxBucket, number> {
  return { to_accept: 0, in_progress: 0, sent_back: 0, co_handling: 0 };
}
