import { sql, type RawBuilder } from 'kysely';
import type { Conn } from '../../platform/db/index.js';
import { categoryFilter, likePrefix } from './metrics.repository.js';

/** Cases whose place or lead unit lies in the scope (the cockpit counts cases before dispatch too). */
function caseScope(scopePath: string | null | undefined): RawBuilder<unknown> {
  if (!scopePath) return sql``;
  const p = likePrefix(scopePath);
  return sql`and (c.area_path like ${p} or c.lead_unit_path like ${p})`;
}

export interface CellCount {
  /** The stored H3 cell (resolution 9), null for the cases without a point. */
  h3: string | null;
  count: number;
  open: number;
  overdue: number;
}

/**
 * Cases received in [from, to), neither merged nor voided, counted per stored H3 cell in one
 * index-only scan of `cases_geo` (migration 0017); the row with a null cell counts the unlocated
 * ones. The rows are bounded by the cells of the district, not by its cases.
 */
export async function countCasesByCell(
  db: Conn,
  f: { from: Date; to: Date; scopePath?: string | null; categoryId?: number | undefined },
): Promise<CellCount[]> {
  const { rows } = await sql<CellCount>`
    select c.h3_cell as h3, count(*) as count,
      count(*) filter (where c.status in ('received','dispatched','accepted','in_progress','returned'))
        as open,
      count(*) filter (where c.response_overdue or c.resolve_overdue) as overdue
    from cases c
    where c.received_at >= ${f.from} and c.received_at < ${f.to}
      and c.status not in ('merged', 'invalid')
      ${caseScope(f.scopePath)} ${categoryFilter(f)}
    group by c.h3_cell`.execute(db);
  return rows.map((r) => ({
    h3: r.h3,
    count: Number(r.count),
    open: Number(r.open),
    overdue: Number(r.overdue),
  }));
}

export interface TopicRow {
  id: number;
  code: string;
  name: string;
  recent: number;
  baseline: number;
  /** recent − the count the baseline's daily rate predicts for the recent window. */
  rise: number;
}

/**
 * Cases per category received in the recent window [now − days, now) and in the baseline window
 * of `baselineDays` before it, with the rise over the baseline's rate scaled to the recent window.
 */
export async function categoryTopics(
  db: Conn,
  q: { now: Date; days: number; baselineDays: number; scopePath?: string | null },
): Promise<TopicRow[]> {
  const recentFrom = new Date(q.now.getTime() - q.days * 86_400_000);
  const baseFrom = new Date(recentFrom.getTime() - q.baselineDays * 86_400_000);
  const { rows } = await sql<TopicRow>`
    select t.*, t.recent - t.baseline * ${q.days}::float8 / ${q.baselineDays} as rise
    from (
      select k.id, k.code, k.name,
        count(*) filter (where c.received_at >= ${recentFrom}) as recent,
        count(*) filter (where c.received_at < ${recentFrom}) as baseline
      from cases c join categories k on k.id = c.category_id
      where c.received_at >= ${baseFrom} and c.received_at < ${q.now}
        and c.status not in ('merged', 'invalid')
        ${caseScope(q.scopePath)}
      group by k.id, k.code, k.name
    ) t
    order by rise desc, t.recent desc, t.code`.execute(db);
  return rows.map((r) => ({
    ...r,
    recent: Number(r.recent),
    baseline: Number(r.baseline),
    rise: Math.round(Number(r.rise) * 100) / 100,
  }));
}

/** The district box from settings (`district.bbox`), or null. */
export async function readDistrictBox(
  db: Conn,
): Promise<{ minLon: number; maxLon: number; minLat: number; maxLat: number } | null> {
  const row = await db
    .selectFrom('settings')
    .select('value')
    .where('key', '=', 'district.bbox')
    .executeTakeFirst();
  if (!row) return null;
  const v = (typeof row.value === 'string' ? JSON.parse(row.value) : row.value) as Record<string, number>;
  return { minLon: v.minLon!, maxLon: v.maxLon!, minLat: v.minLat!, maxLat: v.maxLat! };
}
