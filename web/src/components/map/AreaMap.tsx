import { useMemo, useRef, useState, type KeyboardEvent, type MouseEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AreaCollection, TileConfig } from '../../api/map';
import { fitZoom, fromGcj02, metresPerPixel, project, toGcj02, unproject, type LonLat } from './projection';
import { tilesInView } from './tiles';

/** A point to mark on the map, in WGS-84. */
export interface MapPoint {
  lon: number;
  lat: number;
  /** Tooltip and accessible text. */
  label?: string;
  /** `case` (the default) draws a filled dot, `other` a hollow one. */
  tone?: 'case' | 'other';
}

/**
 * Props of {@link AreaMap}.
 *
 * - `label` — the map's accessible name (required).
 * - `areas` — boundaries to draw: a GeoJSON FeatureCollection of WGS-84 MultiPolygons with
 *   `properties.kind` (`district` | `street` | `community`) and `name`, as GET /api/geo/areas answers.
 *   Without areas the map draws only its points.
 * - `points` — points to mark ({@link MapPoint}).
 * - `tiles` — the basemap (GET /api/config `map`): drawn under everything when `tileUrl` is set;
 *   with `crs: 'gcj02'` every WGS-84 coordinate is shifted to GCJ-02 to sit right on the tiles.
 * - `onPick(lon, lat)` — pick mode: a click or tap, or the arrow keys on the focused map, choose a
 *   place and call this with WGS-84 coordinates (the citizen portal's pin, the workbench's map pick).
 * - `picked` — the chosen place, drawn as a pin (controlled by the parent in pick mode).
 * - `frame` — what the first view frames: `points` (zoomed to the points, the default when there
 *   are any) or `areas` (the whole district).
 * - `aspect` — width ÷ height of the map (default 1.6); the width follows the container.
 * - `bounds` — `[west, south, east, north]` framed when the areas bring no box of their own (no
 *   boundaries imported yet), e.g. the district box of GET /api/public/district; drawn as a dashed
 *   frame while there are no boundaries, so an empty map still shows where the district lies.
 * - `width` — the drawing's width in SVG units (default 800). Text, points and the pin keep their
 *   size in these units, so a phone-wide map passes about its pixel width (e.g. 400) to keep them legible.
 * - `layer(toScreen)` — SVG drawn over the boundaries and under the points (the cockpit's H3 cells,
 *   components/map/HexLayer.tsx); `toScreen` places a WGS-84 [lon, lat] in the map's SVG units, in
 *   the tiles' datum.
 */
export interface AreaMapProps {
  label: string;
  areas?: AreaCollection | null;
  points?: MapPoint[];
  tiles?: TileConfig | null;
  onPick?: (lon: number, lat: number) => void;
  picked?: { lon: number; lat: number } | null;
  frame?: 'points' | 'areas';
  aspect?: number;
  bounds?: readonly [number, number, number, number] | null;
  width?: number;
  layer?: (toScreen: (p: LonLat) => [number, number]) => ReactNode;
}

const POINT_ZOOM = 14;

function nice(metres: number): { metres: number; label: string } {
  const steps = [10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10_000, 20_000, 50_000];
  const m = steps.filter((s) => s <= metres).pop() ?? 10;
  return { metres: m, label: m >= 1000 ? `${m / 1000} km` : `${m} m` };
}

/**
 * A lightweight SVG map (no map library, no basemap needed): district and street boundaries, points,
 * an optional XYZ tile basemap, a layer of the caller's, zoom buttons, a scale bar and a pick mode.
 * Works offline and on phones.
 */
export function AreaMap({
  label,
  areas,
  points = [],
  tiles,
  onPick,
  picked,
  frame,
  aspect = 1.6,
  bounds,
  width: W = 800,
  layer,
}: AreaMapProps) {
  const { t } = useTranslation();
  const svgRef = useRef<SVGSVGElement>(null);
  const [zoomDelta, setZoomDelta] = useState(0);
  // In pick mode the view may follow the pin (zooming centres on it): that centre, in the tiles' datum.
  const [focus, setFocus] = useState<LonLat | null>(null);
  const H = Math.round(W / aspect);
  const useTiles = !!tiles?.tileUrl;
  // Everything is drawn in the datum of the tiles (WGS-84 without tiles).
  const shift = useMemo(
    () => (useTiles && tiles?.crs === 'gcj02' ? toGcj02 : (p: LonLat) => [p[0], p[1]] as [number, number]),
    [useTiles, tiles?.crs],
  );
  const unshift =
    useTiles && tiles?.crs === 'gcj02' ? fromGcj02 : (p: LonLat) => [p[0], p[1]] as [number, number];

  const features = areas?.features ?? [];
  const marks = picked ? [...points, { lon: picked.lon, lat: picked.lat, tone: 'pin' as const }] : points;

  const hasPin = !!picked;
  // The first view: the points (or the pin) when asked or when there are any, else the areas.
  const view = useMemo(() => {
    const framePoints = (frame ?? (points.length ? 'points' : 'areas')) === 'points' && points.length > 0;
    const xs: number[] = [];
    const ys: number[] = [];
    const add = (p: LonLat) => {
      const [x, y] = shift(p);
      xs.push(x);
      ys.push(y);
    };
    if (framePoints) points.forEach((p) => add([p.lon, p.lat]));
    else if (areas?.bbox) {
      const [w = 0, s = 0, e = 0, n = 0] = areas.bbox;
      add([w, s]);
      add([e, n]);
    } else if (bounds) {
      add([bounds[0], bounds[1]]);
      add([bounds[2], bounds[3]]);
    } else if (picked) add([picked.lon, picked.lat]);
    else points.forEach((p) => add([p.lon, p.lat]));
    if (xs.length === 0) return null;
    const b: [number, number, number, number] = [
      Math.min(...xs),
      Math.min(...ys),
      Math.max(...xs),
      Math.max(...ys),
    ];
    const single = b[2] - b[0] < 1e-6 && b[3] - b[1] < 1e-6;
    const zoom = single ? POINT_ZOOM : Math.min(fitZoom(b, W, H), 17);
    const [cx, cy] = project([(b[0] + b[2]) / 2, (b[1] + b[3]) / 2], zoom);
    return { zoom, cx, cy };
    // The view is framed once per data set; the pin moving does not re-frame it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [areas, bounds, points.length, frame, shift, W, H, hasPin]);

  const zoom = (view?.zoom ?? 10) + zoomDelta;
  const scale = 2 ** zoomDelta;
  const [cx, cy]: [number, number] = focus
    ? project(focus, zoom)
    : [(view?.cx ?? 0) * scale, (view?.cy ?? 0) * scale];
  const toScreen = (p: LonLat): [number, number] => {
    const [x, y] = project(shift(p), zoom);
    return [x - cx + W / 2, y - cy + H / 2];
  };

  const paths = useMemo(
    () =>
      features.map((f) => {
        let d = '';
        for (const poly of f.geometry.coordinates)
          for (const ring of poly) {
            ring.forEach((pt, i) => {
              const [x, y] = toScreen([pt[0] ?? 0, pt[1] ?? 0]);
              d += `${i ? 'L' : 'M'}${x.toFixed(1)} ${y.toFixed(1)}`;
            });
            d += 'Z';
          }
        // The label sits at the middle of the largest ring's vertices.
        const ring = f.geometry.coordinates
          .map((poly) => poly[0] ?? [])
          .reduce((a, b) => (b.length > a.length ? b : a), []);
        let sx = 0;
        let sy = 0;
        for (const p of ring) {
          sx += p[0] ?? 0;
          sy += p[1] ?? 0;
        }
        const at = ring.length ? toScreen([sx / ring.length, sy / ring.length]) : [0, 0];
        return { key: f.properties.unitId, kind: f.properties.kind, name: f.properties.name, d, at };
      }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [features, zoom, cx, cy, shift, W, H],
  );

  const tileImages = useMemo(
    () => (useTiles && tiles && view ? tilesInView(tiles, { zoom, cx, cy, width: W, height: H }) : []),
    [useTiles, tiles, view, zoom, cx, cy, W, H],
  );

  const pickAt = (sx: number, sy: number) => {
    if (!onPick) return;
    const at = unproject(sx + cx - W / 2, sy + cy - H / 2, zoom);
    // A pin moved off the edge (from the keyboard) brings the view along.
    if (sx < 0 || sx > W || sy < 0 || sy > H) setFocus(at);
    const [lon, lat] = unshift(at);
    onPick(Number(lon.toFixed(6)), Number(lat.toFixed(6)));
  };
  /** Zooms by one step; in pick mode around the pin, so a finger can place it closely. */
  const zoomBy = (step: number) => {
    if (onPick && picked) setFocus(shift([picked.lon, picked.lat]));
    setZoomDelta((z) => Math.max(-6, Math.min(6, z + step)));
  };

  const onClick = (e: MouseEvent<SVGSVGElement>) => {
    const svg = svgRef.current;
    const m = svg?.getScreenCTM();
    if (!svg || !m) return;
    const p = new DOMPoint(e.clientX, e.clientY).matrixTransform(m.inverse());
    pickAt(p.x, p.y);
  };

  const onKeyDown = (e: KeyboardEvent<SVGSVGElement>) => {
    if (!onPick) return;
    const moves: Record<string, [number, number]> = {
      ArrowLeft: [-20, 0],
      ArrowRight: [20, 0],
      ArrowUp: [0, -20],
      ArrowDown: [0, 20],
    };
    // Enter or Space sets the pin where it is (at the centre the first time); Shift takes longer steps.
    const move: [number, number] | undefined = e.key === 'Enter' || e.key === ' ' ? [0, 0] : moves[e.key];
    if (!move) return;
    e.preventDefault();
    const k = e.shiftKey ? 5 : 1;
    const [x, y] = picked ? toScreen([picked.lon, picked.lat]) : [W / 2, H / 2];
    pickAt(x + (picked ? move[0] * k : 0), y + (picked ? move[1] * k : 0));
  };

  const centreLat = view ? unshift(unproject(cx, cy, zoom))[1] : 0;
  const bar = nice(metresPerPixel(centreLat, zoom) * 120);
  const barPx = bar.metres / metresPerPixel(centreLat, zoom);
  const showLabels = paths.filter((p) => p.kind === 'street').length <= 40;

  return (
    <figure className="area-map" data-testid="area-map">
      <svg
        ref={svgRef}
        viewBox={`0 0 ${W} ${H}`}
        style={{ aspectRatio: `${W} / ${H}` }}
        role={onPick ? 'application' : 'img'}
        aria-label={onPick ? `${label}. ${t('map.pickHint')}` : label}
        tabIndex={onPick ? 0 : undefined}
        onClick={onPick ? onClick : undefined}
        onKeyDown={onPick ? onKeyDown : undefined}
        className={onPick ? 'pick' : undefined}
      >
        <rect width={W} height={H} className="map-bg" />
        {tileImages.map((tile) => (
          <image
            key={tile.key}
            href={tile.href}
            x={tile.x}
            y={tile.y}
            width={tile.size + 0.5}
            height={tile.size + 0.5}
            data-testid="map-tile"
          />
        ))}
        {features.length === 0 && bounds && (
          <path
            d={[
              [bounds[0], bounds[1]],
              [bounds[2], bounds[1]],
              [bounds[2], bounds[3]],
              [bounds[0], bounds[3]],
            ]
              .map((c, i) => {
                const [x, y] = toScreen([c[0]!, c[1]!]);
                return `${i ? 'L' : 'M'}${x.toFixed(1)} ${y.toFixed(1)}`;
              })
              .join('')
              .concat('Z')}
            className="area area-bounds"
            data-testid="map-bounds"
          />
        )}
        {paths.map((p) => (
          <path key={p.key} d={p.d} className={`area area-${p.kind}`} fillRule="evenodd">
            <title>{p.name}</title>
          </path>
        ))}
        {showLabels &&
          paths
            .filter((p) => p.kind === 'street')
            .map((p) => (
              <text key={`l${p.key}`} x={p.at[0]} y={p.at[1]} className="area-label">
                {p.name}
              </text>
            ))}
        {layer?.(toScreen)}
        {marks.map((m, i) => {
          const [x, y] = toScreen([m.lon, m.lat]);
          if (m.tone === 'pin')
            return (
              <g key={`pin${i}`} className="map-pin" transform={`translate(${x} ${y})`} data-testid="map-pin">
                <path d="M0 0 C-4 -10 -11 -14 -11 -22 A11 11 0 1 1 11 -22 C11 -14 4 -10 0 0Z" />
                <circle cy={-22} r={4} className="map-pin-dot" />
              </g>
            );
          return (
            <g key={`pt${i}`} className={`map-point map-point-${m.tone ?? 'case'}`} data-testid="map-point">
              <circle cx={x} cy={y} r={12} className="map-point-halo" />
              <circle cx={x} cy={y} r={6} />
              {m.label && <title>{m.label}</title>}
            </g>
          );
        })}
        <g className="map-scale" transform={`translate(12 ${H - 14})`} aria-hidden="true">
          <path d={`M0 -6 V0 H${barPx.toFixed(1)} V-6`} />
          <text x={barPx + 6} y={0}>
            {bar.label}
          </text>
        </g>
      </svg>
      <div className="map-tools row">
        <button type="button" onClick={() => zoomBy(1)} aria-label={t('map.zoomIn')}>
          +
        </button>
        <button type="button" onClick={() => zoomBy(-1)} aria-label={t('map.zoomOut')}>
          −
        </button>
        {(zoomDelta !== 0 || focus) && (
          <button
            type="button"
            onClick={() => {
              setZoomDelta(0);
              setFocus(null);
            }}
          >
            {t('map.reset')}
          </button>
        )}
        {features.length === 0 && <span className="muted">{t('map.noAreas')}</span>}
        {onPick && (
          <span className="muted map-picked" aria-live="polite" data-testid="map-picked">
            {picked ? t('map.picked', { lon: picked.lon.toFixed(5), lat: picked.lat.toFixed(5) }) : ''}
          </span>
        )}
        {useTiles && tiles?.attribution && (
          <small className="muted grow map-credit">{tiles.attribution}</small>
        )}
      </div>
    </figure>
  );
}
