import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from './client';
import type { paths } from './openapi';

type InboxOut = paths['/api/inbox']['get']['responses'][200]['content']['application/json'];
export type Inbox = InboxOut;
export type InboxItem = InboxOut['items'][number];
export type InboxBucket = InboxItem['bucket'];
export type UnitAction = InboxItem['myActions'][number];
/** The unit's side of a case (GET /api/inbox items and GET /api/cases/{id} `work`). */
export type UnitWork = Pick<InboxItem, 'myActions' | 'deadlineUnits' | 'extensionPending' | 'waitingFor'>;

/** GET /api/inbox — 承办: open cases of the user's unit, most urgent first (handlers, grid workers). */
export function useInbox() {
  return useQuery({
    queryKey: ['inbox'],
    queryFn: async () => unwrap(await api.GET('/api/inbox')),
    refetchInterval: 60_000,
  });
}

type Body<P extends keyof paths> = paths[P] extends {
  post: { requestBody?: { content: { 'application/json': infer B } } };
}
  ? B
  : never;

/** The request body of each unit action, without the version (the hook adds the one it was given). */
export interface UnitActionBodies {
  accept: Omit<Body<'/api/cases/{id}/accept'>, 'version'>;
  contact: Omit<Body<'/api/cases/{id}/contact'>, 'version'>;
  return: Omit<Body<'/api/cases/{id}/return'>, 'version'>;
  resolve: Omit<Body<'/api/cases/{id}/resolve'>, 'version'>;
  co_accept: Omit<Body<'/api/cases/{id}/co-accept'>, 'version'>;
  co_submit: Omit<Body<'/api/cases/{id}/co-submit'>, 'version'>;
  request_extension: Omit<Body<'/api/cases/{id}/request-extension'>, 'version'>;
}

export type UnitActionInput = {
  [A in UnitAction]: { action: A; id: string; version: number; body: UnitActionBodies[A] };
}[UnitAction];

const paths_ = {
  accept: '/api/cases/{id}/accept',
  contact: '/api/cases/{id}/contact',
  return: '/api/cases/{id}/return',
  resolve: '/api/cases/{id}/resolve',
  co_accept: '/api/cases/{id}/co-accept',
  co_submit: '/api/cases/{id}/co-submit',
  request_extension: '/api/cases/{id}/request-extension',
} as const;

/**
 * POST /api/cases/{id}/{accept|contact|return|resolve|co-accept|co-submit|request-extension} — one
 * hook for the unit's lifecycle actions (each with an idempotency key, so a retried click is one
 * action). Refreshes the inbox, the case and the lists afterwards.
 */
export function useUnitAction() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (input: UnitActionInput) => {
      const result = await api.POST(paths_[input.action], {
        params: { path: { id: input.id }, header: { 'idempotency-key': crypto.randomUUID() } },
        body: { version: input.version, ...input.body } as never,
      });
      return unwrap(result);
    },
    onSettled: async () => {
      await Promise.all([
        client.invalidateQueries({ queryKey: ['inbox'] }),
        // Pages key a case by the id or the number in their URL: refresh every case read.
        client.invalidateQueries({ queryKey: ['case'] }),
        client.invalidateQueries({ queryKey: ['cases'] }),
      ]);
    },
  });
}

type Uploaded = { attachments: Array<{ id: string; fileName: string; mimeType: string; size: number }> };

/** POST /api/cases/{id}/attachments — uploads files (multipart, field `file`); returns their ids. */
export function useUploadAttachments() {
  return useMutation({
    mutationFn: async ({ id, files }: { id: string; files: File[] }) => {
      const form = new FormData();
      for (const f of files) form.append('file', f, f.name);
      const result = await api.POST('/api/cases/{id}/attachments', {
        params: { path: { id } },
        body: form as never,
        bodySerializer: (b: unknown) => b as FormData,
      });
      // The upload route declares no response schema; its body is { attachments } (attachments.routes.ts).
      return unwrap<unknown>(result) as Uploaded;
    },
  });
}

/**
 * GET /api/attachments/{id} as a data: URL for an <img> (the session's token goes with the request;
 * a plain <img src> would not carry it).
 */
export function useAttachmentImage(id: string) {
  return useQuery({
    queryKey: ['attachment', id, 'image'],
    queryFn: async () => {
      const blob = unwrap<Blob>(
        await api.GET('/api/attachments/{id}', { params: { path: { id } }, parseAs: 'blob' }),
      );
      return new Promise<string>((resolve, reject) => {
        const reader = new FileReader();
        reader.onload = () => resolve(reader.result as string); // readAsDataURL gives a string
        reader.onerror = () => reject(reader.error ?? new Error('unreadable attachment'));
        reader.readAsDataURL(blob);
      });
    },
    staleTime: Infinity,
  });
}
