import type { Conn } from '../../platform/db/index.js';
import { CASE_H3_RESOLUTION, loadH3 } from '../../platform/h3.js';
import { categoryTopics, countCasesByCell, readDistrictBox, type TopicRow } from './cockpit.repository.js';
import { checkCategory } from './metrics.service.js';

export interface HexCell {
  h3: string;
  count: number;
  open: number;
  overdue: number;
  /** The cell's outline, [lon, lat] pairs, closed (the first pair repeated last). */
  boundary: [number, number][];
}

export interface GeoMetrics {
  resolution: number;
  /** Cases in the period and scope, located or not. */
  total: number;
  /** Of which with coordinates (the ones on the map). */
  located: number;
  hexes: HexCell[];
  /** The configured district box (`settings` district.bbox): the frame before any boundary is imported. */
  bbox: { minLon: number; maxLon: number; minLat: number; maxLat: number } | null;
}

/**
 * Cases by area for the cockpit's map: the cases grouped by their stored resolution-9 cell in SQL,
 * those groups rolled up to the cells of the resolution asked for (7: about 5 km² a cell) by their
 * H3 parents, each with its boundary, so the browser draws polygons with no H3 code of its own.
 * The work is bounded by the number of cells, not of cases. The district and street boundaries are
 * not repeated here: maps read them from GET /api/geo/areas.
 */
export async function geoMetrics(
  db: Conn,
  q: { from: Date; to: Date; scopePath: string | null; resolution: number; categoryId?: number | undefined },
): Promise<GeoMetrics> {
  await checkCategory(db, q.categoryId);
  const [rows, bbox, h3] = await Promise.all([countCasesByCell(db, q), readDistrictBox(db), loadH3()]);
  const cells = new Map<string, Omit<HexCell, 'boundary'>>();
  let total = 0;
  for (const r of rows) {
    total += r.count;
    if (r.h3 === null) continue;
    const id = q.resolution === CASE_H3_RESOLUTION ? r.h3 : h3.cellToParent(r.h3, q.resolution);
    const cell = cells.get(id) ?? { h3: id, count: 0, open: 0, overdue: 0 };
    cell.count += r.count;
    cell.open += r.open;
    cell.overdue += r.overdue;
    cells.set(id, cell);
  }
  const hexes = [...cells.values()]
    .sort((a, b) => b.count - a.count || a.h3.localeCompare(b.h3))
    .map((c) => ({ ...c, boundary: h3.cellToBoundary(c.h3, true) }));
  return {
    resolution: q.resolution,
    total,
    located: hexes.reduce((s, c) => s + c.count, 0),
    hexes,
    bbox,
  };
}

export interface Topics {
  days: number;
  baselineDays: number;
  /** Categories by cases in the recent window, most first. */
  top: TopicRow[];
  /** Categories whose recent count rose most over the baseline's rate, rising ones only. */
  rising: TopicRow[];
}

/** Top categories of the last `days` and the ones rising against the `baselineDays` before. */
export async function topics(
  db: Conn,
  q: { now: Date; days: number; baselineDays: number; scopePath: string | null; limit: number },
): Promise<Topics> {
  const rows = await categoryTopics(db, q);
  const top = rows
    .filter((r) => r.recent > 0)
    .sort((a, b) => b.recent - a.recent || a.code.localeCompare(b.code))
    .slice(0, q.limit);
  const rising = rows.filter((r) => r.rise > 0).slice(0, q.limit);
  return { days: q.days, baselineDays: q.baselineDays, top, rising };
}
