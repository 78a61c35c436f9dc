/**
 * The H3 cell stored on every located case (`cases.h3_cell`): resolution 9, about 0.1 km² (a
 * block), fine enough that every coarser map cell is a parent of it, so the cockpit groups cases
 * by the stored cell in SQL and rolls the groups up to the resolution asked for. h3-js is loaded on
 * first use (~0.4 s, not worth paying at start-up).
 */
export const CASE_H3_RESOLUTION = 9;

type H3 = typeof import('h3-js');
let loading: Promise<H3> | undefined;

/** h3-js, loaded once. */
export function loadH3(): Promise<H3> {
  loading ??= import('h3-js');
  return loading;
}

/** The stored cell of a point (hex H3 index at CASE_H3_RESOLUTION), or null without one. */
export async function caseCell(
  lon: number | null | undefined,
  lat: number | null | undefined,
): Promise<string | null> {
  if (lon == null || lat == null) return null;
  const h3 = await loadH3();
  return h3.latLngToCell(lat, lon, CASE_H3_RESOLUTION);
}
