import type { Updateable } from 'kysely';
import type { Actor } from '../../platform/auth.js';
import type { AppContext } from '../../platform/context.js';
import type { Tx } from '../../platform/db/index.js';
import type { CaseRow, CasesTable } from '../../platform/db/schema.js';
import type { CaseDeps } from './cases.deps.js';
import { recordChange } from './cases.events.js';
import { updateCase } from './cases.repository.js';
import type { ActionBodies } from './cases.schema.js';

/** What every action handler gets: the locked case row and the transaction it runs in. */
export interface ActionContext {
  ctx: AppContext;
  deps: CaseDeps;
  tx: Tx;
  actor: Actor;
  row: CaseRow;
  now: Date;
}

export type Handler<A extends keyof ActionBodies> = (
  c: ActionContext,
  body: ActionBodies[A],
) => Promise<CaseRow>;

/** Applies a patch to the locked case and records the change (timeline + audit). */
export async function change(
  c: ActionContext,
  patch: Updateable<CasesTable>,
  action: string,
  extra: { reason?: string | null; data?: Record<string, unknown> } = {},
): Promise<CaseRow> {
  const after = await updateCase(c.tx, c.row, patch, c.now);
  await recordChange(c.ctx, c.tx, { actor: c.actor, action, before: c.row, after, ...extra, at: c.now });
  return after;
}
