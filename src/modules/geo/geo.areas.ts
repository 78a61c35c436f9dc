import type { AppContext } from '../../platform/context.js';
import { getGeoIndex } from './geo.service.js';
import type { MultiPolygon } from './geo.polygons.js';

export type AreaKind = 'district' | 'street' | 'community';

export interface AreaFeature {
  type: 'Feature';
  properties: { unitId: number; code: string; name: string; kind: AreaKind };
  geometry: { type: 'MultiPolygon'; coordinates: MultiPolygon };
}

// Six decimals are ~0.1 m: enough for a boundary drawn on a screen, and a third of the bytes.
const round = (v: number) => Math.round(v * 1e6) / 1e6;

/**
 * The imported boundaries of the district and its streets (communities when asked) as a GeoJSON
 * FeatureCollection in WGS-84, from the in-memory geo index; `bbox` frames them all. An empty
 * collection when no polygons have been imported (maps then draw the points alone).
 */
export async function districtAreas(ctx: AppContext, kinds: readonly AreaKind[]) {
  const index = await getGeoIndex(ctx);
  const features: AreaFeature[] = [];
  let bbox: [number, number, number, number] | null = null;
  for (const p of index.polygons) {
    const unit = index.gazetteer.units.get(p.unitId);
    if (!unit || !kinds.includes(unit.kind as AreaKind)) continue;
    features.push({
      type: 'Feature',
      properties: { unitId: unit.id, code: unit.code, name: unit.name, kind: unit.kind as AreaKind },
      geometry: {
        type: 'MultiPolygon',
        coordinates: p.coordinates.map((poly) =>
          poly.map((ring) => ring.map(([x, y]) => [round(x!), round(y!)])),
        ),
      },
    });
    bbox = bbox
      ? [
          Math.min(bbox[0], p.minLon),
          Math.min(bbox[1], p.minLat),
          Math.max(bbox[2], p.maxLon),
          Math.max(bbox[3], p.maxLat),
        ]
      : [p.minLon, p.minLat, p.maxLon, p.maxLat];
  }
  const order: Record<AreaKind, number> = { district: 0, street: 1, community: 2 };
  features.sort((a, b) => order[a.properties.kind] - order[b.properties.kind]);
  return { type: 'FeatureCollection' as const, bbox, features };
}
