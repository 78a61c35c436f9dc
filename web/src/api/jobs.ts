import { useMutation, useQuery } from '@tanstack/react-query';
import { api, unwrap } from './client';
import type { paths } from './openapi';

/** A long operation (retraining, an export, an import) as GET /api/jobs/{id} shows it. */
export type Job = paths['/api/jobs/{id}']['get']['responses'][200]['content']['application/json'];
export type ExportBody = NonNullable<
  paths['/api/exports']['post']['requestBody']
>['content']['application/json'];

/** GET /api/jobs/{id} — polled every half second while the job runs. */
export function useJob(id: string | null) {
  return useQuery({
    queryKey: ['jobs', id],
    enabled: id !== null,
    queryFn: async () => unwrap(await api.GET('/api/jobs/{id}', { params: { path: { id: id! } } })),
    refetchInterval: (query) => (query.state.data?.status === 'running' || !query.state.data ? 500 : false),
  });
}

/** POST /api/exports — starts an export job; answers with the job to poll. */
export function useStartExport() {
  return useMutation({
    mutationFn: async (body: ExportBody) => unwrap(await api.POST('/api/exports', { body })),
  });
}

/** The name a download is saved under: the server's content-disposition, else a fallback. */
function fileName(response: Response, fallback: string): string {
  const match = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '');
  return match?.[1] ?? fallback;
}

/** GET /api/jobs/{id}/file — fetches a finished export (with the session's token) and saves it. */
export async function downloadJobFile(id: string): Promise<void> {
  const result = await api.GET('/api/jobs/{id}/file', {
    params: { path: { id } },
    parseAs: 'blob',
  });
  const blob = unwrap(result);
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName(result.response, `export-${id}`);
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked after the browser has taken the file.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
