import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../client';
import type { paths } from '../openapi';

export type UserQuery = NonNullable<paths['/api/users']['get']['parameters']['query']>;
type UserList = paths['/api/users']['get']['responses'][200]['content']['application/json'];
export type AdminUser = UserList['items'][number];
export type CreateUserBody = paths['/api/users']['post']['requestBody']['content']['application/json'];
export type UpdateUserBody = paths['/api/users/{id}']['patch']['requestBody']['content']['application/json'];

/** GET /api/users — the accounts in the administrator's subtree. */
export function useUsers(query: UserQuery) {
  return useQuery({
    queryKey: ['users', query],
    queryFn: async () => unwrap(await api.GET('/api/users', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

/** POST /api/users — a new account with its role and unit. */
export function useCreateUser() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (body: CreateUserBody) => unwrap(await api.POST('/api/users', { body })),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['users'] }),
  });
}

/** PATCH /api/users/{id} — role, unit, password reset, (de)activation. */
export function useUpdateUser() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, body }: { id: number; body: UpdateUserBody }) =>
      unwrap(await api.PATCH('/api/users/{id}', { params: { path: { id } }, body })),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['users'] }),
  });
}
