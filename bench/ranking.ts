/**
 * Benchmark of the monthly 三率 ranking at city scale.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test node --import tsx bench/ranking.ts [--cases 1000000]
 *
 * Generates N cases (default 1,000,000) spread over the 12 months of 2024 with one SQL
 * `insert … select … from generate_series`, in arrival order as a real table fills (dispatch
 * time rises with the row), plus their lead assignments, in an org of 26 streets (with ~29
 * communities each) and 20 departments; runs ANALYZE, times the monthly ranking once before
 * VACUUM (visibility map unset), runs VACUUM ANALYZE; then times, warm:
 *   - the monthly ranking of one month (level 'all': streets and departments), and
 *   - the worst case, a ranking over every case in one period (the whole year),
 * each next to its physical floor: a bare count(*) over the same index range.
 * Standalone, it works in a fresh PostgreSQL schema (dropped afterwards), or in-memory PGlite
 * when DATABASE_URL is unset.
 */
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../src/platform/db/index.js';
import { monthPeriod } from '../src/modules/metrics/metrics.rules.js';
import { monthlyRanking, rankUnits } from '../src/modules/metrics/ranking.service.js';
import { timed, type Timing } from './timing.js';

export interface BenchResult {
  /** Rows of the monthly ranking. */
  rows: number;
  /** Monthly ranking, warm. */
  ms: Timing;
  /** Cases in the month ranked. */
  monthCases: number;
  /** Bare count(*) over the month's index range: the floor the ranking is compared with. */
  monthFloor: Timing;
  /** Ranking over every case in one period (the whole year). */
  worst: { cases: number; ms: Timing; floor: Timing };
  /** Monthly ranking after ANALYZE but before VACUUM: index-only scans still read the heap. */
  beforeVacuum: Timing;
  insertMs: number;
  vacuumMs: number;
}

const YEAR_FROM = new Date('2024-01-01T00:00:00+08:00');
const YEAR_TO = new Date('2025-01-01T00:00:00+08:00');
const MONTH = '2024-06';

/** Ensures a district with 26 streets (~29 communities each), 20 departments and 30 leaf categories. */
async function ensureOrg(db: Db): Promise<void> {
  await sql`insert into org_units (code, name, kind, parent_id, path, depth)
    select '110000', '北京市', 'city', null, '110000/', 0
    where not exists (select 1 from org_units where kind = 'district')
    on conflict (code) do nothing`.execute(db);
  await sql`insert into org_units (code, name, kind, parent_id, path, depth)
    select '110115', '大兴区', 'district', id, path || '110115/', depth + 1 from org_units
    where code = '110000' and not exists (select 1 from org_units where kind = 'district')`.execute(db);
  // Streets and departments the district lacks, up to 26 and 20, with bench codes.
  await sql`with d as (select * from org_units where kind = 'district' order by id limit 1),
      have as (select count(*) as n from org_units o, d where o.kind = 'street' and o.path like d.path || '%')
    insert into org_units (code, name, kind, parent_id, path, depth)
    select d.code || '9' || lpad(g::text, 2, '0'), '基准街道' || g, 'street', d.id,
           d.path || d.code || '9' || lpad(g::text, 2, '0') || '/', d.depth + 1
    from d, have, generate_series(1, 26) g where g > have.n
    on conflict (code) do nothing`.execute(db);
  await sql`with s as (select * from org_units where kind = 'street' and code like '%9__' and name like '基准街道%')
    insert into org_units (code, name, kind, parent_id, path, depth)
    select s.code || lpad(g::text, 3, '0'), s.name || '社区' || g, 'community', s.id,
           s.path || s.code || lpad(g::text, 3, '0') || '/', s.depth + 1
    from s, generate_series(1, 29) g
    on conflict (code) do nothing`.execute(db);
  await sql`with d as (select * from org_units where kind = 'district' order by id limit 1),
      have as (select count(*) as n from org_units o, d where o.kind = 'department' and o.parent_id = d.id)
    insert into org_units (code, name, kind, parent_id, path, depth)
    select d.code || '-B' || lpad(g::text, 2, '0'), '基准部门' || g, 'department', d.id,
           d.path || d.code || '-B' || lpad(g::text, 2, '0') || '/', d.depth + 1
    from d, have, generate_series(1, 20) g where g > have.n
    on conflict (code) do nothing`.execute(db);
  await sql`insert into categories (code, name, level, is_leaf)
    select 'B' || g, '基准大类' || g, 1, false from generate_series(1, 5) g
    on conflict (code) do nothing`.execute(db);
  await sql`insert into categories (code, name, parent_id, level, is_leaf)
    select p.code || '-' || lpad(g::text, 2, '0'), p.name || '小类' || g, p.id, 2, true
    from categories p, generate_series(1, 6) g where p.code in ('B1', 'B2', 'B3', 'B4', 'B5')
    on conflict (code) do nothing`.execute(db);
}

/** Inserts `n` cases dispatched over 2024 and their lead assignments; returns the number prefix. */
async function generateCases(db: Db, n: number): Promise<string> {
  const prefix = `B${randomBytes(3).toString('hex')}-`;
  await sql`
    with d as (select path from org_units where kind = 'district' order by id limit 1),
    pick as (
      select array_agg(o.id order by o.id) filter (where o.kind <> 'department') as area_ids,
             array_agg(o.path order by o.id) filter (where o.kind <> 'department') as area_paths,
             array_agg(o.id order by o.id) filter (where o.kind = 'department') as dept_ids,
             array_agg(o.path order by o.id) filter (where o.kind = 'department') as dept_paths
      from org_units o, d
      where o.path like d.path || '%' and o.kind in ('street', 'community', 'department')),
    cats as (select array_agg(id order by id) as ids from categories where is_leaf),
    x0 as (
      select g, random() as r, random() as rt, random() as rd, random() as ra, random() as rdi,
        random() as r1, random() as r2, random() as r3, random() as r4, random() as r5, random() as r6
      from generate_series(1, ${n}::int) g),
    x as (
      select g,
        ${YEAR_FROM}::timestamptz + (g - 1 + rt) / ${n}::int * (${YEAR_TO}::timestamptz - ${YEAR_FROM}::timestamptz) as t,
        rd < 0.2 as dept,
        1 + floor(ra * cardinality(pick.area_ids))::int as ai,
        1 + floor(rdi * cardinality(pick.dept_ids))::int as di,
        case when r < 0.70 then 'closed' when r < 0.80 then 'evaluated' when r < 0.84 then 'resolved'
             when r < 0.86 then 'verified' when r < 0.92 then 'in_progress' when r < 0.95 then 'accepted'
             when r < 0.98 then 'dispatched' when r < 0.99 then 'merged' else 'invalid' end as status,
        r1, r2, r3, r4, r5, r6
      from x0, pick),
    y as (
      select x.*,
        case when status = 'dispatched' then null else r1 < 0.93 end as rit,
        case when status in ('closed', 'evaluated', 'resolved', 'verified') then r2 < 0.9
             when r2 < 0.05 then false end as sit,
        1 + case when r3 < 0.08 then 1 + floor(r3 * 100)::int % 3 else 0 end as reports
      from x),
    z as (
      select y.*, case when status in ('closed', 'evaluated') and r4 < 0.85 then reports else 0 end as evals from y)
    insert into cases (id, number, status, title, description, category_id, area_unit_id, area_path,
      lead_unit_id, lead_unit_path, channel, received_at, dispatched_at, accepted_at, contacted_at,
      response_due_at, resolve_due_at, resolved_at, closed_at, response_overdue, resolve_overdue,
      responded_in_time, resolved_in_time, return_count, reopen_count, report_count, eval_count,
      solved_count, satisfied_count, updated_at)
    select gen_random_uuid(), ${prefix} || g, status,
      '市民反映占道经营问题 ' || g,
      '市民来电反映：小区门口路段长期有商贩占道经营，早晚高峰影响通行，夜间噪音扰民，希望相关部门尽快处理。',
      cats.ids[1 + g % cardinality(cats.ids)],
      pick.area_ids[ai], pick.area_paths[ai],
      case when dept then pick.dept_ids[di] else pick.area_ids[ai] end,
      case when dept then pick.dept_paths[di] else pick.area_paths[ai] end,
      'hotline', t - interval '20 minutes', t,
      case when status <> 'dispatched' then t + interval '1 hour' end,
      case when status <> 'dispatched' then t + interval '90 minutes' end,
      t + interval '2 hours', t + interval '7 days',
      case when status in ('closed', 'evaluated', 'resolved', 'verified') then t + interval '5 days' end,
      case when status = 'closed' then t + interval '9 days' end,
      rit is false, sit is false, rit, sit,
      case when r6 < 0.05 then 1 else 0 end,
      case when r6 between 0.05 and 0.07 and status in ('closed', 'evaluated') then 1 else 0 end,
      reports, evals,
      case when r5 < 0.88 then evals else 0 end,
      case when r5 < 0.93 then evals else 0 end,
      t
    from z, pick, cats`.execute(db);
  // The current lead assignment of every case, and a returned one before it where return_count > 0.
  await sql`
    insert into case_assignments (id, case_id, unit_id, role, status, assigned_at, accepted_at, returned_at, done_at)
    select gen_random_uuid(), c.id, c.lead_unit_id, 'lead',
      case when c.status in ('closed', 'evaluated', 'resolved', 'verified') then 'done'
           when c.status = 'dispatched' then 'pending' else 'accepted' end,
      c.dispatched_at + case when c.return_count > 0 then interval '3 hours' else interval '0' end,
      c.accepted_at, null, c.resolved_at
    from cases c where c.number like ${`${prefix}%`}`.execute(db);
  await sql`
    with depts as (select array_agg(id order by id) as ids from org_units where kind = 'department')
    insert into case_assignments (id, case_id, unit_id, role, status, assigned_at, returned_at, return_reason)
    select gen_random_uuid(), c.id, depts.ids[1 + abs(hashtext(c.number)) % cardinality(depts.ids)], 'lead',
      'returned', c.dispatched_at, c.dispatched_at + interval '1 hour', '不属于本单位职责'
    from cases c, depts where c.number like ${`${prefix}%`} and c.return_count > 0`.execute(db);
  return prefix;
}

/** The floor: count the ranking's population over the same index range, aggregating nothing. */
async function countCases(db: Db, from: Date, to: Date): Promise<number> {
  const r = await sql<{ n: number }>`
    select count(*) as n from cases
    where dispatched_at >= ${from} and dispatched_at < ${to}
      and lead_unit_id is not null and status not in ('merged', 'invalid')`.execute(db);
  return r.rows[0]?.n ?? 0;
}

/** Generates the data set in `db`, then times the monthly and the whole-year ranking. */
export async function benchRanking(
  db: Db,
  opts: { cases?: number; runs?: number } = {},
): Promise<BenchResult> {
  const n = opts.cases ?? 1_000_000;
  const runs = opts.runs ?? 7;
  await ensureOrg(db);
  let t0 = performance.now();
  await generateCases(db, n);
  const insertMs = Math.round(performance.now() - t0);
  await sql`analyze cases`.execute(db);
  await sql`analyze case_assignments`.execute(db);
  const month = monthPeriod(MONTH);
  let rows = 0;
  // Freshly written pages are not yet marked all-visible, so index-only scans still visit the heap.
  const beforeVacuum = await timed(() => monthlyRanking(db, { month: MONTH, level: 'all' }), 3);
  t0 = performance.now();
  // Sets the visibility map so index-only scans need no heap visits (autovacuum's job in production).
  await sql`vacuum analyze cases`.execute(db);
  await sql`vacuum analyze case_assignments`.execute(db);
  const vacuumMs = Math.round(performance.now() - t0);

  const ms = await timed(async () => {
    rows = (await monthlyRanking(db, { month: MONTH, level: 'all' })).rows.length;
  }, runs);
  const monthFloor = await timed(() => countCases(db, month.from, month.to), runs);
  const worstMs = await timed(() => rankUnits(db, { from: YEAR_FROM, to: YEAR_TO, level: 'all' }), runs);
  const worstFloor = await timed(() => countCases(db, YEAR_FROM, YEAR_TO), runs);
  return {
    rows,
    ms,
    monthCases: await countCases(db, month.from, month.to),
    monthFloor,
    worst: { cases: await countCases(db, YEAR_FROM, YEAR_TO), ms: worstMs, floor: worstFloor },
    beforeVacuum,
    insertMs,
    vacuumMs,
  };
}

/** Prints the ranking figures with their ratio to the floor measured in the same run. */
export function printRanking(kind: string, cases: number, r: BenchResult): void {
  const ratio = (a: number, b: number) => `${(a / b).toFixed(1)}×`;
  console.log(
    `${kind}, ${cases.toLocaleString('en')} cases: insert ${r.insertMs} ms, vacuum analyze ${r.vacuumMs} ms`,
  );
  console.log(
    `monthly ranking before VACUUM (visibility map unset): p50 ${r.beforeVacuum.p50} ms, max ${r.beforeVacuum.max} ms`,
  );
  console.table([
    {
      query: `ranking ${MONTH} (level all)`,
      cases: r.monthCases,
      rows: r.rows,
      ...r.ms,
      floor_p50: r.monthFloor.p50,
      vs_floor: ratio(r.ms.p50, r.monthFloor.p50),
    },
    {
      query: 'ranking whole year (worst case)',
      cases: r.worst.cases,
      rows: r.rows,
      ...r.worst.ms,
      floor_p50: r.worst.floor.p50,
      vs_floor: ratio(r.worst.ms.p50, r.worst.floor.p50),
    },
  ]);
}

async function main(): Promise<void> {
  const arg = process.argv.indexOf('--cases');
  const cases = arg > 0 ? Number(process.argv[arg + 1]) : 1_000_000;
  const { withBenchDatabase } = await import('./database.js');
  await withBenchDatabase(async (handle) =>
    printRanking(handle.kind, cases, await benchRanking(handle.db, { cases })),
  );
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
