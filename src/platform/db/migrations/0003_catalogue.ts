import { sql, type Kysely } from 'kysely';

/**
 * Dispatch catalogue integrity: at most one current rule per (category, area) pair, where null
 * means "any category" / "the whole district". This is what makes "most specific rule wins"
 * deterministic without a further tie-break.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create unique index dispatch_rules_current_pair
    on dispatch_rules ((coalesce(category_id, 0)), (coalesce(area_unit_id, 0)))
    where retired_at is null`.execute(db);
  await sql`create index deadline_policies_category on deadline_policies(category_id, priority, created_at)`.execute(
    db,
  );
  await sql`create index categories_parent on categories(parent_id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index categories_parent`.execute(db);
  await sql`drop index deadline_policies_category`.execute(db);
  await sql`drop index dispatch_rules_current_pair`.execute(db);
}
