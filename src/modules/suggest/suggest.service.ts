import type { AppContext } from '../../platform/context.js';
import type { Conn } from '../../platform/db/index.js';
import { deferredQuery } from '../../platform/db/pg-driver.js';
import type { CaseRow } from '../../platform/db/schema.js';
import { classify } from '../classifier/index.js';
import type { CaseDeps } from '../cases/cases.deps.js';
import { activeModel } from './registry.js';

/** What the active model proposes for a report: where it goes, how sure, and why. */
export interface Suggestion {
  modelId: number;
  modelVersion: number;
  label: string;
  confidence: number;
  categoryId: number | null;
  categoryCode: string | null;
  unitId: number | null;
  coUnitIds: number[];
  ruleId: number | null;
  alternatives: Array<{ label: string; confidence: number }>;
  /** The phrases of the text that pushed the decision most. */
  phrases: Array<{ text: string; weight: number }>;
  /** In words, for the dispatcher and the timeline. */
  reasons: string[];
}

/**
 * Classifies a report's text with the active model and turns the label into a destination: the
 * label's own unit, else its category through the dispatch catalogue with the report's area.
 * Null when no model is active or the text has nothing to classify.
 */
export async function suggest(
  ctx: AppContext,
  deps: CaseDeps,
  db: Conn,
  probe: { text: string; title: string | null; areaUnitId: number | null },
): Promise<Suggestion | null> {
  const active = await activeModel(ctx, db);
  if (!active) return null;
  let result;
  try {
    result = classify(active.model, probe.title ? `${probe.title}\n${probe.text}` : probe.text);
  } catch {
    // Text the model cannot read (no Chinese, only emoji): no suggestion, the dispatcher decides.
    return null;
  }
  const target = active.labelMap[result.label] ?? {};
  // Both lookups in one round trip (the connection pipelines them).
  const [category, labelUnit] = await Promise.all([
    target.categoryCode ? deps.findCategory(db, target.categoryCode) : undefined,
    target.unitCode ? deps.findUnit(db, target.unitCode) : undefined,
  ]);
  const reasons = [
    `模型 v${active.version} 判定为「${result.label}」，置信度 ${(result.confidence * 100).toFixed(1)}%`,
  ];
  if (result.phrases.length > 0) {
    reasons.push(`关键词：${result.phrases.map((p) => p.text).join('、')}`);
  }
  let unitId: number | null = null;
  let coUnitIds: number[] = [];
  let ruleId: number | null = null;
  const leaf = category?.active && category.is_leaf ? category : undefined;
  if (target.unitCode) {
    // The label names its unit: that is where it goes; its category only sets the deadlines.
    const unit = labelUnit;
    if (unit?.active) {
      unitId = unit.id;
      reasons.push(`「${result.label}」由${unit.name}承办`);
    }
  } else if (leaf) {
    // The label is a category: the dispatch catalogue decides with the report's area, so
    // 直派街乡 and co-handling rules apply as for any report of that category.
    const decision = await deps.resolveDispatch(db, { categoryId: leaf.id, areaUnitId: probe.areaUnitId });
    if (decision) {
      ({ leadUnitId: unitId, coUnitIds, ruleId } = decision);
      reasons.push(`派单目录：${decision.reason}`);
    }
  }
  return {
    modelId: active.id,
    modelVersion: active.version,
    label: result.label,
    confidence: result.confidence,
    categoryId: leaf?.id ?? null,
    categoryCode: leaf?.code ?? null,
    unitId,
    coUnitIds,
    ruleId,
    alternatives: result.alternatives.slice(0, 5),
    phrases: result.phrases,
    reasons,
  };
}

/** Whether intake may dispatch on the suggestion alone. */
export function confidentEnough(
  ctx: AppContext,
  s: Suggestion | null,
): s is Suggestion & { categoryId: number; unitId: number } {
  return (
    s !== null &&
    s.categoryId !== null &&
    s.unitId !== null &&
    s.confidence >= ctx.config.AUTO_DISPATCH_CONFIDENCE
  );
}

/** Keeps what was suggested and what intake did with it (auto_dispatched | queued). */
export async function recordSuggestion(
  db: Conn,
  caseId: string,
  s: Suggestion,
  decision: 'auto_dispatched' | 'queued',
  at: Date,
): Promise<void> {
  await db.executeQuery(
    deferredQuery(
      db.insertInto('case_suggestions').values({
        case_id: caseId,
        model_id: s.modelId,
        label: s.label,
        confidence: s.confidence,
        category_id: s.categoryId,
        unit_id: s.unitId,
        alternatives: JSON.stringify(s.alternatives),
        phrases: JSON.stringify(s.phrases),
        decision,
        created_at: at,
      }),
    ),
  );
}

/**
 * The city's answer for a case, learnt when its lead unit accepts it (签收): after any returns
 * (退单) and re-dispatches, the unit that takes the case is the right one, and the case's
 * category is what it was handled under. A later accept (after a return) overwrites the label.
 */
export async function recordTrainingLabel(db: Conn, after: CaseRow, at: Date): Promise<void> {
  if (after.lead_unit_id === null) return;
  const text =
    after.title && !after.description.startsWith(after.title)
      ? `${after.title}\n${after.description}`
      : after.description;
  await db
    .insertInto('training_labels')
    .values({
      case_id: after.id,
      text,
      category_id: after.category_id,
      unit_id: after.lead_unit_id,
      source: 'accept',
      labelled_at: at,
    })
    .onConflict((oc) =>
      oc.column('case_id').doUpdateSet({
        category_id: after.category_id,
        unit_id: after.lead_unit_id!,
        labelled_at: at,
      }),
    )
    .execute();
}
