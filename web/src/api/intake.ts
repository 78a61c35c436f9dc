import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap } from './client';
import type { paths } from './openapi';

export type PreviewBody = paths['/api/intake/preview']['post']['requestBody']['content']['application/json'];
export type Preview = paths['/api/intake/preview']['post']['responses'][200]['content']['application/json'];
export type Resolution = paths['/api/geo/resolve']['get']['responses'][200]['content']['application/json'];

/** POST /api/intake/preview — live classification and similar open cases for unsaved text. */
export function useIntakePreview(body: PreviewBody | null) {
  return useQuery({
    queryKey: ['intake', 'preview', body],
    enabled: body !== null,
    queryFn: async () => unwrap(await api.POST('/api/intake/preview', { body: body! })),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}

export type ResolveQuery = NonNullable<paths['/api/geo/resolve']['get']['parameters']['query']>;

/**
 * GET /api/geo/resolve — an address and/or a point to street and community (the point's polygons
 * count as evidence, as intake reads a report's coordinates).
 */
export function useResolveAddress(query: ResolveQuery | null) {
  return useQuery({
    queryKey: ['geo', 'resolve', query],
    enabled: query !== null,
    queryFn: async () => unwrap(await api.GET('/api/geo/resolve', { params: { query: query! } })),
    placeholderData: keepPreviousData,
    staleTime: 300_000,
  });
}
