import { useTranslation } from 'react-i18next';
import type { LonLat } from './projection';

/** One H3 cell with its case counts, as GET /api/metrics/geo answers it. */
export interface HexCell {
  h3: string;
  count: number;
  open: number;
  overdue: number;
  /** The outline, [lon, lat] pairs in WGS-84, closed. */
  boundary: number[][];
}

/** Light blue for the quietest class to red for the busiest (readable on light and dark maps). */
const CLASS_COLOURS = ['#4cc3ff', '#7fd1c7', '#ffd166', '#ff9f5a', '#ff5c48'];

/**
 * The legend's classes: up to five equal steps of the busiest cell's count, each the highest count
 * it holds (rounded up, repeats dropped, so a map of ones and twos has two classes).
 */
export function hexClasses(max: number): number[] {
  const tops = CLASS_COLOURS.map((_, i) => Math.ceil((Math.max(1, max) * (i + 1)) / CLASS_COLOURS.length));
  return [...new Set(tops)];
}

/** The class (index into hexClasses) of a count. */
function classOf(count: number, tops: number[]): number {
  const i = tops.findIndex((top) => count <= top);
  return i < 0 ? tops.length - 1 : i;
}

/** The colour of class `i` of `n`: the classes spread over the whole ramp. */
function colourOf(i: number, n: number): string {
  const at = n <= 1 ? CLASS_COLOURS.length - 1 : Math.round((i * (CLASS_COLOURS.length - 1)) / (n - 1));
  return CLASS_COLOURS[at]!;
}

/**
 * H3 cells as SVG polygons coloured by their case count (an AreaMap `layer`), each with a title
 * (the tooltip and its accessible text: cases, open, overdue).
 */
export function HexLayer({
  cells,
  toScreen,
}: {
  cells: HexCell[];
  toScreen: (p: LonLat) => [number, number];
}) {
  const { t } = useTranslation();
  const tops = hexClasses(Math.max(0, ...cells.map((c) => c.count)));
  return (
    <g className="hex-layer" data-testid="hex-layer">
      {cells.map((c) => {
        const d = c.boundary
          .map((p, i) => {
            const [x, y] = toScreen([p[0] ?? 0, p[1] ?? 0]);
            return `${i ? 'L' : 'M'}${x.toFixed(1)} ${y.toFixed(1)}`;
          })
          .join('');
        return (
          <path
            key={c.h3}
            d={`${d}Z`}
            className="hex-cell"
            fill={colourOf(classOf(c.count, tops), tops.length)}
            data-testid="hex-cell"
            data-h3={c.h3}
            data-count={c.count}
          >
            <title>{t('map.hexTip', { count: c.count, open: c.open, overdue: c.overdue })}</title>
          </path>
        );
      })}
    </g>
  );
}

/** The legend of a HexLayer: one swatch per class with its count range. */
export function HexLegend({ cells }: { cells: HexCell[] }) {
  const { t } = useTranslation();
  const tops = hexClasses(Math.max(0, ...cells.map((c) => c.count)));
  return (
    <figure className="hex-legend" data-testid="hex-legend">
      <figcaption>{t('map.legend')}</figcaption>
      <ul>
        {tops.map((top, i) => {
          const from = i === 0 ? 1 : tops[i - 1]! + 1;
          return (
            <li key={top}>
              <span
                className="hex-swatch"
                style={{ background: colourOf(i, tops.length) }}
                aria-hidden="true"
              />
              <span className="hex-range">{from === top ? String(top) : `${from}–${top}`}</span>
            </li>
          );
        })}
      </ul>
    </figure>
  );
}
