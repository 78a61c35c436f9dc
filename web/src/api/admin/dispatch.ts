import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../client';
import type { paths } from '../openapi';

type RuleList = paths['/api/dispatch/rules']['get']['responses'][200]['content']['application/json'];
export type DispatchRule = RuleList['rules'][number];
export type CreateRuleBody =
  paths['/api/dispatch/rules']['post']['requestBody']['content']['application/json'];
export type PreviewQuery = NonNullable<paths['/api/dispatch/preview']['get']['parameters']['query']>;

/** GET /api/dispatch/rules — the current catalogue. */
export function useDispatchRules() {
  return useQuery({
    queryKey: ['dispatch', 'rules'],
    queryFn: async () => unwrap(await api.GET('/api/dispatch/rules')).rules,
  });
}

/** POST /api/dispatch/rules — a rule for a category × area. */
export function useCreateRule() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (body: CreateRuleBody) => unwrap(await api.POST('/api/dispatch/rules', { body })),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['dispatch'] }),
  });
}

/** DELETE /api/dispatch/rules/{id} — retires a rule (cases keep the version they were sent under). */
export function useRetireRule() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (id: number) =>
      unwrap(await api.DELETE('/api/dispatch/rules/{id}', { params: { path: { id } } })),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['dispatch'] }),
  });
}

/** GET /api/dispatch/preview — where a category × area would go, and why. */
export function useDispatchPreview(query: PreviewQuery | null) {
  return useQuery({
    queryKey: ['dispatch', 'preview', query],
    enabled: query !== null,
    queryFn: async () => unwrap(await api.GET('/api/dispatch/preview', { params: { query: query! } })),
  });
}
