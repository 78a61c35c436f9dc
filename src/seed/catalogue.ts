import { appendAudit } from '../platform/audit.js';
import type { AppContext } from '../platform/context.js';
import {
  attributesSchema,
  parentCode,
  policyValues,
  priorities,
  validateDeadlineSet,
} from '../modules/categories/index.js';
import { cityManagement } from './data/city-management.js';
import { defaultProfile, profiles } from './data/deadline-profiles.js';
import { seedRules } from './data/dispatch-rules.js';
import { hotlineA } from './data/hotline-a.js';
import { hotlineB } from './data/hotline-b.js';
import { serviceAttributes } from './data/service-attributes.js';
import type { SeedCategory } from './data/types.js';

/** The demo taxonomy: 12345 hotline matters and GB/T 30428 city-management events and components. */
export const seedTaxonomy: readonly SeedCategory[] = [...hotlineA, ...hotlineB, ...cityManagement];

/** Every node of the taxonomy, parents before children, checked for a consistent code scheme. */
export function flattenTaxonomy(roots: readonly SeedCategory[]): Array<SeedCategory & { isLeaf: boolean }> {
  const out: Array<SeedCategory & { isLeaf: boolean }> = [];
  const seen = new Set<string>();
  const walk = (node: SeedCategory, parent: string | null) => {
    if (parentCode(node.code) !== parent)
      throw new Error(`catalogue: ${node.code} is not a child code of ${parent}`);
    if (seen.has(node.code)) throw new Error(`catalogue: duplicate code ${node.code}`);
    seen.add(node.code);
    const isLeaf = !node.children?.length;
    if (!isLeaf && node.profile) throw new Error(`catalogue: branch ${node.code} has a deadline profile`);
    out.push({ ...node, isLeaf });
    for (const child of node.children ?? []) walk(child, node.code);
  };
  for (const root of roots) walk(root, null);
  return out;
}

/**
 * Seeds the demo category taxonomy with deadlines and the demo dispatch catalogue, when the
 * categories table is empty; returns whether it seeded. Runs after the org seed: the rules name
 * departments `<DISTRICT_CODE>-Dnn`, and a missing department aborts the whole seed (one
 * transaction) with the codes it could not find. Inserts in batches: one statement per
 * category level, one for all policies, one for all rules, one audit entry.
 */
export async function seedCatalogue(ctx: AppContext): Promise<boolean> {
  const nodes = flattenTaxonomy(seedTaxonomy);
  for (const set of Object.values(profiles)) validateDeadlineSet(set);
  const attributes = seedAttributes(nodes);
  return ctx.db.transaction().execute(async (tx) => {
    const any = await tx.selectFrom('categories').select('id').limit(1).executeTakeFirst();
    if (any) return false;

    const district = ctx.config.DISTRICT_CODE;
    const deptCodes = [...new Set(seedRules.flatMap((r) => [r.lead ?? [], ...(r.co ?? [])].flat()))].map(
      (suffix) => `${district}-${suffix}`,
    );
    const units = await tx
      .selectFrom('org_units')
      .select(['id', 'code'])
      .where('code', 'in', deptCodes)
      .execute();
    const unitId = new Map(units.map((u) => [u.code, u.id]));
    const missing = deptCodes.filter((c) => !unitId.has(c));
    if (missing.length > 0) {
      throw new Error(
        `catalogue seed: unknown department codes ${missing.join(', ')} (seed the org tree first)`,
      );
    }
    const dept = (suffix: string) => unitId.get(`${district}-${suffix}`)!;

    const categoryId = new Map<string, number>();
    for (const level of [1, 2, 3]) {
      const rows = nodes
        .filter((n) => n.code.split('-').length === level)
        .map((n) => ({
          code: n.code,
          name: n.name,
          name_en: n.nameEn,
          parent_id: level === 1 ? null : categoryId.get(parentCode(n.code)!)!,
          level,
          is_leaf: n.isLeaf,
          kind: n.kind,
          attributes: JSON.stringify(attributes.get(n.code) ?? []),
        }));
      if (rows.length === 0) continue;
      const inserted = await tx.insertInto('categories').values(rows).returning(['id', 'code']).execute();
      for (const r of inserted) categoryId.set(r.code, r.id);
    }

    const leaves = nodes.filter((n) => n.isLeaf);
    const policies = leaves.flatMap((n) => {
      const set = profiles[n.profile ?? defaultProfile[n.kind]];
      return priorities.map((p) => policyValues(categoryId.get(n.code)!, p, set[p], null));
    });
    await tx.insertInto('deadline_policies').values(policies).execute();

    const rules = seedRules.map((r) => {
      const id = r.category === null ? null : categoryId.get(r.category);
      if (id === undefined) throw new Error(`catalogue seed: rule names unknown category ${r.category}`);
      return {
        category_id: id,
        area_unit_id: null,
        mode: r.mode,
        lead_unit_id: r.lead ? dept(r.lead) : null,
        co_unit_ids: (r.co ?? []).map(dept),
        note: r.note,
        created_by: null,
      };
    });
    await tx.insertInto('dispatch_rules').values(rules).execute();

    await appendAudit(tx, ctx.config.AUDIT_SECRET, {
      actorUserId: null,
      action: 'catalogue.seed',
      entity: 'catalogue',
      entityId: district,
      before: null,
      after: {
        categories: nodes.length,
        leaves: leaves.length,
        policies: policies.length,
        rules: rules.length,
        servicesWithAttributes: attributes.size,
      },
    });
    return true;
  });
}

/** The demo's Open311 attributes, validated like an admin's edit; only leaves may carry them. */
function seedAttributes(nodes: ReadonlyArray<SeedCategory & { isLeaf: boolean }>) {
  const out = new Map<string, ReturnType<typeof attributesSchema.parse>>();
  for (const [code, list] of Object.entries(serviceAttributes)) {
    if (!nodes.some((n) => n.code === code && n.isLeaf)) {
      throw new Error(`catalogue: attributes for ${code}, which is not a leaf`);
    }
    out.set(code, attributesSchema.parse(list));
  }
  return out;
}
