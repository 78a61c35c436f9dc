import { DomainError } from '../../platform/errors.js';
import { uuidv7 } from '../../platform/ids.js';
import { allTimerKinds } from './cases.deadlines.js';
import { recordChange } from './cases.events.js';
import { findPendingExtension, updateCase } from './cases.repository.js';
import { cancelTimers } from './timers.repository.js';
import {
  assignmentsWithUnits,
  linkAttachments,
  myAssignment,
  updateAssignment,
  withdrawOpenAssignments,
} from './assignments.js';
import { change, type Handler } from './actions.context.js';

const MOOT_REASON = '案件已办结，延期申请不再需要';

/** Actions of the handling units: 签收, 联系, 退单, 办结, 协办, 延期申请. */
export const unitActions: {
  [
    A in 'accept' | 'contact' | 'return' | 'resolve' | 'co_accept' | 'co_submit' | 'request_extension'
  ]: Handler<A>;
} = {
  async accept(c, body) {
    const { tx, actor, row, now } = c;
    const mine = await myAssignment(tx, actor, row.id, 'lead', ['pending']);
    await updateAssignment(tx, mine.id, { status: 'accepted', accepted_at: now });
    return change(c, { status: 'accepted', accepted_at: now }, 'accept', { reason: body.note });
  },

  async contact(c, body) {
    const { tx, actor, row, now } = c;
    await myAssignment(tx, actor, row.id, 'lead', ['accepted']);
    await cancelTimers(tx, row.id, ['response_warning', 'response_due'], now);
    return change(
      c,
      {
        status: 'in_progress',
        contacted_at: now,
        responded_in_time:
          row.responded_in_time ?? (row.response_due_at == null || now <= row.response_due_at),
      },
      'contact',
      { reason: body.note },
    );
  },

  async return(c, body) {
    const { tx, actor, row, now } = c;
    const mine = await myAssignment(tx, actor, row.id, 'lead', ['pending', 'accepted']);
    await withdrawOpenAssignments(tx, row.id);
    await updateAssignment(tx, mine.id, { status: 'returned', returned_at: now, return_reason: body.reason });
    await cancelTimers(tx, row.id, [...allTimerKinds], now);
    return change(
      c,
      {
        status: 'returned',
        lead_unit_id: null,
        lead_unit_path: null,
        accepted_at: null,
        return_count: row.return_count + 1,
      },
      'return',
      { reason: body.reason, data: { unitId: mine.unit_id } },
    );
  },

  async resolve(c, body) {
    const { ctx, tx, actor, row, now } = c;
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
    await cancelTimers(tx, row.id, [...allTimerKinds], now);
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
    // A request for more time still waiting when the unit resolves is moot: closed, on the timeline.
    const pendingExtension = await findPendingExtension(tx, row.id);
    if (pendingExtension) {
      await tx
        .updateTable('extension_requests')
        .set({ status: 'moot', decided_at: now, decision_reason: MOOT_REASON })
        .where('id', '=', pendingExtension.id)
        .execute();
      await recordChange(ctx, tx, {
        actor,
        action: 'extension_moot',
        before: after,
        after,
        reason: MOOT_REASON,
        data: {
          requestId: pendingExtension.id,
          amount: pendingExtension.amount,
          unit: pendingExtension.unit,
        },
        at: now,
      });
    }
    return after;
  },

  async co_accept(c) {
    const { tx, actor, row, now } = c;
    const mine = await myAssignment(tx, actor, row.id, 'co', ['pending']);
    await updateAssignment(tx, mine.id, { status: 'accepted', accepted_at: now });
    return change(c, {}, 'co_accept', { data: { unitId: mine.unit_id } });
  },

  async co_submit(c, body) {
    const { tx, actor, row, now } = c;
    const mine = await myAssignment(tx, actor, row.id, 'co', ['pending', 'accepted']);
    await updateAssignment(tx, mine.id, {
      status: 'done',
      accepted_at: mine.accepted_at ?? now,
      done_at: now,
      result_text: body.result,
    });
    return change(c, {}, 'co_submit', { data: { unitId: mine.unit_id, result: body.result } });
  },

  async request_extension(c, body) {
    const { tx, actor, row, now } = c;
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
    return change(c, {}, 'request_extension', {
      reason: body.reason,
      data: { requestId, amount: body.amount, unit: body.unit },
    });
  },
};
