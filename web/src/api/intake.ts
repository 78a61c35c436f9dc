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

/** GET /api/geo/resolve — an address to street and community. */
export function useResolveAddress(address: string | null) {
  return useQuery({
    queryKey: ['geo', 'resolve', address],
    enabled: address !== null,
    queryFn: async () =>
      unwrap(await api.GET('/api/geo/resolve', { params: { query: { address: address! } } })),
    placeholderData: keepPreviousData,
    staleTime: 300_000,
  });
}
