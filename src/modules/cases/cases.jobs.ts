import { hostname } from 'node:os';
import { appendAudit, lockAuditHeads, shardOf } from '../../platform/audit.js';
import { nowOf, type AppContext } from '../../platform/context.js';
import type { Tx } from '../../platform/db/index.js';
import type { CaseRow, TimerRow } from '../../platform/db/schema.js';
import type { Job } from '../module.js';
import { flagCase, insertEvent } from './cases.repository.js';
import { claimDueTimers, insertNotice, markTimerFired } from './timers.repository.js';

const BATCH = 200;
const runnerId = `${hostname()}:${process.pid}`;

/**
 * Fires due deadline timers: 预警 warnings before expiry and overdue marks after. Timers are
 * claimed with FOR UPDATE SKIP LOCKED and marked fired in the same transaction as their effect,
 * so with any number of runners on one PostgreSQL, and across restarts, each fires exactly once;
 * a timer that came due while every runner was down fires on the next start.
 */
export async function fireDueTimers(
  ctx: AppContext,
  now: Date = nowOf(ctx),
  runner = runnerId,
): Promise<number> {
  return ctx.db.transaction().execute(async (tx) => {
    const timers = await claimDueTimers(tx, now, BATCH);
    if (timers.length === 0) return 0;
    // One read for the batch's cases, not one per timer. Timers of one case touch disjoint
    // columns (response vs resolution), so a row read before the batch stays valid for each.
    // Locks in one global order — the batch's cases by id, then their audit shard heads by shard —
    // so two runners, or a runner and a case action (case row, then its shard head), never wait on
    // each other in a circle. The heads stay held: each entry below links to the one before it.
    const rows = await tx
      .selectFrom('cases')
      .selectAll()
      .where('id', 'in', [...new Set(timers.map((t) => t.case_id))])
      .orderBy('id')
      .forUpdate()
      .execute();
    await lockAuditHeads(
      tx,
      rows.map((r) => shardOf('case', r.id)),
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const timer of timers) {
      await fire(ctx, tx, timer, byId.get(timer.case_id)!, now);
      await markTimerFired(tx, timer.id, now, runner);
    }
    return timers.length;
  });
}

async function fire(ctx: AppContext, tx: Tx, timer: TimerRow, row: CaseRow, now: Date): Promise<void> {
  const unitId = row.lead_unit_id;
  const record = async (action: string, message: string, kind: 'warning' | 'overdue') => {
    await insertNotice(tx, { caseId: row.id, unitId, kind, message, by: null, at: now });
    await insertEvent(tx, {
      case_id: row.id,
      at: now,
      action,
      from_status: row.status,
      to_status: row.status,
      actor_user_id: null,
      actor_unit_id: null,
      reason: message,
      data: { timerId: timer.id, due: timer.fire_at.toISOString() },
    });
    await appendAudit(
      tx,
      ctx.config.AUDIT_SECRET,
      {
        actorUserId: null,
        action: `case.${action}`,
        entity: 'case',
        entityId: row.id,
        after: { timerId: timer.id },
      },
      now,
    );
  };
  switch (timer.kind) {
    case 'response_warning':
      if (row.contacted_at == null) {
        await record('response_warning', `案件 ${row.number} 即将超过响应时限`, 'warning');
      }
      return;
    case 'resolve_warning':
      if (row.resolved_at == null) {
        await record('resolve_warning', `案件 ${row.number} 即将超过办理时限`, 'warning');
      }
      return;
    case 'response_due':
      if (row.contacted_at == null) {
        await flagCase(tx, row.id, {
          response_overdue: true,
          responded_in_time: row.responded_in_time ?? false,
        });
        await record('response_overdue', `案件 ${row.number} 已超过响应时限`, 'overdue');
      }
      return;
    case 'resolve_due':
      if (row.resolved_at == null) {
        await flagCase(tx, row.id, {
          resolve_overdue: true,
          resolved_in_time: row.resolved_in_time ?? false,
        });
        await record('resolve_overdue', `案件 ${row.number} 已超过办理时限`, 'overdue');
      }
      return;
  }
}

export const deadlineTimersJob: Job = {
  name: 'case-deadline-timers',
  everyMs: (ctx) => ctx.config.TIMER_INTERVAL_MS,
  run: (ctx) => fireDueTimers(ctx),
};
