import type { Preview, RuleView } from './dispatch.service.js';

const asDate = (v: unknown) => (v instanceof Date ? v : new Date(String(v)));
const ref = (r: { id: number; code: string; name: string } | null) =>
  r ? { id: r.id, code: r.code, name: r.name } : null;

/** A dispatch rule with its category and units named. */
export function presentRule(v: RuleView) {
  return {
    id: v.rule.id,
    category: ref(v.category),
    area: ref(v.area),
    mode: v.rule.mode,
    lead: ref(v.lead),
    co: v.co.map((u) => ref(u)!),
    note: v.rule.note,
    createdAt: asDate(v.rule.created_at).toISOString(),
    createdBy: v.rule.created_by,
    retiredAt: v.rule.retired_at ? asDate(v.rule.retired_at).toISOString() : null,
  };
}

/** The preview: the decision and the ranked candidates. */
export function presentPreview(p: Preview) {
  const d = p.decision;
  return {
    decision: d
      ? { ruleId: d.ruleId, mode: d.mode, lead: ref(d.lead)!, co: d.co.map((u) => ref(u)!), reason: d.reason }
      : null,
    candidates: p.candidates.map(({ view, candidate }) => ({
      rule: presentRule(view),
      categoryDepth: candidate.categoryDepth,
      areaDepth: candidate.areaDepth,
      chosen: d !== null && candidate.rule.id === d.ruleId,
      skipped: candidate.skipped,
    })),
  };
}
