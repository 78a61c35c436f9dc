import { useMutation, useQuery } from '@tanstack/react-query';
import { api, unwrap } from './client';
import type { paths } from './openapi';

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;

/** The public form's fields (the photos travel beside them as files). */
export type PublicReportBody =
  paths['/api/public/reports']['post']['requestBody']['content']['application/json'];
export type PublicReceipt = Json<paths['/api/public/reports']['post']['responses'][201]>;
export type PublicService = Json<paths['/api/public/services']['get']['responses'][200]>['items'][number];
export type PublicDistrict = Json<paths['/api/public/district']['get']['responses'][200]>;
export type TrackingView = Json<paths['/api/public/cases/{number}/track']['post']['responses'][200]>;
/** Who is asking: the phone's last four digits or the tracking code (exactly one). */
export type Proof = { phoneLast4: string } | { trackingCode: string };
type RateFields = Omit<
  paths['/api/public/cases/{number}/rate']['post']['requestBody']['content']['application/json'],
  'phoneLast4' | 'trackingCode'
>;

/** GET /api/public/services — the categories a citizen can pick (no login). */
export function usePublicServices() {
  return useQuery({
    queryKey: ['public', 'services'],
    queryFn: async () => unwrap(await api.GET('/api/public/services')).items,
    staleTime: 10 * 60_000,
  });
}

/** GET /api/public/district — the district reports go to and the box a map point must lie in. */
export function usePublicDistrict() {
  return useQuery({
    queryKey: ['public', 'district'],
    queryFn: async () => unwrap(await api.GET('/api/public/district')),
    staleTime: 60 * 60_000,
  });
}

/** The form as the multipart body the server reads: contact fields flat, photos as file parts. */
function toFormData(body: PublicReportBody, photos: File[]): FormData {
  const form = new FormData();
  const { contact, ...fields } = body;
  for (const [name, value] of Object.entries({ ...fields, ...contact })) {
    if (value !== undefined) form.append(name, String(value));
  }
  for (const photo of photos) form.append('photo', photo, photo.name);
  return form;
}

/**
 * POST /api/public/reports — files the report, as multipart when it carries photos. The same
 * Idempotency-Key on a retry (a lost answer on a phone network) returns the first receipt.
 */
export function useSubmitPublicReport() {
  return useMutation({
    mutationFn: async (v: { body: PublicReportBody; photos: File[]; idempotencyKey: string }) =>
      unwrap<PublicReceipt>(
        await api.POST('/api/public/reports', {
          body: v.body,
          params: { header: { 'idempotency-key': v.idempotencyKey } },
          ...(v.photos.length > 0 ? { bodySerializer: () => toFormData(v.body, v.photos) } : {}),
        }),
      ),
  });
}

const path = (number: string) => ({ path: { number } });

/** POST /api/public/cases/{number}/track — the reporter's view of their case (failures count toward a lockout). */
export function useTrackCase() {
  return useMutation({
    mutationFn: async (v: { number: string; proof: Proof }) =>
      unwrap(await api.POST('/api/public/cases/{number}/track', { params: path(v.number), body: v.proof })),
  });
}

/** POST /api/public/cases/{number}/rate — 评价: solved or not, satisfaction and a comment. */
export function useRateCase() {
  return useMutation({
    mutationFn: async (v: { number: string; proof: Proof; rating: RateFields }) =>
      unwrap(
        await api.POST('/api/public/cases/{number}/rate', {
          params: path(v.number),
          body: { ...v.proof, ...v.rating },
        }),
      ),
  });
}

/** POST /api/public/cases/{number}/reopen — 申请重办 with a reason, after an unhappy rating. */
export function useReopenCase() {
  return useMutation({
    mutationFn: async (v: { number: string; proof: Proof; reason: string }) =>
      unwrap(
        await api.POST('/api/public/cases/{number}/reopen', {
          params: path(v.number),
          body: { ...v.proof, reason: v.reason },
        }),
      ),
  });
}

export type PublicAnswer = Json<paths['/api/public/answers']['get']['responses'][200]>['items'][number];

/** GET /api/public/answers — public knowledge answers for what the citizen is describing (null: none asked). */
export function usePublicAnswers(q: string | null) {
  return useQuery({
    queryKey: ['public', 'answers', q],
    queryFn: async () =>
      unwrap(await api.GET('/api/public/answers', { params: { query: { q: q!, limit: 3 } } })).items,
    enabled: q !== null,
    staleTime: 5 * 60_000,
  });
}

/** POST /api/public/answers/{id}/helpful — the answer settled the question; nothing is filed. */
export function useHelpfulAnswer() {
  return useMutation({
    mutationFn: async (id: number) => {
      unwrap(await api.POST('/api/public/answers/{id}/helpful', { params: { path: { id } } }));
    },
  });
}
