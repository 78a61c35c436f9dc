import createClient from 'openapi-fetch';
import type { paths } from './openapi';

const TOKEN_KEY = 'zhicheng.token';

/** The session token from POST /api/auth/login, kept across reloads of this browser. */
export const sessionToken = {
  get: (): string | null => localStorage.getItem(TOKEN_KEY),
  set: (token: string) => localStorage.setItem(TOKEN_KEY, token),
  clear: () => localStorage.removeItem(TOKEN_KEY),
};

const expiredListeners = new Set<() => void>();

/** Called when the server says the session is gone (401 with a token): the console logs out. */
export function onSessionExpired(listener: () => void): () => void {
  expiredListeners.add(listener);
  return () => expiredListeners.delete(listener);
}

/** The typed client of our API (types generated from the server's OpenAPI document). */
export const api = createClient<paths>({ baseUrl: window.location.origin });

api.use({
  onRequest({ request }) {
    const token = sessionToken.get();
    if (token) request.headers.set('authorization', `Bearer ${token}`);
    return request;
  },
  onResponse({ response }) {
    if (response.status === 401 && sessionToken.get()) {
      sessionToken.clear();
      for (const listener of expiredListeners) listener();
    }
    return response;
  },
});

/** The API's one error body, as a thrown error with its stable code. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

interface ErrorBody {
  error?: { code?: string; message?: string; details?: unknown };
}

/** Returns the data of an openapi-fetch result, or throws its ApiError. */
export function unwrap<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (!result.response.ok || result.error !== undefined) {
    const body = (result.error ?? {}) as ErrorBody;
    throw new ApiError(
      result.response.status,
      body.error?.code ?? 'http_error',
      body.error?.message ?? result.response.statusText,
      body.error?.details,
    );
  }
  return result.data as T;
}
