/**
 * Web Mercator (the projection of XYZ tiles) and China's GCJ-02 datum shift, for the SVG map. Pure
 * functions; coordinates are [lon, lat] in degrees, pixels are "world pixels" at a zoom level
 * (256 × 2^zoom across the world).
 */
export type LonLat = readonly [number, number];

const TILE = 256;
const MAX_LAT = 85.05112878;

/** World pixel x, y of a point at `zoom` (fractional zooms allowed). */
export function project([lon, lat]: LonLat, zoom: number): [number, number] {
  const size = TILE * 2 ** zoom;
  const phi = (Math.max(-MAX_LAT, Math.min(MAX_LAT, lat)) * Math.PI) / 180;
  const x = ((lon + 180) / 360) * size;
  const y = (0.5 - Math.log((1 + Math.sin(phi)) / (1 - Math.sin(phi))) / (4 * Math.PI)) * size;
  return [x, y];
}

/** The inverse of project(). */
export function unproject(x: number, y: number, zoom: number): [number, number] {
  const size = TILE * 2 ** zoom;
  const lon = (x / size) * 360 - 180;
  const n = Math.PI - (2 * Math.PI * y) / size;
  const lat = (180 / Math.PI) * Math.atan(Math.sinh(n));
  return [lon, lat];
}

/** The zoom at which a lon/lat box fills `width` × `height` pixels (with `pad` share of margin). */
export function fitZoom(
  box: readonly [number, number, number, number],
  width: number,
  height: number,
  pad = 0.08,
): number {
  const [x0, y0] = project([box[0], box[3]], 0);
  const [x1, y1] = project([box[2], box[1]], 0);
  const dx = Math.max(x1 - x0, 1e-9);
  const dy = Math.max(y1 - y0, 1e-9);
  return Math.log2(Math.min((width * (1 - 2 * pad)) / dx, (height * (1 - 2 * pad)) / dy));
}

/** Metres per pixel at a latitude and zoom (for the scale bar). */
export function metresPerPixel(lat: number, zoom: number): number {
  return (156_543.033_92 * Math.cos((lat * Math.PI) / 180)) / 2 ** zoom;
}

// GCJ-02 ("Mars" coordinates of AMap-style tiles): the published forward transform; the inverse by
// fixed-point iteration, as the server does (src/modules/geo/geo.polygons.ts).
const A = 6378245.0;
const EE = 0.006693421622965943;

function outOfChina(lon: number, lat: number): boolean {
  return lon < 72.004 || lon > 137.8347 || lat < 0.8293 || lat > 55.8271;
}

function dLatOf(x: number, y: number): number {
  let r = -100 + 2 * x + 3 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
  r += ((20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2) / 3;
  r += ((20 * Math.sin(y * Math.PI) + 40 * Math.sin((y / 3) * Math.PI)) * 2) / 3;
  r += ((160 * Math.sin((y / 12) * Math.PI) + 320 * Math.sin((y * Math.PI) / 30)) * 2) / 3;
  return r;
}

function dLonOf(x: number, y: number): number {
  let r = 300 + x + 2 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
  r += ((20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2) / 3;
  r += ((20 * Math.sin(x * Math.PI) + 40 * Math.sin((x / 3) * Math.PI)) * 2) / 3;
  r += ((150 * Math.sin((x / 12) * Math.PI) + 300 * Math.sin((x / 30) * Math.PI)) * 2) / 3;
  return r;
}

/** WGS-84 → GCJ-02. */
export function toGcj02([lon, lat]: LonLat): [number, number] {
  if (outOfChina(lon, lat)) return [lon, lat];
  const radLat = (lat / 180) * Math.PI;
  const magic = 1 - EE * Math.sin(radLat) ** 2;
  const sqrtMagic = Math.sqrt(magic);
  const dLat = (dLatOf(lon - 105, lat - 35) * 180) / (((A * (1 - EE)) / (magic * sqrtMagic)) * Math.PI);
  const dLon = (dLonOf(lon - 105, lat - 35) * 180) / ((A / sqrtMagic) * Math.cos(radLat) * Math.PI);
  return [lon + dLon, lat + dLat];
}

/** GCJ-02 → WGS-84. */
export function fromGcj02([lon, lat]: LonLat): [number, number] {
  let w: [number, number] = [lon, lat];
  for (let i = 0; i < 6; i++) {
    const [gLon, gLat] = toGcj02(w);
    w = [w[0] - (gLon - lon), w[1] - (gLat - lat)];
  }
  return w;
}

/** The URL of one tile from an XYZ template ({z}, {x}, {y}, and {s} from `subdomains`). */
export function tileUrl(template: string, z: number, x: number, y: number, subdomains: string): string {
  const s = subdomains ? (subdomains[Math.abs(x + y) % subdomains.length] ?? '') : '';
  return template
    .replaceAll('{z}', String(z))
    .replaceAll('{x}', String(x))
    .replaceAll('{y}', String(y))
    .replaceAll('{s}', s);
}
