import type { Conn } from '../../platform/db/index.js';
import type { DispatchRule } from '../../platform/db/schema.js';
import { DomainError } from '../../platform/errors.js';
import { findCategoriesByIds, findCategoryByCode } from '../categories/index.js';
import * as repo from './dispatch.repository.js';
import { evaluateDispatch, type Candidate, type DispatchDecision } from './dispatch.resolve.js';

type Ref = { id: number; code: string; name: string };

/** A rule with its category and units named, ready to present. */
export interface RuleView {
  rule: DispatchRule;
  category: Ref | null;
  area: Ref | null;
  lead: Ref | null;
  co: Ref[];
}

/** Names the categories and units of many rules with two queries. */
export async function viewRules(db: Conn, rules: readonly DispatchRule[]): Promise<RuleView[]> {
  const categoryIds = [...new Set(rules.flatMap((r) => r.category_id ?? []))];
  const unitIds = [
    ...new Set(rules.flatMap((r) => [r.area_unit_id ?? [], r.lead_unit_id ?? [], ...r.co_unit_ids].flat())),
  ];
  const [categories, units] = await Promise.all([
    findCategoriesByIds(db, categoryIds),
    repo.findUnitsByIds(db, unitIds),
  ]);
  const unit = (id: number | null) => (id === null ? null : (units.find((u) => u.id === id) ?? null));
  return rules.map((rule) => ({
    rule,
    category: categories.find((c) => c.id === rule.category_id) ?? null,
    area: unit(rule.area_unit_id),
    lead: unit(rule.lead_unit_id),
    co: rule.co_unit_ids.map(unit).filter((u): u is NonNullable<typeof u> => u !== null),
  }));
}

/** The catalogue, filtered by category or area code. */
export async function listRuleViews(
  db: Conn,
  query: { includeRetired: boolean; category?: string | undefined; area?: string | undefined },
): Promise<RuleView[]> {
  const { categoryId, areaUnitId } = await idsForCodes(db, query.category, query.area);
  const rules = await repo.listRules(db, {
    includeRetired: query.includeRetired,
    categoryId: categoryId ?? undefined,
    areaUnitId: areaUnitId ?? undefined,
  });
  return viewRules(db, rules);
}

/** One rule with every version of its (category, area) pair, newest first. */
export async function ruleWithHistory(
  db: Conn,
  id: number,
): Promise<{ rule: RuleView; history: RuleView[] }> {
  const rule = await repo.findRule(db, id);
  if (!rule) throw new DomainError('not_found', `no dispatch rule #${id}`);
  const history = await repo.findPairHistory(db, rule.category_id, rule.area_unit_id);
  const views = await viewRules(db, [rule, ...history]);
  return { rule: views[0]!, history: views.slice(1) };
}

async function idsForCodes(db: Conn, categoryCode?: string, areaCode?: string) {
  let categoryId: number | null = null;
  let areaUnitId: number | null = null;
  if (categoryCode) {
    const category = await findCategoryByCode(db, categoryCode);
    if (!category) throw new DomainError('unknown_category', `no category ${categoryCode}`);
    categoryId = category.id;
  }
  if (areaCode) {
    const [unit] = await repo.findUnitsByCodes(db, [areaCode]);
    if (!unit) throw new DomainError('unknown_unit', `no unit ${areaCode}`);
    areaUnitId = unit.id;
  }
  return { categoryId, areaUnitId };
}

export interface Preview {
  decision: (DispatchDecision & { lead: Ref; co: Ref[] }) | null;
  candidates: Array<{ view: RuleView; candidate: Candidate }>;
}

/** What the catalogue would do for a category and area (codes), and why: every matching rule ranked. */
export async function previewDispatch(db: Conn, categoryCode?: string, areaCode?: string): Promise<Preview> {
  const ids = await idsForCodes(db, categoryCode, areaCode);
  const evaluation = await evaluateDispatch(db, ids);
  const views = await viewRules(
    db,
    evaluation.candidates.map((c) => c.rule),
  );
  const d = evaluation.decision;
  let decision: Preview['decision'] = null;
  if (d) {
    const units = await repo.findUnitsByIds(db, [d.leadUnitId, ...d.coUnitIds]);
    const ref = (id: number) => units.find((u) => u.id === id)!;
    decision = { ...d, lead: ref(d.leadUnitId), co: d.coUnitIds.map(ref) };
  }
  return {
    decision,
    candidates: evaluation.candidates.map((candidate, i) => ({ view: views[i]!, candidate })),
  };
}
