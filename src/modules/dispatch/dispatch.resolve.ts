import type { Conn } from '../../platform/db/index.js';
import type { DispatchRule } from '../../platform/db/schema.js';
import { categoryPath, findCategoryById } from '../categories/index.js';
import * as repo from './dispatch.repository.js';

/** What the catalogue decides for a case: who leads, who co-handles, under which rule and why. */
export interface DispatchDecision {
  ruleId: number;
  mode: 'unit' | 'street';
  leadUnitId: number;
  coUnitIds: number[];
  reason: string;
}

/** One current rule that matches, with how specific it is and whether it could be used. */
export interface Candidate {
  rule: DispatchRule;
  /** Level of the matched category (1–3), 0 for a rule on any category. */
  categoryDepth: number;
  /** Depth of the matched area unit, -1 for a rule on the whole district. */
  areaDepth: number;
  /** Why the rule could not be applied (e.g. direct-to-street with no street above the area). */
  skipped: string | null;
  decision: DispatchDecision | null;
}

export interface Evaluation {
  decision: DispatchDecision | null;
  /** Every matching rule, most specific first. */
  candidates: Candidate[];
}

const label = (u: { code: string; name: string }) => `${u.name}(${u.code})`;

/**
 * Ranks the current rules that match a category and an area. Most specific wins: a deeper
 * category match first (小类 over 中类 over 大类 over "any"), then a deeper area match (grid over
 * community over street over district over "whole district"). Ties cannot occur: at most one
 * current rule exists per (category, area) pair (unique index, migration 0003), and two
 * candidates at the same depths would match the same ancestor category and the same ancestor
 * unit. A rule that cannot be applied — direct-to-street (直派街乡) when the area lies in no
 * street, or an inactive lead unit — is skipped with the reason and the next rule is tried.
 */
export async function evaluateDispatch(
  db: Conn,
  input: { categoryId: number | null; areaUnitId: number | null },
): Promise<Evaluation> {
  const categoryChain = async (id: number | null) => {
    const category = id === null ? undefined : await findCategoryById(db, id);
    return category ? categoryPath(db, category.code) : [];
  };
  const [categories, areas] = await Promise.all([
    categoryChain(input.categoryId),
    input.areaUnitId === null ? [] : repo.unitWithAncestors(db, input.areaUnitId),
  ]);
  const rules = await repo.findCandidateRules(
    db,
    categories.map((c) => c.id),
    areas.map((a) => a.id),
  );
  const units = await repo.findUnitsByIds(db, [
    ...new Set(rules.flatMap((r) => [r.lead_unit_id ?? [], ...r.co_unit_ids].flat())),
  ]);
  const street = areas.find((a) => a.kind === 'street');

  const candidates = rules
    .map((rule) => {
      const cat = categories.find((c) => c.id === rule.category_id);
      const area = areas.find((a) => a.id === rule.area_unit_id);
      return { rule, cat, area, categoryDepth: cat?.level ?? 0, areaDepth: area?.depth ?? -1 };
    })
    .sort((a, b) => b.categoryDepth - a.categoryDepth || b.areaDepth - a.areaDepth)
    .map(({ rule, cat, area, categoryDepth, areaDepth }): Candidate => {
      const scope = `类别 ${cat ? `${cat.code} ${cat.name}` : '全部'} × 区域 ${area ? label(area) : '全区'}`;
      let lead = rule.mode === 'street' ? street : units.find((u) => u.id === rule.lead_unit_id);
      let skipped: string | null = null;
      if (rule.mode === 'street' && !street)
        skipped = '直派街乡：案件区域不在任何街道/乡镇内 (area lies in no street)';
      else if (!lead?.active)
        skipped = `主办单位 ${lead ? label(lead) : rule.lead_unit_id} 已停用 (lead unit inactive)`;
      if (skipped) lead = undefined;
      const coUnitIds = lead ? rule.co_unit_ids.filter((id) => id !== lead.id) : [];
      const coNames = coUnitIds
        .map((id) => units.find((u) => u.id === id))
        .flatMap((u) => (u ? [label(u)] : []));
      const target = lead ? `${rule.mode === 'street' ? '直派街乡 ' : ''}${label(lead)}` : '';
      const decision: DispatchDecision | null = lead
        ? {
            ruleId: rule.id,
            mode: rule.mode,
            leadUnitId: lead.id,
            coUnitIds,
            reason: `派单目录规则 #${rule.id}: ${scope} → ${target}${coNames.length ? `，协办 ${coNames.join('、')}` : ''}`,
          }
        : null;
      return { rule, categoryDepth, areaDepth, skipped, decision };
    });
  return { decision: candidates.find((c) => c.decision)?.decision ?? null, candidates };
}

/**
 * Where a case goes by the dispatch catalogue (派单目录), or null when no rule applies.
 * See {@link evaluateDispatch} for the specificity order and how ties are excluded.
 */
export async function resolveDispatch(
  db: Conn,
  input: { categoryId: number | null; areaUnitId: number | null },
): Promise<DispatchDecision | null> {
  return (await evaluateDispatch(db, input)).decision;
}
