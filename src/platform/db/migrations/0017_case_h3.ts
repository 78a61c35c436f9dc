import { sql, type Kysely } from 'kysely';
import { caseCell } from '../../h3.js';

/** Rows backfilled per statement: bounded memory and statement size on a large table. */
const BATCH = 5000;

/**
 * Each located case's H3 cell (resolution 9, `platform/h3.ts`), written where the point is written
 * (intake, split), so the cockpit's map groups cases by cell in SQL: its rows are bounded by the
 * number of cells, not of cases. The covering partial index serves the map's period scan
 * index-only (the population filter is its predicate). Existing located cases are backfilled here.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table cases add column h3_cell text`.execute(db);
  await backfillCaseCells(db);
  await sql`create index cases_geo on cases (received_at)
    include (h3_cell, category_id, response_overdue, resolve_overdue, status, area_path, lead_unit_path)
    where status not in ('merged', 'invalid')`.execute(db);
}

/** Writes the cell of every located case that has none, in batches by id; returns how many. */
export async function backfillCaseCells(db: Kysely<unknown>): Promise<number> {
  let done = 0;
  for (let after = '00000000-0000-0000-0000-000000000000'; ;) {
    const { rows } = await sql<{ id: string; lon: number; lat: number }>`
      select id, lon, lat from cases
      where h3_cell is null and lon is not null and lat is not null and id > ${after}::uuid
      order by id limit ${BATCH}`.execute(db);
    if (rows.length === 0) break;
    const values = await Promise.all(
      rows.map(async (r) => sql`(${r.id}::uuid, ${await caseCell(r.lon, r.lat)})`),
    );
    await sql`update cases set h3_cell = v.cell from (values ${sql.join(values)}) as v(id, cell)
      where cases.id = v.id`.execute(db);
    done += rows.length;
    after = rows[rows.length - 1]!.id;
  }
  return done;
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index cases_geo`.execute(db);
  await sql`alter table cases drop column h3_cell`.execute(db);
}
