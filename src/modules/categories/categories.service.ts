import type { Conn } from '../../platform/db/index.js';
import type { Category, DeadlinePolicy, Priority } from '../../platform/db/schema.js';
import { DomainError } from '../../platform/errors.js';
import { ancestorCodes } from './categories.codes.js';
import * as repo from './categories.repository.js';

/**
 * The deadline policy version in force for a category and priority, or null.
 *
 * No fallback to ancestors is needed: only leaves hold current policies. When a leaf gains its
 * first child, its current policies are retired and the new child starts with copies of them
 * (see createCategory), so a branch never has policies in force. Null therefore means the leaf
 * has never been given deadlines (or the id is not a leaf); the caller decides what to do.
 */
export async function currentPolicy(
  db: Conn,
  categoryId: number,
  priority: Priority,
): Promise<DeadlinePolicy | null> {
  return (await repo.findCurrentPolicy(db, categoryId, priority)) ?? null;
}

/** One policy version by id, retired or not: the terms a case was dispatched under. */
export async function policyById(db: Conn, policyId: number): Promise<DeadlinePolicy | null> {
  return (await repo.findPolicyById(db, policyId)) ?? null;
}

/** The categories from level 1 down to `code` inclusive; empty when the code is unknown. */
export async function categoryPath(db: Conn, code: string): Promise<Category[]> {
  const rows = await repo.findCategoriesByCodes(db, ancestorCodes(code));
  const path = rows.sort((a, b) => a.code.length - b.code.length);
  return path.length > 0 && path[path.length - 1]!.code === code ? path : [];
}

/** A leaf category that can take cases: 422 unknown_category / category_not_leaf otherwise. */
export async function requireLeaf(db: Conn, code: string): Promise<Category> {
  const category = await repo.findCategoryByCode(db, code);
  if (!category || !category.active) throw new DomainError('unknown_category', `no active category ${code}`);
  if (!category.is_leaf)
    throw new DomainError('category_not_leaf', `${code} ${category.name} has subcategories`);
  return category;
}

export interface CategoryNode {
  category: Category;
  policies: DeadlinePolicy[];
  children: CategoryNode[];
}

/** The taxonomy as a tree, each node with its current policies (only leaves have any). */
export async function categoryTree(db: Conn, includeInactive: boolean): Promise<CategoryNode[]> {
  const [rows, policies] = await Promise.all([
    repo.listCategories(db, includeInactive),
    repo.listCurrentPolicies(db),
  ]);
  const byCategory = new Map<number, DeadlinePolicy[]>();
  for (const p of policies) byCategory.set(p.category_id, [...(byCategory.get(p.category_id) ?? []), p]);
  const nodes = new Map<number, CategoryNode>();
  for (const c of rows) nodes.set(c.id, { category: c, policies: byCategory.get(c.id) ?? [], children: [] });
  const roots: CategoryNode[] = [];
  for (const node of [...nodes.values()].sort((a, b) => (a.category.code < b.category.code ? -1 : 1))) {
    const parentId = node.category.parent_id;
    if (parentId === null) roots.push(node);
    else nodes.get(parentId)?.children.push(node); // an inactive parent hides its subtree
  }
  return roots;
}

export interface CategoryDetail {
  category: Category;
  path: Category[];
  children: Category[];
  policies: DeadlinePolicy[];
  history: DeadlinePolicy[];
}

/** One category with its ancestors, children, current policies and every policy version. */
export async function categoryDetail(db: Conn, code: string): Promise<CategoryDetail> {
  const category = await repo.findCategoryByCode(db, code);
  if (!category) throw new DomainError('not_found', `no category ${code}`);
  const [path, children, history] = await Promise.all([
    categoryPath(db, code),
    repo.listChildren(db, category.id),
    repo.listPolicyHistory(db, category.id),
  ]);
  return { category, path, children, policies: history.filter((p) => p.retired_at === null), history };
}
