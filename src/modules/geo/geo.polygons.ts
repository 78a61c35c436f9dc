import { DomainError } from '../../platform/errors.js';

/**
 * Polygons for coordinates → area: GeoJSON parsing, GCJ-02 → WGS-84 conversion and
 * point-in-polygon (ray casting, even–odd over all rings so holes work), with a bounding-box
 * prefilter. Pure functions; the service keeps the parsed polygons in memory.
 */
export type MultiPolygon = number[][][][];

export interface BBox {
  minLon: number;
  minLat: number;
  maxLon: number;
  maxLat: number;
}

export interface UnitPolygon extends BBox {
  unitId: number;
  coordinates: MultiPolygon;
}

/** Even–odd ray casting over one polygon's rings (outer ring plus holes). */
function inRings(rings: number[][][], lon: number, lat: number): boolean {
  let inside = false;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i] as [number, number];
      const [xj, yj] = ring[j] as [number, number];
      if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

export function bboxContains(b: BBox, lon: number, lat: number): boolean {
  return lon >= b.minLon && lon <= b.maxLon && lat >= b.minLat && lat <= b.maxLat;
}

/** Whether a WGS-84 point lies inside a MultiPolygon (box first, then the rings). */
export function polygonContains(p: UnitPolygon, lon: number, lat: number): boolean {
  if (!bboxContains(p, lon, lat)) return false;
  return p.coordinates.some((rings) => inRings(rings, lon, lat));
}

export function bboxOf(coordinates: MultiPolygon): BBox & { vertices: number } {
  let minLon = Infinity;
  let minLat = Infinity;
  let maxLon = -Infinity;
  let maxLat = -Infinity;
  let vertices = 0;
  for (const poly of coordinates)
    for (const ring of poly)
      for (const [lon, lat] of ring as Array<[number, number]>) {
        vertices++;
        if (lon < minLon) minLon = lon;
        if (lon > maxLon) maxLon = lon;
        if (lat < minLat) minLat = lat;
        if (lat > maxLat) maxLat = lat;
      }
  return { minLon, minLat, maxLon, maxLat, vertices };
}

// GCJ-02 ("Mars" coordinates, used by AMap/DataV): the published forward transform, inverted
// by fixed-point iteration (a few steps bring it under a millimetre).
const A = 6378245.0;
const EE = 0.006693421622965943;

function outOfChina(lon: number, lat: number): boolean {
  return lon < 72.004 || lon > 137.8347 || lat < 0.8293 || lat > 55.8271;
}

function transformLat(x: number, y: number): number {
  let r = -100 + 2 * x + 3 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
  r += ((20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2) / 3;
  r += ((20 * Math.sin(y * Math.PI) + 40 * Math.sin((y / 3) * Math.PI)) * 2) / 3;
  r += ((160 * Math.sin((y / 12) * Math.PI) + 320 * Math.sin((y * Math.PI) / 30)) * 2) / 3;
  return r;
}

function transformLon(x: number, y: number): number {
  let r = 300 + x + 2 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
  r += ((20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2) / 3;
  r += ((20 * Math.sin(x * Math.PI) + 40 * Math.sin((x / 3) * Math.PI)) * 2) / 3;
  r += ((150 * Math.sin((x / 12) * Math.PI) + 300 * Math.sin((x / 30) * Math.PI)) * 2) / 3;
  return r;
}

/** WGS-84 → GCJ-02. */
export function wgs84ToGcj02(lon: number, lat: number): [number, number] {
  if (outOfChina(lon, lat)) return [lon, lat];
  let dLat = transformLat(lon - 105, lat - 35);
  let dLon = transformLon(lon - 105, lat - 35);
  const radLat = (lat / 180) * Math.PI;
  let magic = Math.sin(radLat);
  magic = 1 - EE * magic * magic;
  const sqrtMagic = Math.sqrt(magic);
  dLat = (dLat * 180) / (((A * (1 - EE)) / (magic * sqrtMagic)) * Math.PI);
  dLon = (dLon * 180) / ((A / sqrtMagic) * Math.cos(radLat) * Math.PI);
  return [lon + dLon, lat + dLat];
}

/** GCJ-02 → WGS-84 by iteration. */
export function gcj02ToWgs84(lon: number, lat: number): [number, number] {
  let wLon = lon;
  let wLat = lat;
  for (let i = 0; i < 6; i++) {
    const [gLon, gLat] = wgs84ToGcj02(wLon, wLat);
    wLon -= gLon - lon;
    wLat -= gLat - lat;
  }
  return [wLon, wLat];
}

export interface ParsedFeature {
  properties: Record<string, unknown>;
  coordinates: MultiPolygon;
}

function isPosition(p: unknown): p is [number, number] {
  return (
    Array.isArray(p) &&
    p.length >= 2 &&
    typeof p[0] === 'number' &&
    typeof p[1] === 'number' &&
    Number.isFinite(p[0]) &&
    Number.isFinite(p[1]) &&
    Math.abs(p[0]) <= 180 &&
    Math.abs(p[1]) <= 90
  );
}

function asPolygon(rings: unknown, where: string): number[][][] {
  if (!Array.isArray(rings) || rings.length === 0) throw bad(`${where}: a polygon needs at least one ring`);
  return rings.map((ring: unknown, i) => {
    if (!Array.isArray(ring) || ring.length < 4 || !ring.every(isPosition)) {
      throw bad(`${where}: ring ${i} needs at least 4 [lon, lat] positions`);
    }
    return ring.map(([lon, lat]) => [lon, lat]);
  });
}

function bad(message: string): DomainError {
  return new DomainError('validation_failed', message);
}

/**
 * The Polygon/MultiPolygon features of a GeoJSON FeatureCollection (or single Feature), each as
 * MultiPolygon coordinates, converted to WGS-84 when the file is GCJ-02. Anything else is refused
 * with the feature's index, so a bad file imports nothing.
 */
export function parseFeatures(json: unknown, crs: 'wgs84' | 'gcj02'): ParsedFeature[] {
  const root = json as { type?: unknown; features?: unknown };
  const features =
    root?.type === 'FeatureCollection' && Array.isArray(root.features)
      ? (root.features as unknown[])
      : root?.type === 'Feature'
        ? [root]
        : null;
  if (!features) throw bad('expected a GeoJSON FeatureCollection or Feature');
  return features.map((f, i) => {
    const feature = f as { geometry?: { type?: unknown; coordinates?: unknown }; properties?: unknown };
    const g = feature?.geometry;
    let coordinates: MultiPolygon;
    if (g?.type === 'Polygon') coordinates = [asPolygon(g.coordinates, `feature ${i}`)];
    else if (g?.type === 'MultiPolygon' && Array.isArray(g.coordinates) && g.coordinates.length > 0) {
      coordinates = (g.coordinates as unknown[]).map((p) => asPolygon(p, `feature ${i}`));
    } else throw bad(`feature ${i}: geometry must be a Polygon or MultiPolygon`);
    if (crs === 'gcj02') {
      coordinates = coordinates.map((poly) =>
        poly.map((ring) => ring.map(([lon, lat]) => gcj02ToWgs84(lon!, lat!))),
      );
    }
    const properties =
      feature.properties && typeof feature.properties === 'object'
        ? (feature.properties as Record<string, unknown>)
        : {};
    return { properties, coordinates };
  });
}
