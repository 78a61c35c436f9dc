import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../client';
import type { paths } from '../openapi';

export type Open311Client =
  paths['/api/open311/clients']['get']['responses'][200]['content']['application/json'][number];
export type Channel = paths['/api/channels']['get']['responses'][200]['content']['application/json'][number];
export type CreateChannelBody = paths['/api/channels']['post']['requestBody']['content']['application/json'];

/** GET /api/open311/clients — the Open311 API clients (never their keys). */
export function useOpen311Clients() {
  return useQuery({
    queryKey: ['open311', 'clients'],
    queryFn: async () => unwrap(await api.GET('/api/open311/clients')),
  });
}

/** POST /api/open311/clients — issues a key; the answer is the only time it is shown. */
export function useCreateOpen311Client() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (name: string) => unwrap(await api.POST('/api/open311/clients', { body: { name } })),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['open311'] }),
  });
}

/** POST /api/open311/clients/{id}/revoke — the key stops working for good. */
export function useRevokeOpen311Client() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (id: number) =>
      unwrap(await api.POST('/api/open311/clients/{id}/revoke', { params: { path: { id } } })),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['open311'] }),
  });
}

/** GET /api/channels — inbound channels (never their secrets). */
export function useChannels() {
  return useQuery({ queryKey: ['channels'], queryFn: async () => unwrap(await api.GET('/api/channels')) });
}

function useChannelMutation<A, R>(fn: (arg: A) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => void client.invalidateQueries({ queryKey: ['channels'] }),
  });
}

/** POST /api/channels — registers a channel; its secret is shown only in this answer. */
export const useCreateChannel = () =>
  useChannelMutation(async (body: CreateChannelBody) => unwrap(await api.POST('/api/channels', { body })));

/** POST /api/channels/{id}/rotate-secret — a new secret (shown once); the old one stops working. */
export const useRotateChannelSecret = () =>
  useChannelMutation(async (id: number) =>
    unwrap(await api.POST('/api/channels/{id}/rotate-secret', { params: { path: { id } } })),
  );

/** POST /api/channels/{id}/revoke — for good. */
export const useRevokeChannel = () =>
  useChannelMutation(async (id: number) =>
    unwrap(await api.POST('/api/channels/{id}/revoke', { params: { path: { id } } })),
  );

/** PATCH /api/channels/{id} — pause (active false) or resume. */
export const useSetChannelActive = () =>
  useChannelMutation(async ({ id, active }: { id: number; active: boolean }) =>
    unwrap(await api.PATCH('/api/channels/{id}', { params: { path: { id } }, body: { active } })),
  );
