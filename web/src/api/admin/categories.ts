import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../client';
import type { components, paths } from '../openapi';

export type CategoryNode = components['schemas']['CategoryTreeNode'];
export type DeadlineSet =
  paths['/api/categories/{code}/deadlines']['put']['requestBody']['content']['application/json'];
export type CreateCategoryBody =
  paths['/api/categories']['post']['requestBody']['content']['application/json'];
export type PatchCategoryBody =
  paths['/api/categories/{code}']['patch']['requestBody']['content']['application/json'];

/** GET /api/categories — the whole taxonomy (deactivated ones too, for administration). */
export function useCategoryTree() {
  return useQuery({
    queryKey: ['categories', 'tree'],
    queryFn: async () =>
      unwrap(await api.GET('/api/categories', { params: { query: { includeInactive: 'true' } } })).categories,
  });
}

/** GET /api/categories/{code} — one category with its path and every deadline version. */
export function useCategory(code: string | null) {
  return useQuery({
    queryKey: ['categories', 'detail', code],
    enabled: code !== null,
    queryFn: async () =>
      unwrap(await api.GET('/api/categories/{code}', { params: { path: { code: code! } } })),
  });
}

function useInvalidate() {
  const client = useQueryClient();
  return () => void client.invalidateQueries({ queryKey: ['categories'] });
}

/** PUT /api/categories/{code}/deadlines — a new deadline version for every priority of a leaf. */
export function useSetDeadlines() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: async ({ code, body }: { code: string; body: DeadlineSet }) =>
      unwrap(await api.PUT('/api/categories/{code}/deadlines', { params: { path: { code } }, body })),
    onSuccess: invalidate,
  });
}

/** POST /api/categories — a new category (the next free code under its parent when none is given). */
export function useCreateCategory() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: async (body: CreateCategoryBody) => unwrap(await api.POST('/api/categories', { body })),
    onSuccess: invalidate,
  });
}

/** PATCH /api/categories/{code} — rename, (de)activate the subtree. */
export function usePatchCategory() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: async ({ code, body }: { code: string; body: PatchCategoryBody }) =>
      unwrap(await api.PATCH('/api/categories/{code}', { params: { path: { code } }, body })),
    onSuccess: invalidate,
  });
}
