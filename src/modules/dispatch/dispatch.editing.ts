import type { Actor } from '../../platform/auth.js';
import { appendAudit } from '../../platform/audit.js';
import type { AppContext } from '../../platform/context.js';
import type { Conn } from '../../platform/db/index.js';
import type { DispatchRule } from '../../platform/db/schema.js';
import { DomainError } from '../../platform/errors.js';
import { findCategoryByCode } from '../categories/index.js';
import * as repo from './dispatch.repository.js';
import { viewRules, type RuleView } from './dispatch.service.js';

/** A rule as an admin writes it, with categories and units named by code. */
export interface RuleInput {
  /** Category code at any level, or null for any category. */
  category: string | null;
  /** Area unit code (district, street, community, grid), or null for the whole district. */
  area: string | null;
  /** unit = to the lead unit; street = 直派街乡, to the street/township containing the case's area. */
  mode: 'unit' | 'street';
  lead: string | null;
  co: string[];
  note: string | null;
}

/** The changeable part of a rule: a new version keeps its (category, area) pair. */
export type RuleTerms = Omit<RuleInput, 'category' | 'area'>;

const areaKinds = new Set(['city', 'district', 'street', 'community', 'grid']);

/** Codes → ids, checking that the category and units exist and fit their roles. */
export async function resolveCodes(
  db: Conn,
  input: Partial<Pick<RuleInput, 'category' | 'area'>> & RuleTerms,
) {
  let categoryId: number | null = null;
  if (input.category) {
    const category = await findCategoryByCode(db, input.category);
    if (!category || !category.active)
      throw new DomainError('unknown_category', `no active category ${input.category}`);
    categoryId = category.id;
  }
  if (input.mode === 'unit' && !input.lead)
    throw new DomainError('validation_failed', 'mode unit needs a lead unit');
  if (input.mode === 'street' && input.lead) {
    throw new DomainError(
      'validation_failed',
      'mode street (直派街乡) takes the street from the case area; omit lead',
    );
  }
  if (input.lead && input.co.includes(input.lead)) {
    throw new DomainError('validation_failed', 'the lead unit cannot also co-handle');
  }
  const codes = [...new Set([input.area, input.lead, ...input.co].filter((c): c is string => !!c))];
  const units = await repo.findUnitsByCodes(db, codes);
  const missing = codes.filter((c) => !units.some((u) => u.code === c && u.active));
  if (missing.length)
    throw new DomainError('unknown_unit', `no active unit ${missing.join(', ')}`, { codes: missing });
  const id = (code: string) => units.find((u) => u.code === code)!;
  const area = input.area ? id(input.area) : null;
  if (area && !areaKinds.has(area.kind)) {
    throw new DomainError('validation_failed', `${area.name} is a ${area.kind}, not an area`, {
      area: area.code,
    });
  }
  return {
    categoryId,
    areaUnitId: area?.id ?? null,
    leadUnitId: input.lead ? id(input.lead).id : null,
    coUnitIds: [...new Set(input.co)].map((c) => id(c).id),
  };
}

const auditRule = (r: DispatchRule) => ({
  id: r.id,
  categoryId: r.category_id,
  areaUnitId: r.area_unit_id,
  mode: r.mode,
  leadUnitId: r.lead_unit_id,
  coUnitIds: r.co_unit_ids,
  note: r.note,
});

/** Adds a rule for a (category, area) pair that has none; 409 duplicate when it has one. */
export async function createRule(ctx: AppContext, actor: Actor, input: RuleInput): Promise<RuleView> {
  return ctx.db.transaction().execute(async (tx) => {
    const ids = await resolveCodes(tx, input);
    const existing = await repo.findCurrentRuleForPair(tx, ids.categoryId, ids.areaUnitId);
    if (existing) {
      throw new DomainError(
        'duplicate',
        `rule #${existing.id} already covers this category and area; edit it`,
        {
          ruleId: existing.id,
        },
      );
    }
    const [rule] = await repo.insertRules(tx, [
      {
        category_id: ids.categoryId,
        area_unit_id: ids.areaUnitId,
        mode: input.mode,
        lead_unit_id: ids.leadUnitId,
        co_unit_ids: ids.coUnitIds,
        note: input.note,
        created_by: actor.id,
      },
    ]);
    await appendAudit(tx, ctx.config.AUDIT_SECRET, {
      actorUserId: actor.id,
      action: 'dispatch_rule.create',
      entity: 'dispatch_rule',
      entityId: String(rule!.id),
      before: null,
      after: auditRule(rule!),
    });
    return (await viewRules(tx, [rule!]))[0]!;
  });
}

/**
 * Replaces a current rule with a new version (same category and area): the old row is retired,
 * the new one inserted, in one transaction with one audit entry. Cases keep the id of the rule
 * they were dispatched under. Editing a retired version is 409 stale_version.
 */
export async function replaceRule(
  ctx: AppContext,
  actor: Actor,
  id: number,
  terms: RuleTerms,
): Promise<RuleView> {
  return ctx.db.transaction().execute(async (tx) => {
    const old = await repo.findRule(tx, id, true);
    if (!old) throw new DomainError('not_found', `no dispatch rule #${id}`);
    if (old.retired_at) {
      const current = await repo.findCurrentRuleForPair(tx, old.category_id, old.area_unit_id);
      throw new DomainError('stale_version', `rule #${id} was replaced or retired`, {
        currentId: current?.id ?? null,
      });
    }
    const ids = await resolveCodes(tx, terms);
    await repo.retireRule(tx, old.id, new Date());
    const [rule] = await repo.insertRules(tx, [
      {
        category_id: old.category_id,
        area_unit_id: old.area_unit_id,
        mode: terms.mode,
        lead_unit_id: ids.leadUnitId,
        co_unit_ids: ids.coUnitIds,
        note: terms.note,
        created_by: actor.id,
      },
    ]);
    await appendAudit(tx, ctx.config.AUDIT_SECRET, {
      actorUserId: actor.id,
      action: 'dispatch_rule.replace',
      entity: 'dispatch_rule',
      entityId: String(old.id),
      before: auditRule(old),
      after: auditRule(rule!),
    });
    return (await viewRules(tx, [rule!]))[0]!;
  });
}

/** Retires a current rule (no successor), audited; 409 when it is already retired. */
export async function retireRule(ctx: AppContext, actor: Actor, id: number): Promise<RuleView> {
  return ctx.db.transaction().execute(async (tx) => {
    const old = await repo.findRule(tx, id, true);
    if (!old) throw new DomainError('not_found', `no dispatch rule #${id}`);
    if (old.retired_at) throw new DomainError('invalid_transition', `rule #${id} is already retired`);
    const at = new Date();
    await repo.retireRule(tx, id, at);
    await appendAudit(tx, ctx.config.AUDIT_SECRET, {
      actorUserId: actor.id,
      action: 'dispatch_rule.retire',
      entity: 'dispatch_rule',
      entityId: String(id),
      before: auditRule(old),
      after: { ...auditRule(old), retiredAt: at.toISOString() },
    });
    return (await viewRules(tx, [{ ...old, retired_at: at }]))[0]!;
  });
}
