import type { Actor } from '../../platform/auth.js';
import { nowOf, type AppContext } from '../../platform/context.js';
import type { Tx } from '../../platform/db/index.js';
import type { CaseRow } from '../../platform/db/schema.js';
import { DomainError } from '../../platform/errors.js';
import { caseCell } from '../../platform/h3.js';
import { uuidv7 } from '../../platform/ids.js';
import { recordSuggestion } from '../suggest/suggest.service.js';
import { lockForAction } from './actions.service.js';
import type { CaseDeps } from './cases.deps.js';
import { recordChange } from './cases.events.js';
import { findCase, foundingReportId, listReports, updateCase } from './cases.repository.js';
import type { SplitInput } from './cases.schema.js';
import { locateArea } from './intake.area.js';
import { emptyLifecycle } from './intake.service.js';
import { caseNumberPrefix, insertCaseWithNumber } from './opening.repository.js';

export interface SplitResult {
  /** The case the report left (same status, one report fewer). */
  source: CaseRow;
  /** The case the report opened, waiting for a dispatcher. */
  created: CaseRow;
  reportId: string;
}

/**
 * 拆分: takes a report that was merged into a case (并案: it joined at intake, or came with a case
 * merged into this one) back out into a case of its own. The new case opens `received` — in the
 * dispatcher queue, with the model's suggestion when there is one — with the report's text, place
 * and channel; where the report came with a merged case, that case's category, area, kind and
 * priority. The reporter is told the new number (the new case's public `received` entry), and
 * still tracks with the number they were first given (the report keeps its original case). Both
 * timelines and the audit chain say who split what and why; the 并案 index forgets the report's
 * words for the old case and the pair is never proposed for merging again.
 */
export async function splitReport(
  ctx: AppContext,
  deps: CaseDeps,
  tx: Tx,
  actor: Actor,
  idOrNumber: string,
  body: SplitInput,
): Promise<SplitResult> {
  const row = await lockForAction(tx, actor, idOrNumber, 'split', body.version);
  const reports = await listReports(tx, row.id);
  const report = reports.find((r) => r.id === body.reportId);
  if (!report) throw new DomainError('report_not_found', 'no such report on this case');
  const founding = (await foundingReportId(tx, row.id)) ?? reports[0]!.id;
  if (report.id === founding || reports.length < 2) {
    throw new DomainError('report_not_merged', 'the case was opened with this report; it stays with it');
  }
  if (report.evaluated_at) {
    throw new DomainError('report_evaluated', 'a rated report stays with the case it was rated on');
  }
  const now = nowOf(ctx);
  // A report that came with a merged case takes that case's reading; one that joined at intake
  // has only its own fields, and its address is read again.
  const origin = report.original_case_id !== row.id ? await findCase(tx, report.original_case_id) : undefined;
  const located = origin ? null : await locateArea(ctx, deps, tx, report);
  const areaUnitId = origin ? origin.area_unit_id : (located?.unit?.id ?? null);
  const areaPath = origin ? origin.area_path : (located?.unit?.path ?? null);
  const categoryId = report.category_id ?? origin?.category_id ?? null;
  const kind = origin?.kind ?? 'request';

  const created = await insertCaseWithNumber(
    tx,
    {
      ...emptyLifecycle,
      id: uuidv7(),
      status: 'received',
      kind,
      title: origin?.title ?? report.text.slice(0, 40),
      description: report.text,
      category_id: categoryId,
      priority: origin?.priority ?? 'normal',
      area_unit_id: areaUnitId,
      area_path: areaPath,
      address: report.address,
      lon: report.lon,
      lat: report.lat,
      h3_cell: await caseCell(report.lon, report.lat),
      channel: report.channel,
      created_by: actor.id,
      // The city has had this request since the report came in: it ages in the queue from then.
      received_at: report.received_at,
      report_count: 1,
      version: 1,
      updated_at: now,
    },
    caseNumberPrefix(ctx.config.DISTRICT_CODE, now),
  );
  await tx.updateTable('reports').set({ case_id: created.id }).where('id', '=', report.id).execute();
  const source = await updateCase(tx, row, { report_count: row.report_count - 1 }, now);
  const reason = body.reason ?? null;
  await recordChange(ctx, tx, {
    actor,
    action: 'split',
    before: row,
    after: source,
    reason,
    data: { reportId: report.id, newCase: created.number },
    at: now,
  });
  await recordChange(ctx, tx, {
    actor,
    action: 'received',
    before: null,
    after: created,
    reason,
    data: {
      reportId: report.id,
      channel: report.channel,
      splitFrom: row.number,
      ...(located ? { addressResolution: located.record } : {}),
    },
    at: now,
  });
  await deps.similar.split(ctx, tx, {
    from: source,
    into: created,
    report,
    staying: reports.filter((r) => r.id !== report.id),
    userId: actor.id,
    reason,
    at: now,
  });
  if (categoryId === null && kind === 'request') {
    const s = await deps.suggest(ctx, tx, { text: report.text, title: null, areaUnitId });
    if (s) await recordSuggestion(tx, created.id, s, 'queued', now);
  }
  return { source, created, reportId: report.id };
}
