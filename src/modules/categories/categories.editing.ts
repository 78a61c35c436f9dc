import type { Actor } from '../../platform/auth.js';
import { appendAudit } from '../../platform/audit.js';
import type { AppContext } from '../../platform/context.js';
import type { Conn } from '../../platform/db/index.js';
import type { Category, DeadlinePolicy, ServiceAttribute } from '../../platform/db/schema.js';
import { DomainError } from '../../platform/errors.js';
import { codeLevel, isCategoryCode, nextChildCode, parentCode } from './categories.codes.js';
import {
  policyValues,
  priorities,
  sameTerms,
  termsOf,
  validateDeadlineSet,
  type DeadlineSet,
} from './categories.policy.js';
import * as repo from './categories.repository.js';

type Kind = Category['kind'];

export interface NewCategory {
  parentCode: string | null;
  /** Omit to take the next free code under the parent. */
  code?: string | undefined;
  name: string;
  nameEn: string | null;
  /** Defaults to the parent's kind (`event` at level 1). */
  kind?: Kind | undefined;
  /** Omit to inherit the parent's deadlines when the parent was a leaf, or to set them later. */
  deadlines?: DeadlineSet | undefined;
  /** Open311 service attributes, already validated (attributesSchema). */
  attributes?: ServiceAttribute[] | undefined;
}

const auditPolicy = (p: DeadlinePolicy) => ({ id: p.id, priority: p.priority, ...termsOf(p) });

/** The requested code checked against the parent, or the next free one under it. */
async function chooseCode(tx: Conn, parent: Category | null, requested: string | undefined): Promise<string> {
  const under = parent?.code ?? null;
  const siblings = requested ? [] : await repo.listChildren(tx, parent?.id ?? null);
  const code =
    requested ??
    nextChildCode(
      under,
      siblings.map((c) => c.code),
    );
  if (!isCategoryCode(code) || parentCode(code) !== under) {
    const expected = under ? `${under}-NN` : 'NN';
    throw new DomainError('validation_failed', `code ${code} does not fit under ${under ?? 'the root'}`, {
      expected,
    });
  }
  if (await repo.findCategoryByCode(tx, code)) throw new DomainError('duplicate', `category ${code} exists`);
  return code;
}

/**
 * Adds a category. When the parent was a leaf it becomes a branch in the same transaction: its
 * current policies are retired (cases keep reading them by id) and, unless the new child brings
 * its own deadlines, the child starts with copies of them — so only leaves ever hold policies.
 */
export async function createCategory(
  ctx: AppContext,
  actor: Actor,
  input: NewCategory,
): Promise<{ category: Category; policies: DeadlinePolicy[] }> {
  if (input.deadlines) validateDeadlineSet(input.deadlines);
  return ctx.db.transaction().execute(async (tx) => {
    const parent = input.parentCode ? ((await repo.lockCategoryByCode(tx, input.parentCode)) ?? null) : null;
    if (input.parentCode && !parent)
      throw new DomainError('unknown_category', `no category ${input.parentCode}`);
    if (parent && parent.level >= 3) {
      throw new DomainError('validation_failed', 'categories have at most three levels (大类/中类/小类)');
    }
    const code = await chooseCode(tx, parent, input.code);
    const [category] = await repo.insertCategories(tx, [
      {
        code,
        name: input.name,
        name_en: input.nameEn,
        parent_id: parent?.id ?? null,
        level: codeLevel(code),
        is_leaf: true,
        kind: input.kind ?? parent?.kind ?? 'event',
        attributes: JSON.stringify(input.attributes ?? []),
      },
    ]);
    let inherited: DeadlinePolicy[] = [];
    if (parent?.is_leaf) {
      inherited = await repo.listCurrentPolicies(tx, [parent.id]);
      await repo.markBranch(tx, parent.id);
      await repo.retirePolicies(
        tx,
        inherited.map((p) => p.id),
        new Date(),
      );
    }
    const terms = input.deadlines
      ? priorities.map((p) => [p, input.deadlines![p]] as const)
      : inherited.map((p) => [p.priority, termsOf(p)] as const);
    const policies = await repo.insertPolicies(
      tx,
      terms.map(([priority, t]) => policyValues(category!.id, priority, t, actor.id)),
    );
    await appendAudit(tx, ctx.config.AUDIT_SECRET, {
      actorUserId: actor.id,
      action: 'category.create',
      entity: 'category',
      entityId: code,
      before: null,
      after: {
        code,
        name: category!.name,
        nameEn: category!.name_en,
        kind: category!.kind,
        policies: policies.map(auditPolicy),
        ...(input.attributes?.length ? { attributes: input.attributes } : {}),
        ...(parent?.is_leaf
          ? { parentBecameBranch: parent.code, retiredPolicyIds: inherited.map((p) => p.id) }
          : {}),
      },
    });
    return { category: category!, policies };
  });
}

export interface CategoryPatch {
  name?: string | undefined;
  nameEn?: string | null | undefined;
  /** Applies to the whole subtree: a closed 大类 closes its 小类 and reopening reopens them. */
  active?: boolean | undefined;
  /** Replaces a leaf's Open311 service attributes (already validated); [] removes them. */
  attributes?: ServiceAttribute[] | undefined;
}

/** Renames, (de)activates or sets the Open311 attributes of a category, audited. */
export async function updateCategory(
  ctx: AppContext,
  actor: Actor,
  code: string,
  patch: CategoryPatch,
): Promise<{ category: Category; policies: DeadlinePolicy[] }> {
  return ctx.db.transaction().execute(async (tx) => {
    const before = await repo.lockCategoryByCode(tx, code);
    if (!before) throw new DomainError('not_found', `no category ${code}`);
    const name = patch.name ?? before.name;
    const nameEn = patch.nameEn === undefined ? before.name_en : patch.nameEn;
    if (name !== before.name || nameEn !== before.name_en)
      await repo.renameCategory(tx, before.id, name, nameEn);
    const toggled = patch.active === undefined ? [] : await repo.setSubtreeActive(tx, code, patch.active);
    if (patch.attributes !== undefined) {
      // Only leaves are Open311 services; a branch's questions would never be asked.
      if (!before.is_leaf && patch.attributes.length > 0) {
        throw new DomainError('category_not_leaf', `${code} has subcategories; set attributes on its leaves`);
      }
      await repo.setAttributes(tx, before.id, patch.attributes);
    }
    const after = (await repo.findCategoryByCode(tx, code))!;
    const attributesChanged = patch.attributes !== undefined;
    await appendAudit(tx, ctx.config.AUDIT_SECRET, {
      actorUserId: actor.id,
      action: 'category.update',
      entity: 'category',
      entityId: code,
      before: {
        name: before.name,
        nameEn: before.name_en,
        active: before.active,
        ...(attributesChanged ? { attributes: before.attributes } : {}),
      },
      after: {
        name: after.name,
        nameEn: after.name_en,
        active: after.active,
        toggledCodes: toggled,
        ...(attributesChanged ? { attributes: after.attributes } : {}),
      },
    });
    return { category: after, policies: await repo.listCurrentPolicies(tx, [after.id]) };
  });
}

/**
 * Sets a leaf's deadlines for all three priorities. Each priority whose terms change gets a new
 * version: the current row is retired and a new row inserted, in one transaction with one audit
 * entry. Cases keep the id of the version they were dispatched under, so neither open nor closed
 * cases change silently. Unchanged priorities keep their version; an edit that changes nothing
 * writes nothing.
 */
export async function setDeadlines(
  ctx: AppContext,
  actor: Actor,
  code: string,
  set: DeadlineSet,
): Promise<{ category: Category; policies: DeadlinePolicy[]; changed: number }> {
  validateDeadlineSet(set);
  return ctx.db.transaction().execute(async (tx) => {
    const category = await repo.lockCategoryByCode(tx, code);
    if (!category) throw new DomainError('unknown_category', `no category ${code}`);
    if (!category.is_leaf)
      throw new DomainError('category_not_leaf', `${code} has subcategories; set deadlines on its leaves`);
    const current = await repo.listCurrentPolicies(tx, [category.id]);
    const stale = priorities.filter((p) => {
      const row = current.find((c) => c.priority === p);
      return !row || !sameTerms(row, set[p]);
    });
    if (stale.length === 0) return { category, policies: current, changed: 0 };
    const retired = current.filter((c) => stale.includes(c.priority));
    await repo.retirePolicies(
      tx,
      retired.map((p) => p.id),
      new Date(),
    );
    const created = await repo.insertPolicies(
      tx,
      stale.map((p) => policyValues(category.id, p, set[p], actor.id)),
    );
    await appendAudit(tx, ctx.config.AUDIT_SECRET, {
      actorUserId: actor.id,
      action: 'category.deadlines.set',
      entity: 'category',
      entityId: code,
      before: retired.map(auditPolicy),
      after: created.map(auditPolicy),
    });
    const policies = [...current.filter((c) => !stale.includes(c.priority)), ...created];
    return { category, policies, changed: created.length };
  });
}
