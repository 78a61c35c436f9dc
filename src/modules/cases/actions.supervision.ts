import type { CaseRow, Satisfaction } from '../../platform/db/schema.js';
import { DomainError } from '../../platform/errors.js';
import { resolveTimers } from './cases.deadlines.js';
import { applyDispatch } from './cases.dispatch.js';
import { recordChange } from './cases.events.js';
import { findPendingExtension, listReports, updateCase } from './cases.repository.js';
import { cancelTimers, insertNotice, insertTimers } from './timers.repository.js';
import { assignmentsWithUnits, updateAssignment } from './assignments.js';
import { change, type Handler } from './actions.context.js';

/** Actions of supervisors and the callback desk: 延期审批, 催办, 核查, 回访评价, 重办, 结案. */
export const supervisionActions: {
  [A in 'decide_extension' | 'urge' | 'verify' | 'evaluate' | 'reopen' | 'close']: Handler<A>;
} = {
  async decide_extension(c, body) {
    const { ctx, deps, tx, actor, row, now } = c;
    const pending = await findPendingExtension(tx, row.id);
    if (!pending) throw new DomainError('no_pending_extension', 'there is no extension request to decide');
    await tx
      .updateTable('extension_requests')
      .set({
        status: body.approve ? 'approved' : 'denied',
        decided_by: actor.id,
        decided_at: now,
        decision_reason: body.reason ?? null,
      })
      .where('id', '=', pending.id)
      .execute();
    let patch = {};
    if (body.approve) {
      const add = await deps.calendar(tx);
      const base = row.resolve_due_at ?? now;
      const resolveDue = add(base, pending.amount, pending.unit);
      await cancelTimers(tx, row.id, ['resolve_warning', 'resolve_due'], now);
      await insertTimers(tx, row.id, resolveTimers(now, resolveDue, ctx.config.WARNING_RATIO), now);
      const stillLate = resolveDue <= now;
      patch = {
        resolve_due_at: resolveDue,
        extension_count: row.extension_count + 1,
        resolve_overdue: stillLate,
        resolved_in_time: stillLate ? false : null,
      };
    }
    const after = await updateCase(tx, row, patch, now);
    await recordChange(ctx, tx, {
      actor,
      action: body.approve ? 'extension_approved' : 'extension_denied',
      before: row,
      after,
      reason: body.reason,
      data: { requestId: pending.id, amount: pending.amount, unit: pending.unit },
      at: now,
    });
    return after;
  },

  async urge(c, body) {
    const { tx, actor, row, now } = c;
    await insertNotice(tx, {
      caseId: row.id,
      unitId: row.lead_unit_id,
      kind: 'urge',
      message: body.message,
      by: actor.id,
      at: now,
    });
    return change(c, { urge_count: row.urge_count + 1 }, 'urge', { reason: body.message });
  },

  async verify(c, body) {
    const { ctx, tx, actor, row, now } = c;
    if (row.direct_answer)
      throw new DomainError('invalid_transition', 'a case answered at intake is not verified on site');
    let after: CaseRow;
    if (body.passed) {
      after = await updateCase(tx, row, { status: 'verified', verified_at: now }, now);
    } else {
      // 核查不通过: back to the lead unit, which is again judged against the resolution deadline.
      const lead = (await assignmentsWithUnits(tx, row.id)).find(
        (a) => a.role === 'lead' && a.status === 'done',
      );
      if (lead) await updateAssignment(tx, lead.id, { status: 'accepted', done_at: null });
      const late = row.resolve_due_at != null && row.resolve_due_at <= now;
      if (!late && row.resolve_due_at) {
        await insertTimers(tx, row.id, resolveTimers(now, row.resolve_due_at, ctx.config.WARNING_RATIO), now);
      }
      after = await updateCase(
        tx,
        row,
        {
          status: 'in_progress',
          resolved_at: null,
          resolve_overdue: late,
          resolved_in_time: late ? false : null,
        },
        now,
      );
    }
    await recordChange(ctx, tx, {
      actor,
      action: body.passed ? 'verify' : 'verify_failed',
      before: row,
      after,
      reason: body.note,
      at: now,
    });
    return after;
  },

  async evaluate(c, body) {
    const { tx, actor, row, now } = c;
    if (row.status === 'resolved' && !row.direct_answer) {
      throw new DomainError('invalid_transition', 'the case must be verified before the callback', {
        status: row.status,
      });
    }
    const reports = await listReports(tx, row.id);
    const report = body.reportId ? reports.find((r) => r.id === body.reportId) : reports[0];
    if (!report) throw new DomainError('report_not_found', 'no such report on this case');
    if (actor.role === 'citizen' && report.reporter_user_id !== actor.id) {
      throw new DomainError('report_not_found', 'no such report on this case');
    }
    if (report.evaluated_at) throw new DomainError('duplicate', 'this report has already been evaluated');
    await tx
      .updateTable('reports')
      .set({
        eval_solved: body.solved,
        eval_satisfaction: body.satisfaction,
        eval_comment: body.comment ?? null,
        evaluated_at: now,
        evaluated_by: actor.id,
      })
      .where('id', '=', report.id)
      .execute();
    return change(
      c,
      {
        status: 'evaluated',
        evaluated_at: row.evaluated_at ?? now,
        eval_count: row.eval_count + 1,
        solved_count: row.solved_count + (body.solved ? 1 : 0),
        satisfied_count: row.satisfied_count + (isSatisfied(body.satisfaction) ? 1 : 0),
      },
      'evaluate',
      {
        reason: body.comment,
        data: { reportId: report.id, solved: body.solved, satisfaction: body.satisfaction },
      },
    );
  },

  async reopen(c, body) {
    const { ctx, deps, tx, actor, row, now } = c;
    const reports = await listReports(tx, row.id);
    const unhappy = reports.some(
      (r) => r.evaluated_at && (!r.eval_solved || r.eval_satisfaction === 'unsatisfied'),
    );
    if (!unhappy)
      throw new DomainError('invalid_transition', 'only a case rated unsolved or unsatisfied is reopened');
    if (row.lead_unit_id == null)
      throw new DomainError('invalid_transition', 'a case answered at intake is re-dispatched, not reopened');
    const reopened = await updateCase(
      tx,
      row,
      { reopen_count: row.reopen_count + 1, resolved_at: null },
      now,
    );
    return applyDispatch(
      ctx,
      deps,
      tx,
      reopened,
      {
        leadUnitId: row.lead_unit_id,
        coUnitIds: [],
        categoryId: row.category_id,
        priority: row.priority,
        reason: body.reason,
        action: 'reopen',
      },
      actor,
      now,
    );
  },

  async close(c, body) {
    const { row, now } = c;
    if (row.status === 'verified' && !body.note) {
      throw new DomainError('validation_failed', 'closing without a callback needs a note saying why');
    }
    return change(c, { status: 'closed', closed_at: now }, 'close', { reason: body.note });
  },
};

function isSatisfied(s: Satisfaction): boolean {
  return s === 'satisfied' || s === 'basically_satisfied';
}
