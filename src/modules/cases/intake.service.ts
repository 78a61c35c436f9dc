import { shardOf } from '../../platform/audit.js';
import type { Actor } from '../../platform/auth.js';
import { nowOf, type AppContext } from '../../platform/context.js';
import type { Tx } from '../../platform/db/index.js';
import type { CaseRow, Role } from '../../platform/db/schema.js';
import { DomainError } from '../../platform/errors.js';
import { caseCell } from '../../platform/h3.js';
import { uuidv7 } from '../../platform/ids.js';
import { planMessages } from '../notifications/outbox.plan.js';
import { confidentEnough, recordSuggestion } from '../suggest/suggest.service.js';
import { channelCallback } from '../notifications/outbox.repository.js';
import { applyDispatch } from './cases.dispatch.js';
import type { CaseDeps } from './cases.deps.js';
import { auditChange, timelineEntry } from './cases.events.js';
import { findCase, findReportByExternalId } from './cases.repository.js';
import type { IntakeInput } from './cases.schema.js';
import { placeReport } from './intake.area.js';
import { joinAtIntake } from './intake.join.js';
import { caseNumberPrefix, insertOpenedCase } from './opening.repository.js';

/** Which channels each role may file through. */
const channelsByRole: Partial<Record<Role, readonly string[] | 'any'>> = {
  agent: 'any',
  dispatcher: 'any',
  admin: 'any',
  supervisor: 'any',
  grid_worker: ['grid'],
  citizen: ['web', 'app', 'wechat'],
};

export interface IntakeResult {
  duplicate: boolean;
  caseRow: CaseRow;
  reportId: string;
}

/** A case's lifecycle fields before anything has happened to it. */
export const emptyLifecycle = {
  lead_unit_id: null,
  lead_unit_path: null,
  dispatch_rule_id: null,
  deadline_policy_id: null,
  dispatched_at: null,
  accepted_at: null,
  contacted_at: null,
  response_due_at: null,
  resolve_due_at: null,
  resolved_at: null,
  verified_at: null,
  evaluated_at: null,
  closed_at: null,
  response_overdue: false,
  resolve_overdue: false,
  responded_in_time: null,
  resolved_in_time: null,
  direct_answer: false,
  result_text: null,
  return_count: 0,
  reopen_count: 0,
  urge_count: 0,
  extension_count: 0,
  eval_count: 0,
  solved_count: 0,
  satisfied_count: 0,
  merged_into: null,
  invalid_reason: null,
} satisfies Partial<CaseRow>;

/**
 * 受理: records one inbound report and opens a case for it, or attaches it to an existing
 * case (并案) — every reporter keeps their own report, answer and rating. A redelivery with the
 * same channel and external id returns the first report instead of creating another.
 */
export async function intake(
  ctx: AppContext,
  deps: CaseDeps,
  tx: Tx,
  actor: Actor,
  input: IntakeInput,
  /** What the channel sent beyond the report's own fields; kept in the intake event's data. */
  channelData?: Record<string, unknown>,
  /**
   * The registered inbound channel the report came through, if any (answers go back there), and
   * whether the category is the reporter's own pick (the public portal): then it is a hint, and
   * the report goes through smart dispatch like an uncategorised one.
   */
  source: { inboundChannelId?: number; categoryFromReporter?: boolean } = {},
): Promise<IntakeResult> {
  const allowed = channelsByRole[actor.role];
  if (!allowed || (allowed !== 'any' && !allowed.includes(input.channel))) {
    throw new DomainError('forbidden', `role ${actor.role} may not file through channel ${input.channel}`);
  }
  const now = nowOf(ctx);
  if (input.externalId) {
    const existing = await findReportByExternalId(tx, input.channel, input.externalId);
    if (existing) {
      const caseRow = (await findCase(tx, existing.case_id))!;
      return { duplicate: true, caseRow, reportId: existing.id };
    }
  }
  const category = input.categoryCode ? await deps.findCategory(tx, input.categoryCode) : undefined;
  if (input.categoryCode) {
    if (!category || !category.active)
      throw new DomainError('unknown_category', `no category ${input.categoryCode}`);
    if (!category.is_leaf)
      throw new DomainError('category_not_leaf', `${input.categoryCode} is not a leaf category`);
  }
  const { area, located } = await placeReport(ctx, deps, tx, input);

  const reporter = input.reporter;
  const reportBase = {
    id: uuidv7(),
    channel: input.channel,
    external_id: input.externalId ?? null,
    text: input.text,
    category_id: category?.id ?? null,
    address: input.address ?? null,
    lon: input.lon ?? null,
    lat: input.lat ?? null,
    reporter_name: reporter.anonymous ? null : (reporter.name ?? null),
    reporter_phone: reporter.anonymous ? null : (reporter.phone ?? null),
    reporter_id_number: reporter.anonymous ? null : (reporter.idNumber ?? null),
    reporter_email: reporter.anonymous ? null : (reporter.email ?? null),
    inbound_channel_id: source.inboundChannelId ?? null,
    reporter_user_id: actor.role === 'citizen' ? actor.id : null,
    anonymous: reporter.anonymous,
    confidential: reporter.confidential,
    created_by: actor.id,
    received_at: now,
  };

  // 并案: the open cases this report probably repeats (its text is indexed under the case id it
  // will get); above SIMILAR_AUTO_MERGE_SCORE it joins the best one instead of opening a case.
  // Smart dispatch: a report without a category (or with only the reporter's own pick) gets the
  // active model's suggestion; a confident one is dispatched at once (below), the rest wait in the
  // dispatcher queue with it. Both look
  // things up at once, in one round trip (the connection pipelines them); a report that joins a
  // case by itself just does not use its suggestion.
  const id = uuidv7();
  const [similar, suggestion] = await Promise.all([
    input.mergeIntoCase
      ? null
      : deps.similar.atIntake(
          ctx,
          tx,
          {
            text: input.text,
            title: input.title ?? null,
            lon: input.lon ?? null,
            lat: input.lat ?? null,
            categoryId: category?.id ?? null,
            areaUnitId: area?.id ?? null,
            at: now,
          },
          id,
        ),
    (category && !source.categoryFromReporter) || input.kind !== 'request'
      ? null
      : deps.suggest(ctx, tx, { text: input.text, title: input.title ?? null, areaUnitId: area?.id ?? null }),
  ]);
  const auto = similar?.autoMerge ?? null;
  if (input.mergeIntoCase || auto) {
    const joined = await joinAtIntake(ctx, deps, tx, actor, {
      mergeIntoCase: input.mergeIntoCase,
      auto,
      report: reportBase,
      indexedAs: id,
      now,
    });
    if (joined) return { duplicate: false, caseRow: joined, reportId: reportBase.id };
    // (An automatic candidate closed between the lookup and the lock: the report opens its own case.)
  }

  const autoDispatch = suggestion && confidentEnough(ctx, suggestion) ? suggestion : null;
  const caseRow: CaseRow = {
    id,
    number: '',
    status: 'received',
    kind: input.kind,
    title: input.title ?? input.text.slice(0, 40),
    description: input.text,
    category_id: autoDispatch?.categoryId ?? category?.id ?? null,
    priority: input.priority,
    area_unit_id: area?.id ?? null,
    area_path: area?.path ?? null,
    address: input.address ?? null,
    lon: input.lon ?? null,
    lat: input.lat ?? null,
    h3_cell: await caseCell(input.lon, input.lat),
    ...emptyLifecycle,
    channel: input.channel,
    created_by: actor.id,
    received_at: now,
    report_count: 1,
    version: 1,
    updated_at: now,
  };
  const { number: _unset, ...newCase } = caseRow;
  const opened = {
    actor,
    action: 'received',
    before: null,
    after: caseRow,
    data: {
      reportId: reportBase.id,
      channel: input.channel,
      ...(channelData ? { channelData } : {}),
      ...(located ? { addressResolution: located.record } : {}),
      ...(similar?.proposals.length ? { similar: similar.proposals } : {}),
    },
    at: now,
  };
  // The automatic dispatch below needs the category's deadline policy and the calendar: read
  // them now, pipelined behind the statement that opens the case (deps remember them for the
  // transaction), instead of a round trip of their own after it.
  if (autoDispatch?.categoryId != null) {
    const warm = Promise.all([
      deps.currentPolicy(tx, autoDispatch.categoryId, input.priority),
      deps.calendar(tx),
    ]);
    warm.catch(() => undefined); // applyDispatch reads them again and sees any error
  }
  const eventId = uuidv7();
  const callbackUrl = source.inboundChannelId ? await channelCallback(tx, source.inboundChannelId) : null;
  const reporters = [
    {
      id: reportBase.id,
      reporter_email: reportBase.reporter_email,
      reporter_phone: reportBase.reporter_phone,
      callback_url: callbackUrl,
    },
  ];
  const acknowledgements = planMessages(
    ctx.config,
    { caseId: id, eventId, action: 'received', status: 'received', at: now },
    reporters,
  );
  const { number, head } = await insertOpenedCase(
    tx,
    newCase,
    caseNumberPrefix(ctx.config.DISTRICT_CODE, now),
    { ...reportBase, case_id: id, original_case_id: id },
    { ...timelineEntry(opened), id: eventId },
    shardOf('case', id),
    acknowledgements,
  );
  caseRow.number = number;
  await auditChange(ctx, tx, opened, head);
  let result = caseRow;
  if (suggestion)
    await recordSuggestion(tx, id, suggestion, autoDispatch ? 'auto_dispatched' : 'queued', now);
  if (autoDispatch) {
    // The system dispatches (no actor); the timeline's reason names the model, label and phrases.
    result = await applyDispatch(
      ctx,
      deps,
      tx,
      caseRow,
      {
        leadUnitId: autoDispatch.unitId,
        coUnitIds: autoDispatch.coUnitIds,
        categoryId: autoDispatch.categoryId,
        priority: input.priority,
        reason: autoDispatch.reasons.join('；'),
        reporters,
      },
      null,
      now,
    );
  } else if (input.autoDispatch && category && area) {
    const decision = await deps.resolveDispatch(tx, { categoryId: category.id, areaUnitId: area.id });
    if (decision) {
      result = await applyDispatch(
        ctx,
        deps,
        tx,
        caseRow,
        {
          leadUnitId: decision.leadUnitId,
          coUnitIds: decision.coUnitIds,
          categoryId: category.id,
          priority: input.priority,
          reason: decision.reason,
          reporters,
        },
        actor,
        now,
      );
    }
  }
  return { duplicate: false, caseRow: result, reportId: reportBase.id };
}
