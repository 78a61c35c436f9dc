import { DomainError } from '../../platform/errors.js';
import { allTimerKinds } from './cases.deadlines.js';
import { applyDispatch } from './cases.dispatch.js';
import { recordChange } from './cases.events.js';
import { lockCase, updateCase } from './cases.repository.js';
import { cancelTimers } from './timers.repository.js';
import { withdrawOpenAssignments } from './assignments.js';
import { assertInScope } from './cases.scope.js';
import { terminalStatuses, type CaseStatus } from './cases.state.js';
import { change, type Handler } from './actions.context.js';

/** Actions of agents and dispatchers: 派单/改派, 直接办结, 不予受理, 并案. */
export const intakeActions: { [A in 'dispatch' | 'answer' | 'invalidate' | 'merge']: Handler<A> } = {
  async dispatch(c, body) {
    const { ctx, deps, tx, actor, row, now } = c;
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

  async answer(c, body) {
    const { deps, tx, row, now } = c;
    let categoryId = row.category_id;
    if (body.categoryCode) {
      const category = await deps.findCategory(tx, body.categoryCode);
      if (!category || !category.active)
        throw new DomainError('unknown_category', `no category ${body.categoryCode}`);
      categoryId = category.id;
    }
    if (body.articleId !== undefined) await deps.knowledgeUsed(tx, body.articleId, now);
    await tx
      .updateTable('reports')
      .set({ answer_text: body.answer, answered_at: now })
      .where('case_id', '=', row.id)
      .execute();
    return change(
      c,
      {
        status: 'resolved',
        direct_answer: true,
        category_id: categoryId,
        result_text: body.answer,
        resolved_at: now,
      },
      'answer',
      {
        data: { answer: body.answer, ...(body.articleId !== undefined ? { articleId: body.articleId } : {}) },
      },
    );
  },

  async invalidate(c, body) {
    const { tx, row, now } = c;
    await cancelTimers(tx, row.id, [...allTimerKinds], now);
    return change(c, { status: 'invalid', invalid_reason: body.reason, closed_at: now }, 'invalidate', {
      reason: body.reason,
    });
  },

  async merge(c, body) {
    const { ctx, deps, tx, actor, row, now } = c;
    const target = await lockCase(tx, body.intoCase);
    if (target.id === row.id)
      throw new DomainError('invalid_transition', 'a case cannot be merged into itself');
    await assertInScope(tx, actor, target);
    if (terminalStatuses.includes(target.status as CaseStatus)) {
      throw new DomainError('invalid_transition', `case ${target.number} is ${target.status}`);
    }
    await tx.updateTable('reports').set({ case_id: target.id }).where('case_id', '=', row.id).execute();
    await cancelTimers(tx, row.id, [...allTimerKinds], now);
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
    await deps.similar.merged(ctx, tx, {
      from: row,
      into: target,
      userId: actor.id,
      reason: body.reason ?? null,
      at: now,
    });
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
