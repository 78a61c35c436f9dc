import type { Conn } from '../../platform/db/index.js';
import { DomainError } from '../../platform/errors.js';
import { districtPolygonContains } from '../geo/index.js';

/** The district's bounding box in WGS84, kept in `settings` under `district.bbox`. */
export interface BBox {
  minLon: number;
  maxLon: number;
  minLat: number;
  maxLat: number;
}

export const BBOX_KEY = 'district.bbox';

/** Known district boxes, padded by about 2 km; a deployment may set its own. */
export const knownDistrictBoxes: Record<string, BBox> = {
  // 大兴区: 116.22–116.73 E, 39.44–39.83 N
  '110115': { minLon: 116.19, maxLon: 116.76, minLat: 39.42, maxLat: 39.86 },
};

/** The configured district box, or null when none is set (then any coordinates pass the box check). */
export async function findDistrictBox(db: Conn): Promise<BBox | null> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', BBOX_KEY).executeTakeFirst();
  if (!row) return null;
  // jsonb comes back parsed from both drivers; a value stored as JSON text is parsed here.
  return (typeof row.value === 'string' ? JSON.parse(row.value) : row.value) as BBox;
}

/**
 * Refuses coordinates outside the configured district box (no box configured: anything goes), and,
 * when the district's polygon has been imported (modules/geo), outside the polygon too.
 */
export async function assertInsideDistrict(db: Conn, lon: number, lat: number): Promise<void> {
  const box = await findDistrictBox(db);
  if (box) {
    if (lon < box.minLon || lon > box.maxLon || lat < box.minLat || lat > box.maxLat) {
      throw new DomainError('location_outside_district', `(${lon}, ${lat}) lies outside the district`, {
        bbox: box,
      });
    }
  }
  if ((await districtPolygonContains(db, lon, lat)) === false) {
    throw new DomainError('location_outside_district', `(${lon}, ${lat}) lies outside the district boundary`);
  }
}
