import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, sessionToken, unwrap } from './client';
import type { paths } from './openapi';

type Me = paths['/api/auth/me']['get']['responses'][200]['content']['application/json'];
export type SessionUser = Me['user'];
type LoginBody = paths['/api/auth/login']['post']['requestBody']['content']['application/json'];

/** GET /api/auth/me — who is logged in (only asked when there is a token). */
export function useMe() {
  return useQuery({
    queryKey: ['auth', 'me'],
    enabled: sessionToken.get() !== null,
    queryFn: async () => unwrap(await api.GET('/api/auth/me')).user,
    staleTime: 60_000,
    retry: false,
  });
}

/** POST /api/auth/login — keeps the token and primes the current user. */
export function useLogin() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (body: LoginBody) => unwrap(await api.POST('/api/auth/login', { body })),
    onSuccess: (data) => {
      sessionToken.set(data.token);
      client.setQueryData(['auth', 'me'], data.user);
    },
  });
}

/** POST /api/auth/logout — ends the session on the server and forgets everything cached. */
export function useLogout() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      // The session ends here whatever the server answers (it may already be gone).
      await api.POST('/api/auth/logout').catch(() => undefined);
    },
    onSettled: () => {
      sessionToken.clear();
      client.clear();
    },
  });
}
