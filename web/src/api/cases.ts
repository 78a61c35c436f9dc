import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { api, unwrap } from './client';
import type { CaseDetail, CaseList, Created } from './models';
import type { paths } from './openapi';

export type CaseFilters = NonNullable<paths['/api/cases']['get']['parameters']['query']>;
export type ReportBody = paths['/api/reports']['post']['requestBody']['content']['application/json'];
type AuditList = paths['/api/cases/{id}/audit']['get']['responses'][200]['content']['application/json'];
export type AuditEntry = AuditList['items'][number];

/** GET /api/cases — the cases in the user's scope (the server enforces it), filtered and paged. */
export function useCases(filters: CaseFilters) {
  return useQuery({
    queryKey: ['cases', filters],
    queryFn: async () => unwrap<CaseList>(await api.GET('/api/cases', { params: { query: filters } })),
    placeholderData: keepPreviousData,
  });
}

/** GET /api/cases/{id} — a case with its reports, assignments, timeline and attachments. */
export function useCase(id: string) {
  return useQuery({
    queryKey: ['case', id],
    queryFn: async () => unwrap<CaseDetail>(await api.GET('/api/cases/{id}', { params: { path: { id } } })),
    retry: false,
  });
}

/** GET /api/cases/{id}/audit — the case's audit-chain entries (roles the server allows only). */
export function useCaseAudit(id: string, enabled: boolean) {
  return useQuery({
    queryKey: ['case', id, 'audit'],
    enabled,
    queryFn: async () => unwrap(await api.GET('/api/cases/{id}/audit', { params: { path: { id } } })).items,
    retry: false,
  });
}

/** POST /api/reports — files a report: opens a case, or joins one with mergeIntoCase (并案). */
export function useCreateReport() {
  return useMutation({
    mutationFn: async ({ body, idempotencyKey }: { body: ReportBody; idempotencyKey: string }) =>
      unwrap<Created>(
        await api.POST('/api/reports', { body, params: { header: { 'idempotency-key': idempotencyKey } } }),
      ),
  });
}

type AnswerBody = paths['/api/cases/{id}/answer']['post']['requestBody']['content']['application/json'];

/** POST /api/cases/{id}/answer — 直接办结: a consultation answered at intake. */
export function useAnswerCase() {
  return useMutation({
    mutationFn: async ({ id, body }: { id: string; body: AnswerBody }) =>
      unwrap(await api.POST('/api/cases/{id}/answer', { params: { path: { id } }, body })),
  });
}

/** GET /api/attachments/{id} — the file, fetched with the session (a plain link has no token). */
export async function downloadAttachment(id: string, fileName: string): Promise<void> {
  const result = await api.GET('/api/attachments/{id}', { params: { path: { id } }, parseAs: 'blob' });
  const blob = unwrap<Blob>(result);
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
