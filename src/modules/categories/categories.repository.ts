import type { Insertable } from 'kysely';
import type { Conn } from '../../platform/db/index.js';
import type {
  CategoriesTable,
  Category,
  DeadlinePoliciesTable,
  DeadlinePolicy,
  Priority,
  ServiceAttribute,
} from '../../platform/db/schema.js';

/** One category by code. */
export async function findCategoryByCode(db: Conn, code: string): Promise<Category | undefined> {
  return db.selectFrom('categories').selectAll().where('code', '=', code).executeTakeFirst();
}

/** One category by id. */
export async function findCategoryById(db: Conn, id: number): Promise<Category | undefined> {
  return db.selectFrom('categories').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The category by code, locked until the transaction ends (serialises edits of one node). */
export async function lockCategoryByCode(db: Conn, code: string): Promise<Category | undefined> {
  return db.selectFrom('categories').selectAll().where('code', '=', code).forUpdate().executeTakeFirst();
}

/** Categories with the given codes (any order). */
export async function findCategoriesByCodes(db: Conn, codes: readonly string[]): Promise<Category[]> {
  if (codes.length === 0) return [];
  return db.selectFrom('categories').selectAll().where('code', 'in', codes).execute();
}

/** The whole taxonomy in code order (children follow their parent). */
export async function listCategories(db: Conn, includeInactive: boolean): Promise<Category[]> {
  let query = db.selectFrom('categories').selectAll().orderBy('code');
  if (!includeInactive) query = query.where('active', '=', true);
  return query.execute();
}

/** The direct children of a node (or the level-1 nodes when parentId is null), in code order. */
export async function listChildren(db: Conn, parentId: number | null): Promise<Category[]> {
  return db
    .selectFrom('categories')
    .selectAll()
    .where('parent_id', parentId === null ? 'is' : '=', parentId)
    .orderBy('code')
    .execute();
}

/** Inserts categories and returns their rows. */
export async function insertCategories(db: Conn, rows: Insertable<CategoriesTable>[]): Promise<Category[]> {
  if (rows.length === 0) return [];
  return db.insertInto('categories').values(rows).returningAll().execute();
}

/** Marks a node as having children (its deadline policies no longer apply). */
export async function markBranch(db: Conn, id: number): Promise<void> {
  await db.updateTable('categories').set({ is_leaf: false }).where('id', '=', id).execute();
}

/** Renames one node. */
export async function renameCategory(
  db: Conn,
  id: number,
  name: string,
  nameEn: string | null,
): Promise<void> {
  await db.updateTable('categories').set({ name, name_en: nameEn }).where('id', '=', id).execute();
}

/** Replaces a node's Open311 service attributes. */
export async function setAttributes(db: Conn, id: number, attributes: ServiceAttribute[]): Promise<void> {
  await db
    .updateTable('categories')
    .set({ attributes: JSON.stringify(attributes) })
    .where('id', '=', id)
    .execute();
}

/** Sets `active` on a node and its whole subtree; returns the codes changed. */
export async function setSubtreeActive(db: Conn, code: string, active: boolean): Promise<string[]> {
  const rows = await db
    .updateTable('categories')
    .set({ active })
    .where((eb) => eb.or([eb('code', '=', code), eb('code', 'like', `${code}-%`)]))
    .where('active', '<>', active)
    .returning('code')
    .execute();
  return rows.map((r) => r.code).sort();
}

/** The current (not retired) policy of one category and priority. */
export async function findCurrentPolicy(
  db: Conn,
  categoryId: number,
  priority: Priority,
): Promise<DeadlinePolicy | undefined> {
  return db
    .selectFrom('deadline_policies')
    .selectAll()
    .where('category_id', '=', categoryId)
    .where('priority', '=', priority)
    .where('retired_at', 'is', null)
    .executeTakeFirst();
}

/** Current policies of many categories (all when ids is omitted). */
export async function listCurrentPolicies(
  db: Conn,
  categoryIds?: readonly number[],
): Promise<DeadlinePolicy[]> {
  if (categoryIds && categoryIds.length === 0) return [];
  let query = db.selectFrom('deadline_policies').selectAll().where('retired_at', 'is', null);
  if (categoryIds) query = query.where('category_id', 'in', categoryIds);
  return query.execute();
}

/** Every version of a category's policies, newest first. */
export async function listPolicyHistory(db: Conn, categoryId: number): Promise<DeadlinePolicy[]> {
  return db
    .selectFrom('deadline_policies')
    .selectAll()
    .where('category_id', '=', categoryId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

/** One policy version by id, retired or not (what a case was dispatched under). */
export async function findPolicyById(db: Conn, id: number): Promise<DeadlinePolicy | undefined> {
  return db.selectFrom('deadline_policies').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Retires policy versions; they stay readable by id forever. */
export async function retirePolicies(db: Conn, ids: readonly number[], at: Date): Promise<void> {
  if (ids.length === 0) return;
  await db.updateTable('deadline_policies').set({ retired_at: at }).where('id', 'in', ids).execute();
}

/** Inserts policy versions and returns them. */
export async function insertPolicies(
  db: Conn,
  rows: Insertable<DeadlinePoliciesTable>[],
): Promise<DeadlinePolicy[]> {
  if (rows.length === 0) return [];
  return db.insertInto('deadline_policies').values(rows).returningAll().execute();
}

/** Categories by id (any order). */
export async function findCategoriesByIds(db: Conn, ids: readonly number[]): Promise<Category[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('categories').selectAll().where('id', 'in', ids).execute();
}
