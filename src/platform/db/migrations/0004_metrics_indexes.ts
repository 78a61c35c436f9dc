import { sql, type Kysely } from 'kysely';

/**
 * Covering partial indexes for the metrics (三率, monthly ranking). The period scans of cases by
 * first dispatch and of lead assignments by assignment time become index-only scans that never
 * read the wide case rows, and the population filter (a lead unit, not merged, not voided) is
 * the index predicate, so it costs nothing per row. Fixed-width columns come first in INCLUDE so
 * index tuples deform on cached offsets. Measured effect at 1 M cases: docs/METRICS.md.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index cases_metrics on cases (dispatched_at)
    include (lead_unit_id, eval_count, solved_count, satisfied_count, report_count, return_count, reopen_count,
             area_unit_id, category_id, response_overdue, resolve_overdue, responded_in_time, resolved_in_time,
             status)
    where lead_unit_id is not null and status not in ('merged', 'invalid')`.execute(db);
  await sql`create index case_assignments_lead_metrics on case_assignments (assigned_at)
    include (unit_id, status)
    where role = 'lead'`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index case_assignments_lead_metrics`.execute(db);
  await sql`drop index cases_metrics`.execute(db);
}
