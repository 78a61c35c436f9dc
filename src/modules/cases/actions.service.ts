import type { Actor } from '../../platform/auth.js';
import { inScope } from '../../platform/auth.js';
import type { AppContext } from '../../platform/context.js';
import type { Tx } from '../../platform/db/index.js';
import type { CaseRow, Satisfaction } from '../../platform/db/schema.js';
import { DomainError } from '../../platform/errors.js';
import { uuidv7 } from '../../platform/ids.js';
import { resolveTimers } from './cases.deadlines.js';
import type { CaseDeps } from './cases.deps.js';
import { applyDispatch } from './cases.dispatch.js';
import { recordChange } from './cases.events.js';
import {
  cancelTimers,
  findPendingExtension,
  insertNotice,
  insertTimers,
  listReports,
  lockCase,
  updateAssignment,
  updateCase,
  withdrawOpenAssignments,
} from './cases.repository.js';
import type { ActionBodies } from './cases.schema.js';
import { assertInScope } from './cases.scope.js';
import {
  canTransition,
  lifecycle,
  terminalStatuses,
  type CaseAction,
  type CaseStatus,
} from './cases.state.js';
import { assignmentsWithUnits, linkAttachments, myAssignment } from './assignments.js';

type Handler<A extends CaseAction> = (
  c: { ctx: AppContext; deps: CaseDeps; tx: Tx; actor: Actor; row: CaseRow; now: Date },
  body: ActionBodies[A],
) => Promise<CaseRow>;

const allTimers = ['response_warning', 'response_due', 'resolve_warning', 'resolve_due'] as const;

/**
 * Takes one lifecycle action on a case inside the caller's transaction: lock the row, check scope, role,
 * version (optimistic concurrency) and the transition, apply, and record the timeline and
 * audit entries. Anything refused leaves nothing written.
 */
export async function act<A extends CaseAction>(
  ctx: AppContext,
  deps: CaseDeps,
  tx: Tx,
  actor: Actor,
  idOrNumber: string,
  action: A,
  body: ActionBodies[A],
): Promise<CaseRow> {
  {
    const row = await lockCase(tx, idOrNumber);
    await assertInScope(tx, actor, row);
    if (actor.role === 'leader') throw new DomainError('read_only_role', 'leaders have read-only access');
    if (!lifecycle[action].roles.includes(actor.role)) {
      throw new DomainError('forbidden', `role ${actor.role} may not ${action}`);
    }
    if (body.version !== row.version) {
      throw new DomainError('stale_version', `case changed since version ${body.version}`, {
        current: row.version,
      });
    }
    if (!canTransition(action, row.status as CaseStatus)) {
      throw new DomainError('invalid_transition', `cannot ${action} a case that is ${row.status}`, {
        status: row.status,
        action,
      });
    }
    const handler = handlers[action] as Handler<A>;
    return handler({ ctx, deps, tx, actor, row, now: new Date() }, body);
  }
}

const handlers: { [A in CaseAction]: Handler<A> } = {
  async dispatch({ ctx, deps, tx, actor, row, now }, body) {
    let categoryId = row.category_id;
    if (body.categoryCode) {
      const category = await deps.findCategory(tx, body.categoryCode);
      if (!category || !category.active)
        throw new DomainError('unknown_category', `no category ${body.categoryCode}`);
      if (!category.is_leaf) throw new DomainError('category_not_leaf');
      categoryId = category.id;
    }
    return applyDispatch(
      ctx,
      deps,
      tx,
      row,
      {
        leadUnitId: body.leadUnitId ?? null,
        coUnitIds: body.coUnitIds,
        categoryId,
        priority: body.priority ?? row.priority,
        reason: body.reason ?? null,
      },
      actor,
      now,
    );
  },

  async accept({ ctx, tx, actor, row, now }, body) {
    const mine = await myAssignment(tx, actor, row.id, 'lead', ['pending']);
    await updateAssignment(tx, mine.id, { status: 'accepted', accepted_at: now });
    const after = await updateCase(tx, row, { status: 'accepted', accepted_at: now }, now);
    await recordChange(ctx, tx, { actor, action: 'accept', before: row, after, reason: body.note, at: now });
    return after;
  },

  async contact({ ctx, tx, actor, row, now }, body) {
    await myAssignment(tx, actor, row.id, 'lead', ['accepted']);
    await cancelTimers(tx, row.id, ['response_warning', 'response_due'], now);
    const after = await updateCase(
      tx,
      row,
      {
        status: 'in_progress',
        contacted_at: now,
        responded_in_time:
          row.responded_in_time ?? (row.response_due_at == null || now <= row.response_due_at),
      },
      now,
    );
    await recordChange(ctx, tx, { actor, action: 'contact', before: row, after, reason: body.note, at: now });
    return after;
  },

  async return({ ctx, tx, actor, row, now }, body) {
    const mine = await myAssignment(tx, actor, row.id, 'lead', ['pending', 'accepted']);
    await withdrawOpenAssignments(tx, row.id);
    await updateAssignment(tx, mine.id, { status: 'returned', returned_at: now, return_reason: body.reason });
    await cancelTimers(tx, row.id, [...allTimers], now);
    const after = await updateCase(
      tx,
      row,
      {
        status: 'returned',
        lead_unit_id: null,
        lead_unit_path: null,
        accepted_at: null,
        return_count: row.return_count + 1,
      },
      now,
    );
    await recordChange(ctx, tx, {
      actor,
      action: 'return',
      before: row,
      after,
      reason: body.reason,
      data: { unitId: mine.unit_id },
      at: now,
    });
    return after;
  },

  async resolve({ ctx, tx, actor, row, now }, body) {
    const mine = await myAssignment(tx, actor, row.id, 'lead', ['accepted']);
    const pending = (await assignmentsWithUnits(tx, row.id)).filter(
      (a) => a.role === 'co' && (a.status === 'pending' || a.status === 'accepted'),
    );
    if (pending.length > 0) {
      throw new DomainError('co_handling_pending', 'co-handling units have not submitted their part', {
        units: pending.map((a) => a.unit_name),
      });
    }
    await updateAssignment(tx, mine.id, { status: 'done', done_at: now, result_text: body.result });
    await cancelTimers(tx, row.id, [...allTimers], now);
    const after = await updateCase(
      tx,
      row,
      {
        status: 'resolved',
        resolved_at: now,
        result_text: body.result,
        contacted_at: row.contacted_at ?? now,
        responded_in_time:
          row.responded_in_time ?? (row.response_due_at == null || now <= row.response_due_at),
        resolved_in_time: row.resolved_in_time ?? (row.resolve_due_at == null || now <= row.resolve_due_at),
      },
      now,
    );
    const eventId = await recordChange(ctx, tx, {
      actor,
      action: 'resolve',
      before: row,
      after,
      data: { result: body.result, attachments: body.attachmentIds },
      at: now,
    });
    await linkAttachments(tx, row.id, body.attachmentIds, eventId);
    return after;
  },

  async co_accept({ ctx, tx, actor, row, now }) {
    const mine = await myAssignment(tx, actor, row.id, 'co', ['pending']);
    await updateAssignment(tx, mine.id, { status: 'accepted', accepted_at: now });
    const after = await updateCase(tx, row, {}, now);
    await recordChange(ctx, tx, {
      actor,
      action: 'co_accept',
      before: row,
      after,
      data: { unitId: mine.unit_id },
      at: now,
    });
    return after;
  },

  async co_submit({ ctx, tx, actor, row, now }, body) {
    const mine = await myAssignment(tx, actor, row.id, 'co', ['pending', 'accepted']);
    await updateAssignment(tx, mine.id, {
      status: 'done',
      accepted_at: mine.accepted_at ?? now,
      done_at: now,
      result_text: body.result,
    });
    const after = await updateCase(tx, row, {}, now);
    await recordChange(ctx, tx, {
      actor,
      action: 'co_submit',
      before: row,
      after,
      data: { unitId: mine.unit_id, result: body.result },
      at: now,
    });
    return after;
  },

  async request_extension({ ctx, tx, actor, row, now }, body) {
    const mine = await myAssignment(tx, actor, row.id, 'lead', ['accepted']);
    if (await findPendingExtension(tx, row.id)) {
      throw new DomainError('extension_pending', 'an extension request is already waiting for a decision');
    }
    const requestId = uuidv7();
    await tx
      .insertInto('extension_requests')
      .values({
        id: requestId,
        case_id: row.id,
        unit_id: mine.unit_id,
        amount: body.amount,
        unit: body.unit,
        reason: body.reason,
        status: 'pending',
        requested_by: actor.id,
        requested_at: now,
      })
      .execute();
    const after = await updateCase(tx, row, {}, now);
    await recordChange(ctx, tx, {
      actor,
      action: 'request_extension',
      before: row,
      after,
      reason: body.reason,
      data: { requestId, amount: body.amount, unit: body.unit },
      at: now,
    });
    return after;
  },

  async decide_extension({ ctx, deps, tx, actor, row, now }, body) {
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

  async urge({ ctx, tx, actor, row, now }, body) {
    await insertNotice(tx, {
      caseId: row.id,
      unitId: row.lead_unit_id,
      kind: 'urge',
      message: body.message,
      by: actor.id,
      at: now,
    });
    const after = await updateCase(tx, row, { urge_count: row.urge_count + 1 }, now);
    await recordChange(ctx, tx, { actor, action: 'urge', before: row, after, reason: body.message, at: now });
    return after;
  },

  async verify({ ctx, tx, actor, row, now }, body) {
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

  async evaluate({ ctx, tx, actor, row, now }, body) {
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
    const after = await updateCase(
      tx,
      row,
      {
        status: 'evaluated',
        evaluated_at: row.evaluated_at ?? now,
        eval_count: row.eval_count + 1,
        solved_count: row.solved_count + (body.solved ? 1 : 0),
        satisfied_count: row.satisfied_count + (isSatisfied(body.satisfaction) ? 1 : 0),
      },
      now,
    );
    await recordChange(ctx, tx, {
      actor,
      action: 'evaluate',
      before: row,
      after,
      reason: body.comment,
      data: { reportId: report.id, solved: body.solved, satisfaction: body.satisfaction },
      at: now,
    });
    return after;
  },

  async reopen({ ctx, deps, tx, actor, row, now }, body) {
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

  async close({ ctx, tx, actor, row, now }, body) {
    if (row.status === 'verified' && !body.note) {
      throw new DomainError('validation_failed', 'closing without a callback needs a note saying why');
    }
    const after = await updateCase(tx, row, { status: 'closed', closed_at: now }, now);
    await recordChange(ctx, tx, { actor, action: 'close', before: row, after, reason: body.note, at: now });
    return after;
  },

  async answer({ ctx, deps, tx, actor, row, now }, body) {
    let categoryId = row.category_id;
    if (body.categoryCode) {
      const category = await deps.findCategory(tx, body.categoryCode);
      if (!category || !category.active)
        throw new DomainError('unknown_category', `no category ${body.categoryCode}`);
      categoryId = category.id;
    }
    await tx
      .updateTable('reports')
      .set({ answer_text: body.answer, answered_at: now })
      .where('case_id', '=', row.id)
      .execute();
    const after = await updateCase(
      tx,
      row,
      {
        status: 'resolved',
        direct_answer: true,
        category_id: categoryId,
        result_text: body.answer,
        resolved_at: now,
      },
      now,
    );
    await recordChange(ctx, tx, {
      actor,
      action: 'answer',
      before: row,
      after,
      data: { answer: body.answer },
      at: now,
    });
    return after;
  },

  async invalidate({ ctx, tx, actor, row, now }, body) {
    await cancelTimers(tx, row.id, [...allTimers], now);
    const after = await updateCase(
      tx,
      row,
      { status: 'invalid', invalid_reason: body.reason, closed_at: now },
      now,
    );
    await recordChange(ctx, tx, {
      actor,
      action: 'invalidate',
      before: row,
      after,
      reason: body.reason,
      at: now,
    });
    return after;
  },

  async merge({ ctx, tx, actor, row, now }, body) {
    const target = await lockCase(tx, body.intoCase);
    if (target.id === row.id)
      throw new DomainError('invalid_transition', 'a case cannot be merged into itself');
    await assertInScope(tx, actor, target);
    if (terminalStatuses.includes(target.status as CaseStatus)) {
      throw new DomainError('invalid_transition', `case ${target.number} is ${target.status}`);
    }
    await tx.updateTable('reports').set({ case_id: target.id }).where('case_id', '=', row.id).execute();
    await cancelTimers(tx, row.id, [...allTimers], now);
    await withdrawOpenAssignments(tx, row.id);
    const after = await updateCase(
      tx,
      row,
      { status: 'merged', merged_into: target.id, closed_at: now },
      now,
    );
    const targetAfter = await updateCase(
      tx,
      target,
      { report_count: target.report_count + row.report_count },
      now,
    );
    await recordChange(ctx, tx, {
      actor,
      action: 'merge',
      before: row,
      after,
      reason: body.reason,
      data: { into: target.number },
      at: now,
    });
    await recordChange(ctx, tx, {
      actor,
      action: 'merged_in',
      before: target,
      after: targetAfter,
      reason: body.reason,
      data: { from: row.number, reports: row.report_count },
      at: now,
    });
    return after;
  },
};

function isSatisfied(s: Satisfaction): boolean {
  return s === 'satisfied' || s === 'basically_satisfied';
}

/** Whether this actor works in the unit an assignment points to (used by presenters). */
export function worksIn(actor: Actor, unitPath: string): boolean {
  return inScope(actor, unitPath);
}
