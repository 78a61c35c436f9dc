import type { Actor } from '../../platform/auth.js';
import { nowOf, type AppContext } from '../../platform/context.js';
import type { Conn, Tx } from '../../platform/db/index.js';
import type { CaseRow } from '../../platform/db/schema.js';
import { DomainError } from '../../platform/errors.js';
import { assertInScope, findCase, listEvents, lockCase, recordChange, scopeFilter } from '../cases/index.js';
import { scorePair } from './similar.score.js';
import { rejectedPartners, upsertDecision } from './similar.repository.js';
import { termsFor } from './similar.terms.js';
import { caseProbe, proposalsFor, type Proposal } from './similar.service.js';

/** Who decides on proposals: the hotline centre's agents and dispatchers (and their supervisors, admins). */
const deciders = ['agent', 'dispatcher', 'supervisor', 'admin'] as const;

/** Staff only: citizens never see other people's cases. */
function assertStaff(actor: Actor): void {
  if (actor.role === 'citizen') throw new DomainError('forbidden', 'staff only');
}

/** How to accept a proposal: the existing `merge` action, the later case into the earlier one. */
export function mergeLink(row: CaseRow, p: Proposal) {
  const laterIsRow = row.received_at.toISOString() >= p.receivedAt;
  return {
    method: 'POST' as const,
    path: `/api/cases/${laterIsRow ? row.number : p.number}/merge`,
    body: { intoCase: laterIsRow ? p.number : row.number },
  };
}

/**
 * The live proposals for a case the actor may see: open cases in the window that are probably
 * the same problem, without rejected pairs and without cases outside the actor's scope; plus
 * what intake proposed when the case was opened (from its `received` timeline entry).
 */
export async function similarForCase(ctx: AppContext, db: Conn, actor: Actor, idOrNumber: string) {
  assertStaff(actor);
  const row = await findCase(db, idOrNumber);
  if (!row) throw new DomainError('case_not_found', `no case ${idOrNumber}`);
  const scope = await assertInScope(db, actor, row);
  const rejected = await rejectedPartners(db, row.id);
  let proposals = await proposalsFor(ctx, db, row, rejected);
  if (proposals.length > 0) {
    const visible = await db
      .selectFrom('cases as c')
      .select('c.id')
      .where(
        'c.id',
        'in',
        proposals.map((p) => p.caseId),
      )
      .where(scopeFilter(scope))
      .execute();
    const ids = new Set(visible.map((v) => v.id));
    proposals = proposals.filter((p) => ids.has(p.caseId));
  }
  const opened = (await listEvents(db, row.id)).find((e) => e.action === 'received');
  const atIntake = ((opened?.data as { similar?: Proposal[] } | null)?.similar ?? []).map((p) => ({
    ...p,
    rejected: rejected.has(p.caseId),
  }));
  return { row, proposals, atIntake, rejected };
}

/**
 * 不予并案: records that two cases are not the same problem, so the pair is never proposed again
 * (either way round). A timeline entry on the case and its audit entry say who decided and why.
 */
export async function rejectProposal(
  ctx: AppContext,
  tx: Tx,
  actor: Actor,
  idOrNumber: string,
  candidateIdOrNumber: string,
  reason: string | null,
): Promise<{ row: CaseRow; candidate: CaseRow; score: number }> {
  if (!(deciders as readonly string[]).includes(actor.role)) {
    throw new DomainError(
      actor.role === 'leader' ? 'read_only_role' : 'forbidden',
      `role ${actor.role} may not decide on merge proposals`,
    );
  }
  const row = await lockCase(tx, idOrNumber);
  await assertInScope(tx, actor, row);
  const candidate = await findCase(tx, candidateIdOrNumber);
  if (!candidate) throw new DomainError('case_not_found', `no case ${candidateIdOrNumber}`);
  await assertInScope(tx, actor, candidate);
  if (candidate.id === row.id) {
    throw new DomainError('validation_failed', 'a case is always similar to itself');
  }
  const now = nowOf(ctx);
  const scored = scorePair(
    caseProbe(row),
    caseProbe(candidate),
    ctx.config.SIMILAR_WINDOW_DAYS * 86_400_000,
    await termsFor(ctx, tx),
  );
  await upsertDecision(tx, {
    caseId: row.id,
    candidateId: candidate.id,
    score: scored?.score ?? 0,
    evidence: scored?.evidence ?? {},
    status: 'rejected',
    userId: actor.id,
    reason,
    at: now,
  });
  await recordChange(ctx, tx, {
    actor,
    action: 'merge_rejected',
    before: row,
    after: row,
    reason,
    data: { candidate: candidate.number, score: scored?.score ?? 0 },
    at: now,
  });
  return { row, candidate, score: scored?.score ?? 0 };
}
