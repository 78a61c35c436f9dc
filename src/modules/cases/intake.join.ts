import type { Actor } from '../../platform/auth.js';
import type { AppContext } from '../../platform/context.js';
import type { Tx } from '../../platform/db/index.js';
import type { CaseRow } from '../../platform/db/schema.js';
import { DomainError } from '../../platform/errors.js';
import type { CaseDeps, SimilarAtIntake } from './cases.deps.js';
import { recordChange } from './cases.events.js';
import { insertReport, lockCase, updateCase } from './cases.repository.js';
import { assertInScope } from './cases.scope.js';
import { terminalStatuses, type CaseStatus } from './cases.state.js';
import type { OpenedReport } from './opening.repository.js';

/**
 * 并案 at intake: the report joins an open case instead of opening its own — the one the filer named
 * (`mergeIntoCase`, in the filer's scope, refused when closed) or the one similar found above
 * SIMILAR_AUTO_MERGE_SCORE (`auto`). The reporter keeps their own report, answer and rating; the
 * case counts one report more. Returns the case after, or null when the automatic candidate closed
 * between the lookup and the lock (the report then opens its own case).
 */
export async function joinAtIntake(
  ctx: AppContext,
  deps: CaseDeps,
  tx: Tx,
  actor: Actor,
  join: {
    mergeIntoCase: string | undefined;
    auto: SimilarAtIntake['autoMerge'];
    report: Omit<OpenedReport, 'case_id' | 'original_case_id'>;
    /** The id the report's text was indexed under for its own case, if similar indexed it. */
    indexedAs: string;
    now: Date;
  },
): Promise<CaseRow | null> {
  const { auto, report, now } = join;
  const target = await lockCase(tx, join.mergeIntoCase ?? auto!.caseId);
  // An automatic merge is the system's decision, not the filer's: no scope check (a citizen may
  // not see the case their report joins until it is theirs too).
  if (!auto) await assertInScope(tx, actor, target);
  const open = !terminalStatuses.includes(target.status as CaseStatus);
  if (!open && !auto) {
    throw new DomainError(
      'invalid_transition',
      `case ${target.number} is ${target.status}; reports cannot join it`,
    );
  }
  if (!open) return null;
  await insertReport(tx, { ...report, case_id: target.id, original_case_id: target.id });
  const after = await updateCase(tx, target, { report_count: target.report_count + 1 }, now);
  await recordChange(ctx, tx, {
    actor,
    action: 'report_merged',
    before: target,
    after,
    reason: auto ? `系统自动并案：与本案相似度 ${auto.score}` : null,
    data: {
      reportId: report.id,
      channel: report.channel,
      ...(auto ? { automatic: true, score: auto.score, evidence: auto.evidence } : {}),
    },
    at: now,
  });
  await deps.similar.joined(tx, {
    targetId: target.id,
    text: report.text,
    at: now,
    indexedAs: auto ? join.indexedAs : null,
  });
  return after;
}
