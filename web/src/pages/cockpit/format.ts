/** A rate 0–1 as a percentage with one decimal; '—' when there is no denominator yet. */
export function pct(rate: number | null | undefined): string {
  return rate === null || rate === undefined ? '—' : `${(rate * 100).toFixed(1)}%`;
}

/** A score 0–100 with one decimal, or '—'. */
export function score(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : value.toFixed(1);
}

/** The chart colours of the cockpit's dark theme (text at AA contrast on the panel colour). */
export const palette = {
  text: '#e6edf3',
  muted: '#9fb3c8',
  line: '#2d4a6b',
  panel: '#102338',
  series: ['#4cc3ff', '#7ee787', '#ffd166', '#ff8c69'],
};
