/**
 * bench:cockpit — the cockpit map's query (GET /api/metrics/geo: cases by H3 cell) at district scale.
 *
 *   npm run bench:cockpit [-- --cases 200000]           # in-memory PGlite
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npm run bench:cockpit
 *
 * Loads N located cases (default 200,000) received over the last 30 days at random points of the
 * 大兴区 box, with one `insert … select … from generate_series`, writes their cells with migration
 * 0017's backfill (the code that ran on existing databases), then VACUUM ANALYZE. It times, warm:
 *   - geoMetrics at resolution 9 (the stored cell: rows grouped in SQL, boundaries in JS) and at 7
 *     (the same groups rolled up to their parents in JS), the scope filter of a leader included;
 *   - the grouping statement alone (countCasesByCell), to tell the SQL from the JS;
 *   - the previous way for comparison: one row per point (rounded to 1e-4°) binned in JS;
 * next to the physical floor measured in the same run: count(*) of the same rows (same window,
 * population and scope). Standalone: a fresh PostgreSQL schema (dropped afterwards) or PGlite.
 */
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { countCasesByCell } from '../src/modules/metrics/cockpit.repository.js';
import { geoMetrics } from '../src/modules/metrics/cockpit.service.js';
import type { Db } from '../src/platform/db/index.js';
import { backfillCaseCells } from '../src/platform/db/migrations/0017_case_h3.js';
import { loadH3 } from '../src/platform/h3.js';
import { withBenchDatabase } from './database.js';
import { timed, type Timing } from './timing.js';

const { values } = parseArgs({ options: { cases: { type: 'string', default: '200000' } } });
const N = Number(values.cases);
const RUNS = 7;
const DAY = 86_400_000;
const SCOPE = '110000/110115/';
const BOX = { minLon: 116.2, maxLon: 116.6, minLat: 39.5, maxLat: 39.85 };

/** N cases over the last 30 days, 3 % merged or voided, in the district's street paths. */
async function generate(db: Db, now: Date): Promise<void> {
  await sql`
    insert into cases (id, number, status, title, description, channel, area_path, lead_unit_path,
      lon, lat, received_at, resolve_overdue, updated_at)
    select gen_random_uuid(), 'BC-' || g,
      case when r < 0.02 then 'merged' when r < 0.03 then 'invalid' when r < 0.6 then 'closed'
           else 'in_progress' end,
      '市民反映问题 ' || g, '市民来电反映：路口井盖缺失，存在安全隐患。', 'hotline',
      ${SCOPE} || '1101151' || lpad((g % 26)::text, 2, '0') || '/', null,
      ${BOX.minLon} + random() * ${BOX.maxLon - BOX.minLon}, ${BOX.minLat} + random() * ${BOX.maxLat - BOX.minLat},
      ${now}::timestamptz - random() * interval '30 days', random() < 0.05, ${now}
    from (select g, random() as r from generate_series(1, ${N}::int) g) x`.execute(db);
}

/** The previous query: one row per point rounded to 1e-4°, binned into cells in JS. */
async function perPoint(db: Db, from: Date, to: Date): Promise<number> {
  const h3 = await loadH3();
  const { rows } = await sql<{ lon: number; lat: number; count: number }>`
    select round(c.lon::numeric, 4) as lon, round(c.lat::numeric, 4) as lat, count(*) as count,
      count(*) filter (where c.status in ('received','dispatched','accepted','in_progress','returned')) as open,
      count(*) filter (where c.response_overdue or c.resolve_overdue) as overdue
    from cases c
    where c.received_at >= ${from} and c.received_at < ${to} and c.status not in ('merged', 'invalid')
      and c.lon is not null and c.lat is not null
      and (c.area_path like ${`${SCOPE}%`} or c.lead_unit_path like ${`${SCOPE}%`})
    group by 1, 2`.execute(db);
  const cells = new Map<string, number>();
  for (const p of rows) {
    const id = h3.latLngToCell(Number(p.lat), Number(p.lon), 7);
    cells.set(id, (cells.get(id) ?? 0) + Number(p.count));
  }
  return rows.length;
}

/** The floor: count the same rows (window, population, scope), grouping nothing. */
async function floor(db: Db, from: Date, to: Date): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    select count(*) as n from cases c
    where c.received_at >= ${from} and c.received_at < ${to} and c.status not in ('merged', 'invalid')
      and (c.area_path like ${`${SCOPE}%`} or c.lead_unit_path like ${`${SCOPE}%`})`.execute(db);
  return Number(rows[0]?.n ?? 0);
}

async function main(): Promise<void> {
  await withBenchDatabase(async (handle) => {
    const db = handle.db;
    const now = new Date();
    const from = new Date(now.getTime() - 30 * DAY);
    const to = new Date(now.getTime() + 60_000);
    let t0 = performance.now();
    await generate(db, now);
    const insertMs = Math.round(performance.now() - t0);
    t0 = performance.now();
    const filled = await backfillCaseCells(db as never);
    const backfillMs = Math.round(performance.now() - t0);
    await sql`vacuum analyze cases`.execute(db);

    const q = { from, to, scopePath: SCOPE };
    let cells9 = 0;
    let cells7 = 0;
    let pointRows = 0;
    const r9 = await timed(async () => {
      cells9 = (await geoMetrics(db, { ...q, resolution: 9 })).hexes.length;
    }, RUNS);
    const r7 = await timed(async () => {
      cells7 = (await geoMetrics(db, { ...q, resolution: 7 })).hexes.length;
    }, RUNS);
    const sqlOnly = await timed(() => countCasesByCell(db, q), RUNS);
    const old = await timed(async () => {
      pointRows = await perPoint(db, from, to);
    }, RUNS);
    const base = await timed(() => floor(db, from, to), RUNS);
    const counted = await floor(db, from, to);
    const { rows: groups } = await sql<{ n: number }>`
      select count(distinct h3_cell) as n from cases c
      where c.received_at >= ${from} and c.status not in ('merged', 'invalid')`.execute(db);
    const plan = await sql<{ 'QUERY PLAN': string }>`explain analyze
      select c.h3_cell, count(*) from cases c
      where c.received_at >= ${from} and c.received_at < ${to} and c.status not in ('merged', 'invalid')
      group by c.h3_cell`.execute(db);

    const ratio = (t: Timing) => `${(t.p50 / base.p50).toFixed(1)}×`;
    console.log(
      `${handle.kind}, ${N.toLocaleString('en')} cases: insert ${insertMs} ms, cells backfilled ${filled.toLocaleString('en')} in ${backfillMs} ms`,
    );
    console.table([
      {
        query: 'geo r9 (grouped in SQL)',
        cases: counted,
        rows: Number(groups[0]?.n),
        cells: cells9,
        ...r9,
        vs_floor: ratio(r9),
      },
      {
        query: 'geo r7 (r9 groups → parents)',
        cases: counted,
        rows: Number(groups[0]?.n),
        cells: cells7,
        ...r7,
        vs_floor: ratio(r7),
      },
      {
        query: 'the grouping statement alone',
        cases: counted,
        rows: Number(groups[0]?.n),
        cells: Number(groups[0]?.n),
        ...sqlOnly,
        vs_floor: ratio(sqlOnly),
      },
      {
        query: 'previous: per point, JS bins (r7)',
        cases: counted,
        rows: pointRows,
        cells: cells7,
        ...old,
        vs_floor: ratio(old),
      },
      {
        query: 'floor: count(*) of the same rows',
        cases: counted,
        rows: 1,
        cells: 0,
        ...base,
        vs_floor: '1.0×',
      },
    ]);
    console.log(plan.rows.map((r) => r['QUERY PLAN']).join('\n'));
  });
}

await main();
