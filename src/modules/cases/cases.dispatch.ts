import type { Actor } from '../../platform/auth.js';
import type { AppContext } from '../../platform/context.js';
import type { Tx } from '../../platform/db/index.js';
import type { CaseRow, Priority } from '../../platform/db/schema.js';
import { DomainError } from '../../platform/errors.js';
import { scheduleFor } from './cases.deadlines.js';
import type { CaseDeps } from './cases.deps.js';
import { recordChange } from './cases.events.js';
import type { ReportTarget } from '../notifications/outbox.plan.js';
import { updateCaseDeferred } from './cases.repository.js';
import { cancelTimers, insertTimers } from './timers.repository.js';
import { insertAssignment, withdrawOpenAssignments } from './assignments.js';

export interface DispatchPlan {
  leadUnitId: number | null;
  coUnitIds: number[];
  categoryId: number | null;
  priority: Priority;
  reason?: string | null;
  action?: 'dispatch' | 'reopen';
  /** The case's reports when the caller has them (intake: its own), saving the read (see CaseChange). */
  reporters?: ReportTarget[];
}

/**
 * 派单: assigns the case to a lead unit (and co-handling units), computes its response and
 * resolution deadlines from the category's current deadline policy on the working calendar,
 * and schedules the timers that watch them. The policy id is stored with the case, so later
 * policy edits never move its deadlines.
 */
export async function applyDispatch(
  ctx: AppContext,
  deps: CaseDeps,
  tx: Tx,
  row: CaseRow,
  plan: DispatchPlan,
  actor: Actor | null,
  now: Date,
): Promise<CaseRow> {
  if (plan.categoryId == null)
    throw new DomainError('unknown_category', 'a case needs a category before dispatch');
  const category = await deps.findCategoryById(tx, plan.categoryId);
  if (!category) throw new DomainError('unknown_category');
  let leadUnitId = plan.leadUnitId;
  let coUnitIds = plan.coUnitIds;
  let ruleId: number | null = null;
  let reason = plan.reason ?? null;
  if (leadUnitId == null) {
    const decision = await deps.resolveDispatch(tx, {
      categoryId: category.id,
      areaUnitId: row.area_unit_id,
    });
    if (!decision) throw new DomainError('no_dispatch_rule', 'no dispatch rule matches; choose a unit');
    ({ leadUnitId, ruleId } = decision);
    coUnitIds = [...new Set([...decision.coUnitIds, ...coUnitIds])];
    reason = reason ?? decision.reason;
  }
  const lead = await deps.findUnit(tx, leadUnitId);
  if (!lead || !lead.active) throw new DomainError('unknown_unit', `no unit ${leadUnitId}`);
  const coUnits = [];
  for (const id of coUnitIds.filter((u) => u !== leadUnitId)) {
    const unit = await deps.findUnit(tx, id);
    if (!unit || !unit.active) throw new DomainError('unknown_unit', `no unit ${id}`);
    coUnits.push(unit);
  }
  // Both reads in one round trip (the connection pipelines them).
  const [policy, add] = await Promise.all([
    deps.currentPolicy(tx, category.id, plan.priority),
    deps.calendar(tx),
  ]);
  if (!policy) throw new DomainError('unknown_category', `category ${category.code} has no deadline policy`);
  const schedule = scheduleFor(policy, now, add, ctx.config.WARNING_RATIO);

  // A case never dispatched has no assignments and no deadline timers to retire.
  const first = row.dispatched_at === null;
  if (!first) await withdrawOpenAssignments(tx, row.id);
  await insertAssignment(tx, { caseId: row.id, unitId: lead.id, role: 'lead', at: now });
  for (const unit of coUnits)
    await insertAssignment(tx, { caseId: row.id, unitId: unit.id, role: 'co', at: now });
  if (!first)
    await cancelTimers(
      tx,
      row.id,
      ['response_warning', 'response_due', 'resolve_warning', 'resolve_due'],
      now,
    );
  await insertTimers(tx, row.id, schedule.timers, now);

  const after = await updateCaseDeferred(
    tx,
    row,
    {
      status: 'dispatched',
      category_id: category.id,
      priority: plan.priority,
      lead_unit_id: lead.id,
      lead_unit_path: lead.path,
      dispatch_rule_id: ruleId,
      deadline_policy_id: policy.id,
      dispatched_at: row.dispatched_at ?? now,
      accepted_at: null,
      contacted_at: null,
      response_due_at: schedule.responseDue,
      resolve_due_at: schedule.resolveDue,
      response_overdue: false,
      resolve_overdue: false,
      // A re-dispatch judges the new unit's response afresh; a reopen keeps the first verdict.
      responded_in_time: plan.action === 'reopen' ? row.responded_in_time : null,
      resolved_in_time: null,
    },
    now,
  );
  await recordChange(ctx, tx, {
    actor,
    action: plan.action ?? 'dispatch',
    before: row,
    after,
    reason,
    ...(plan.reporters ? { reporters: plan.reporters } : {}),
    data: {
      leadUnit: { id: lead.id, name: lead.name },
      coUnits: coUnits.map((u) => ({ id: u.id, name: u.name })),
      ruleId,
      policyId: policy.id,
      responseDue: schedule.responseDue.toISOString(),
      resolveDue: schedule.resolveDue.toISOString(),
    },
    at: now,
  });
  return after;
}
