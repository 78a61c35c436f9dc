import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from './client';
import type { paths } from './openapi';

export type PublicConfig = paths['/api/config']['get']['responses'][200]['content']['application/json'];
export type TileConfig = PublicConfig['map'];
export type AreaCollection = paths['/api/geo/areas']['get']['responses'][200]['content']['application/json'];

/** GET /api/config — public settings (district, basemap tiles); asked once per session. */
export function usePublicConfig() {
  return useQuery({
    queryKey: ['config'],
    queryFn: async () => unwrap(await api.GET('/api/config')),
    staleTime: Infinity,
  });
}

/** GET /api/geo/areas — the district's (and its streets') boundaries as GeoJSON; public. */
export function useAreas(kinds = 'district,street') {
  return useQuery({
    queryKey: ['geo', 'areas', kinds],
    queryFn: async () => unwrap(await api.GET('/api/geo/areas', { params: { query: { kinds } } })),
    staleTime: 10 * 60_000,
  });
}
