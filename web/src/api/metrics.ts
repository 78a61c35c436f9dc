import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap } from './client';
import type { paths } from './openapi';

type Query<P extends keyof paths> = paths[P] extends { get: { parameters: { query?: infer Q } } } ? Q : never;
type Out<P extends keyof paths> = paths[P] extends {
  get: { responses: { 200: { content: { 'application/json': infer O } } } };
}
  ? O
  : never;

export type RankingQuery = NonNullable<Query<'/api/metrics/ranking'>>;
export type UnitsQuery = NonNullable<Query<'/api/metrics/units'>>;
export type GeoQuery = NonNullable<Query<'/api/metrics/geo'>>;
export type Group = Out<'/api/metrics/units'>['items'][number];
export type RankedGroup = Out<'/api/metrics/ranking'>['items'][number];
export type TrendMonth = Out<'/api/metrics/trend'>['items'][number];
export type Geo = Out<'/api/metrics/geo'>;
export type Topics = Out<'/api/metrics/topics'>;

// Every metrics query key starts with 'metrics', so the live feed refreshes them all with one call.
const opts = { placeholderData: keepPreviousData } as const;

/** GET /api/metrics/summary — the figures of everything in scope over a period. */
export function useMetricsSummary(query: NonNullable<Query<'/api/metrics/summary'>> = {}) {
  return useQuery({
    queryKey: ['metrics', 'summary', query],
    queryFn: async () => unwrap(await api.GET('/api/metrics/summary', { params: { query } })),
    ...opts,
  });
}

/** GET /api/metrics/units — figures per lead unit, street, area or category. */
export function useUnitMetrics(query: UnitsQuery) {
  return useQuery({
    queryKey: ['metrics', 'units', query],
    queryFn: async () => unwrap(await api.GET('/api/metrics/units', { params: { query } })),
    ...opts,
  });
}

/** GET /api/metrics/ranking (JSON) — the monthly ranking of streets and/or departments. */
export function useRanking(query: RankingQuery) {
  return useQuery({
    queryKey: ['metrics', 'ranking', query],
    queryFn: async () =>
      unwrap<Out<'/api/metrics/ranking'>>(await api.GET('/api/metrics/ranking', { params: { query } })),
    ...opts,
  });
}

/** GET /api/metrics/trend — month-by-month figures of the scope. */
export function useTrend(query: NonNullable<Query<'/api/metrics/trend'>> = {}) {
  return useQuery({
    queryKey: ['metrics', 'trend', query],
    queryFn: async () => unwrap(await api.GET('/api/metrics/trend', { params: { query } })),
    ...opts,
  });
}

/** How often at most the live feed refreshes the map's cells (the counters follow every event). */
export const GEO_LIVE_REFRESH_MS = 10_000;

/** GET /api/metrics/geo — cases by H3 cell with the cells' outlines (the district's outlines: useAreas). */
export function useGeoMetrics(query: GeoQuery) {
  return useQuery({
    queryKey: ['metrics', 'geo', query],
    queryFn: async () => unwrap(await api.GET('/api/metrics/geo', { params: { query } })),
    meta: { liveRefreshMs: GEO_LIVE_REFRESH_MS },
    ...opts,
  });
}

/** GET /api/metrics/topics — top categories of the last days and the rising ones. */
export function useTopics(query: NonNullable<Query<'/api/metrics/topics'>> = {}) {
  return useQuery({
    queryKey: ['metrics', 'topics', query],
    queryFn: async () => unwrap(await api.GET('/api/metrics/topics', { params: { query } })),
    ...opts,
  });
}
