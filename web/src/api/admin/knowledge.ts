import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../client';
import type { paths } from '../openapi';

type ListQuery = NonNullable<paths['/api/knowledge/articles']['get']['parameters']['query']>;
export type Article =
  paths['/api/knowledge/articles/{id}']['get']['responses'][200]['content']['application/json'];
export type CreateArticleBody =
  paths['/api/knowledge/articles']['post']['requestBody']['content']['application/json'];
export type PatchArticleBody =
  paths['/api/knowledge/articles/{id}']['patch']['requestBody']['content']['application/json'];

/** GET /api/knowledge/articles — every status, newest change first. */
export function useArticles(query: ListQuery) {
  return useQuery({
    queryKey: ['knowledge', 'articles', query],
    queryFn: async () => unwrap(await api.GET('/api/knowledge/articles', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

function useInvalidate() {
  const client = useQueryClient();
  return () => void client.invalidateQueries({ queryKey: ['knowledge'] });
}

/** POST /api/knowledge/articles — a new article (draft or published). */
export function useCreateArticle() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: async (body: CreateArticleBody) =>
      unwrap(await api.POST('/api/knowledge/articles', { body })),
    onSuccess: invalidate,
  });
}

/** PATCH /api/knowledge/articles/{id} — edit, publish or retire at the version read. */
export function usePatchArticle() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: async ({ id, body }: { id: number; body: PatchArticleBody }) =>
      unwrap(await api.PATCH('/api/knowledge/articles/{id}', { params: { path: { id } }, body })),
    onSuccess: invalidate,
  });
}

/** DELETE /api/knowledge/articles/{id} — retire (kept for the record). */
export function useRetireArticle() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: async ({ id, version }: { id: number; version: number }) =>
      unwrap(
        await api.DELETE('/api/knowledge/articles/{id}', { params: { path: { id }, query: { version } } }),
      ),
    onSuccess: invalidate,
  });
}
