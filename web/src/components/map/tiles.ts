import type { TileConfig } from '../../api/map';
import { tileUrl } from './projection';

/** One XYZ tile placed in the map's SVG units. */
export interface PlacedTile {
  key: string;
  href: string;
  x: number;
  y: number;
  size: number;
}

/**
 * The tiles covering a `width` × `height` view centred on world pixel (cx, cy) at a fractional
 * `zoom`: the nearest tile zoom (up to the source's maximum), scaled to fit, wrapped around the
 * antimeridian and clipped at the poles.
 */
export function tilesInView(
  tiles: TileConfig,
  v: { zoom: number; cx: number; cy: number; width: number; height: number },
): PlacedTile[] {
  if (!tiles.tileUrl) return [];
  const { zoom, cx, cy, width: W, height: H } = v;
  const tz = Math.max(0, Math.min(tiles.maxZoom, Math.round(zoom)));
  const size = 256 * 2 ** (zoom - tz);
  const n = 2 ** tz;
  const out: PlacedTile[] = [];
  const x0 = Math.floor((cx - W / 2) / size);
  const x1 = Math.floor((cx + W / 2) / size);
  const y0 = Math.max(0, Math.floor((cy - H / 2) / size));
  const y1 = Math.min(n - 1, Math.floor((cy + H / 2) / size));
  for (let ty = y0; ty <= y1; ty++)
    for (let tx = x0; tx <= x1; tx++) {
      const wrapped = ((tx % n) + n) % n;
      out.push({
        key: `${tz}/${tx}/${ty}`,
        href: tileUrl(tiles.tileUrl, tz, wrapped, ty, tiles.subdomains),
        x: tx * size - cx + W / 2,
        y: ty * size - cy + H / 2,
        size,
      });
    }
  return out;
}
