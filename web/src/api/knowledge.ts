import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap } from './client';
import type { paths } from './openapi';

export type KnowledgeSearchQuery = paths['/api/knowledge/search']['get']['parameters']['query'];
export type KnowledgeHit =
  paths['/api/knowledge/search']['get']['responses'][200]['content']['application/json']['items'][number];

/** GET /api/knowledge/search — published answers for what a caller said, with the matched words. */
export function useKnowledgeSearch(query: KnowledgeSearchQuery | null) {
  return useQuery({
    queryKey: ['knowledge', 'search', query],
    enabled: query !== null,
    queryFn: async () => unwrap(await api.GET('/api/knowledge/search', { params: { query: query! } })).items,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}
