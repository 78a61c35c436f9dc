import type { Actor } from '../../platform/auth.js';
import { nowOf, type AppContext } from '../../platform/context.js';
import type { Tx } from '../../platform/db/index.js';
import type { CaseRow } from '../../platform/db/schema.js';
import { DomainError } from '../../platform/errors.js';
import type { CaseDeps } from './cases.deps.js';
import { lockCase } from './cases.repository.js';
import type { ActionBodies } from './cases.schema.js';
import { assertInScope } from './cases.scope.js';
import { canTransition, lifecycle, type CaseAction, type CaseStatus } from './cases.state.js';
import type { Handler } from './actions.context.js';
import { intakeActions } from './actions.intake.js';
import { supervisionActions } from './actions.supervision.js';
import { unitActions } from './actions.unit.js';

/**
 * What every action checks before it writes: locks the case row, then scope, role, version
 * (optimistic concurrency) and the transition. Returns the locked row.
 */
export async function lockForAction(
  tx: Tx,
  actor: Actor,
  idOrNumber: string,
  action: CaseAction,
  version: number,
): Promise<CaseRow> {
  const row = await lockCase(tx, idOrNumber);
  await assertInScope(tx, actor, row);
  if (actor.role === 'leader') throw new DomainError('read_only_role', 'leaders have read-only access');
  if (!lifecycle[action].roles.includes(actor.role)) {
    throw new DomainError('forbidden', `role ${actor.role} may not ${action}`);
  }
  if (version !== row.version) {
    throw new DomainError('stale_version', `case changed since version ${version}`, {
      current: row.version,
    });
  }
  if (!canTransition(action, row.status as CaseStatus)) {
    throw new DomainError('invalid_transition', `cannot ${action} a case that is ${row.status}`, {
      status: row.status,
      action,
    });
  }
  return row;
}

/**
 * Takes one lifecycle action on a case inside the caller's transaction: lock the row, check scope, role,
 * version (optimistic concurrency) and the transition, apply, and record the timeline and
 * audit entries. Anything refused leaves nothing written.
 */
export async function act<A extends keyof ActionBodies>(
  ctx: AppContext,
  deps: CaseDeps,
  tx: Tx,
  actor: Actor,
  idOrNumber: string,
  action: A,
  body: ActionBodies[A],
): Promise<CaseRow> {
  const row = await lockForAction(tx, actor, idOrNumber, action, body.version);
  const handler = handlers[action] as Handler<A>;
  return handler({ ctx, deps, tx, actor, row, now: nowOf(ctx) }, body);
}

const handlers: { [A in keyof ActionBodies]: Handler<A> } = {
  ...intakeActions,
  ...unitActions,
  ...supervisionActions,
};
