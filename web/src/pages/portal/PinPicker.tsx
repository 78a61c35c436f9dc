import { useId, useRef, type KeyboardEvent, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { usePublicDistrict } from '../../api/portal';

/** A point in WGS84, as the public report route takes it. */
export interface LonLat {
  lon: number;
  lat: number;
}

/** Width of the drawing in SVG units; the height follows the district box's true proportions. */
const W = 1000;
/** Arrow keys move the pin this many degrees (about 100 m); with Shift ten times as far. */
const STEP = 0.001;
const GRID = 0.1;

const round6 = (v: number) => Math.round(v * 1e6) / 1e6;
const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/**
 * 地图选点: places a pin inside the district's box, drawn without a basemap (a graticule every 0.1°)
 * so it works offline. Pointer or touch places the pin; from the keyboard the arrows move it and
 * Delete clears it. Its props are the ones a map component needs to stand in for it later:
 * the point (or null) and what to do when it changes.
 */
export function PinPicker({
  value,
  onChange,
}: {
  value: LonLat | null;
  onChange: (v: LonLat | null) => void;
}) {
  const { t } = useTranslation();
  const district = usePublicDistrict();
  const svg = useRef<SVGSVGElement>(null);
  const ids = useId();
  const box = district.data?.bbox;
  if (!box) {
    return district.isPending ? null : <p className="portal-hint">{t('portal.pin.noMap')}</p>;
  }
  const name = district.data?.name ?? '';
  const spanLon = box.maxLon - box.minLon;
  const spanLat = box.maxLat - box.minLat;
  // Degrees of longitude are shorter than degrees of latitude by cos(latitude).
  const H = Math.round(
    (W * spanLat) / (spanLon * Math.cos((((box.minLat + box.maxLat) / 2) * Math.PI) / 180)),
  );
  const toX = (lon: number) => ((lon - box.minLon) / spanLon) * W;
  const toY = (lat: number) => ((box.maxLat - lat) / spanLat) * H;
  const put = (lon: number, lat: number) =>
    onChange({
      lon: round6(clamp(lon, box.minLon, box.maxLon)),
      lat: round6(clamp(lat, box.minLat, box.maxLat)),
    });

  const click = (e: MouseEvent<SVGSVGElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    put(
      box.minLon + ((e.clientX - r.left) / r.width) * spanLon,
      box.maxLat - ((e.clientY - r.top) / r.height) * spanLat,
    );
    svg.current?.focus();
  };

  const key = (e: KeyboardEvent<SVGSVGElement>) => {
    const step = e.shiftKey ? STEP * 10 : STEP;
    const here = value ?? { lon: box.minLon + spanLon / 2, lat: box.minLat + spanLat / 2 };
    const moves: Record<string, [number, number]> = {
      ArrowLeft: [-step, 0],
      ArrowRight: [step, 0],
      ArrowUp: [0, step],
      ArrowDown: [0, -step],
    };
    const move = moves[e.key];
    if (move) put(here.lon + (value ? move[0] : 0), here.lat + (value ? move[1] : 0));
    else if (e.key === 'Enter' || e.key === ' ') put(here.lon, here.lat);
    else if ((e.key === 'Delete' || e.key === 'Backspace') && value) onChange(null);
    else return;
    e.preventDefault();
  };

  const lons: number[] = [];
  for (let v = Math.ceil(box.minLon / GRID) * GRID; v <= box.maxLon; v += GRID) lons.push(round6(v));
  const lats: number[] = [];
  for (let v = Math.ceil(box.minLat / GRID) * GRID; v <= box.maxLat; v += GRID) lats.push(round6(v));

  return (
    <div className="pin-picker">
      <p className="portal-label" id={`${ids}-label`}>
        {t('portal.pin.label', { district: name })}
      </p>
      <p className="portal-hint" id={`${ids}-help`}>
        {t('portal.pin.instructions')}
      </p>
      <svg
        ref={svg}
        viewBox={`0 0 ${W} ${H}`}
        role="application"
        tabIndex={0}
        aria-labelledby={`${ids}-label`}
        aria-describedby={`${ids}-help ${ids}-value`}
        data-testid="pin-picker"
        onClick={click}
        onKeyDown={key}
      >
        <rect x={0} y={0} width={W} height={H} className="pin-area" />
        {lons.map((lon) => (
          <g key={`x${lon}`}>
            <line x1={toX(lon)} x2={toX(lon)} y1={0} y2={H} className="pin-grid" />
            {toX(lon) < W - 130 && (
              <text x={toX(lon) + 6} y={H - 12} className="pin-tick">
                {lon.toFixed(1)}°E
              </text>
            )}
          </g>
        ))}
        {lats.map((lat) => (
          <g key={`y${lat}`}>
            <line x1={0} x2={W} y1={toY(lat)} y2={toY(lat)} className="pin-grid" />
            <text x={8} y={toY(lat) - 8} className="pin-tick">
              {lat.toFixed(1)}°N
            </text>
          </g>
        ))}
        <text x={W - 40} y={56} className="pin-north" textAnchor="middle">
          {t('portal.pin.north')}
        </text>
        <path d={`M ${W - 40} 64 l -14 36 l 14 -10 l 14 10 z`} className="pin-arrow" />
        {value && (
          <g transform={`translate(${toX(value.lon)} ${toY(value.lat)})`} data-testid="pin">
            <circle r={10} className="pin-dot" />
            <path
              d="M 0 0 C -8 -22 -30 -38 -30 -62 A 30 30 0 1 1 30 -62 C 30 -38 8 -22 0 0 z"
              className="pin-head"
            />
            <circle cy={-62} r={11} className="pin-hole" />
          </g>
        )}
      </svg>
      <p id={`${ids}-value`} className="portal-hint" aria-live="polite" data-testid="pin-value">
        {value
          ? t('portal.pin.chosen', { lon: value.lon.toFixed(5), lat: value.lat.toFixed(5) })
          : t('portal.pin.none')}
      </p>
    </div>
  );
}
