import type { Category, DeadlinePolicy } from '../../platform/db/schema.js';
import { parentCode } from './categories.codes.js';
import type { CategoryTreeNode } from './categories.schema.js';
import type { CategoryDetail, CategoryNode } from './categories.service.js';

// created_at is a Date at run time; the schema's Generated<Timestamp> select type is not unwrapped.
const asDate = (v: unknown) => (v instanceof Date ? v : new Date(String(v)));
const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** A policy version as the API shows it. */
export function presentPolicy(p: DeadlinePolicy) {
  return {
    id: p.id,
    priority: p.priority,
    response: { amount: p.response_amount, unit: p.response_unit },
    resolve: { amount: p.resolve_amount, unit: p.resolve_unit },
    createdAt: asDate(p.created_at).toISOString(),
    createdBy: p.created_by,
    retiredAt: iso(p.retired_at),
  };
}

/** A category without its deadlines. */
export function presentCategoryBase(c: Category) {
  return {
    id: c.id,
    code: c.code,
    name: c.name,
    nameEn: c.name_en,
    parentCode: parentCode(c.code),
    level: c.level,
    isLeaf: c.is_leaf,
    kind: c.kind,
    active: c.active,
    attributes: c.attributes,
  };
}

/** A category with its current deadlines (null on branches). */
export function presentCategory(c: Category, current: readonly DeadlinePolicy[]) {
  const pick = (priority: DeadlinePolicy['priority']) => {
    const p = current.find((x) => x.priority === priority && x.retired_at === null);
    return p ? presentPolicy(p) : null;
  };
  return {
    ...presentCategoryBase(c),
    deadlines: c.is_leaf
      ? { normal: pick('normal'), urgent: pick('urgent'), critical: pick('critical') }
      : null,
  };
}

/** The taxonomy tree. */
export function presentTree(nodes: readonly CategoryNode[]): CategoryTreeNode[] {
  return nodes.map((n) => ({
    ...presentCategory(n.category, n.policies),
    children: presentTree(n.children),
  }));
}

/** One category with its path, children and policy history. */
export function presentDetail(d: CategoryDetail) {
  return {
    category: presentCategory(d.category, d.policies),
    path: d.path.map((c) => ({ code: c.code, name: c.name })),
    children: d.children.map(presentCategoryBase),
    history: d.history.map(presentPolicy),
  };
}
