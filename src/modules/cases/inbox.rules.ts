import type { Actor } from '../../platform/auth.js';
import { canTransition, lifecycle, type CaseAction, type CaseStatus } from './cases.state.js';

/** The actions a handling unit takes (承办): 签收, 联系, 退单, 办结, 协办签收, 协办反馈, 申请延期. */
export const unitActionNames = [
  'accept',
  'contact',
  'return',
  'resolve',
  'co_accept',
  'co_submit',
  'request_extension',
] as const satisfies readonly CaseAction[];
export type UnitAction = (typeof unitActionNames)[number];

/**
 * Where a case sits in a unit's inbox: waiting to be accepted, being handled, sent back to the unit
 * (重办 after an unsatisfied rating, or 核查不通过), or a co-handling request (协办).
 */
export type InboxBucket = 'to_accept' | 'in_progress' | 'sent_back' | 'co_handling';

export interface AssignmentFacts {
  role: string;
  status: string;
  unitPath: string;
}

/** Whether an assignment belongs to the actor's unit or a unit below it (as act() decides). */
export function isMine(actor: Pick<Actor, 'unitPath'>, a: Pick<AssignmentFacts, 'unitPath'>): boolean {
  return actor.unitPath != null && a.unitPath.startsWith(actor.unitPath);
}

/**
 * The unit actions the actor may take on a case now: the lifecycle's status and role rules plus the
 * assignment each action needs (a pending lead assignment to accept, an accepted one to resolve, a
 * co-handling one to co-accept…). The same conditions act() enforces, so a screen offers only what
 * the server will take; resolve also waits for every co-handling unit's part.
 */
export function myUnitActions(
  actor: Pick<Actor, 'role' | 'unitPath'>,
  status: CaseStatus,
  assignments: readonly AssignmentFacts[],
  extensionPending: boolean,
): UnitAction[] {
  const mine = assignments.filter((a) => isMine(actor, a));
  const has = (role: 'lead' | 'co', states: string[]) =>
    mine.some((a) => a.role === role && states.includes(a.status));
  const coOpen = assignments.some(
    (a) => a.role === 'co' && (a.status === 'pending' || a.status === 'accepted'),
  );
  const needs: Record<UnitAction, boolean> = {
    accept: has('lead', ['pending']),
    contact: has('lead', ['accepted']),
    return: has('lead', ['pending', 'accepted']),
    resolve: has('lead', ['accepted']) && !coOpen,
    co_accept: has('co', ['pending']),
    co_submit: has('co', ['pending', 'accepted']),
    request_extension: has('lead', ['accepted']) && !extensionPending,
  };
  return unitActionNames.filter(
    (a) => needs[a] && canTransition(a, status) && lifecycle[a].roles.includes(actor.role),
  );
}

/** The inbox bucket of a case for the assignment the unit holds. */
export function bucketOf(assignment: { role: string; status: string }, sentBack: boolean): InboxBucket {
  if (assignment.role === 'co') return 'co_handling';
  if (sentBack) return 'sent_back';
  return assignment.status === 'pending' ? 'to_accept' : 'in_progress';
}
