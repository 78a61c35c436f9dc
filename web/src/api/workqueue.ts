import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from './client';
import type { CaseFilters } from './cases';
import type { CaseList, CaseView } from './models';
import type { paths } from './openapi';

/**
 * The work queues of the dispatcher (派单) and supervisor (督办) screens. The list and queue routes
 * declare no response schema yet, so their extra fields are written here from the server
 * (src/modules/cases/cases.routes.ts, cases.query.ts listExtras; src/modules/suggest/suggest.routes.ts).
 */

/** A case of a work list, with what the server adds beside it. */
export interface QueueCase extends CaseView {
  /** Returned cases: the unit that sent it back, and why (退单理由). */
  lastReturn: { reason: string | null; unitName: string; at: string } | null;
  /** Cases being handled: the unit's request for more time nobody has decided yet. */
  pendingExtension: {
    amount: number;
    unit: 'hours' | 'workdays';
    reason: string;
    requestedAt: string;
  } | null;
}

export type Suggestion = NonNullable<
  paths['/api/cases/{id}/suggestion']['get']['responses'][200]['content']['application/json']['suggestion']
>;

export interface IntakeQueue {
  items: Array<{ case: CaseView; suggestion: Suggestion | null }>;
  total: number;
  page: number;
}

export interface SimilarProposal {
  case: { id: string; number: string; status: string; receivedAt: string };
  score: number;
  evidence: {
    textSimilarity: number;
    sharedPhrases: string[];
    sharedNames?: string[];
    metresApart: number | null;
    hoursApart: number;
    sameCategory: boolean | null;
    sameArea: boolean | null;
  };
}

export type Unit =
  paths['/api/org/units']['get']['responses'][200]['content']['application/json']['items'][number];

/** GET /api/cases with the work-queue filters; items carry lastReturn and pendingExtension. */
export function useQueueCases(filters: CaseFilters, enabled = true) {
  return useQuery({
    queryKey: ['cases', 'queue', filters],
    enabled,
    queryFn: async () =>
      unwrap<Omit<CaseList, 'items'> & { items: QueueCase[] }>(
        await api.GET('/api/cases', { params: { query: filters } }),
      ),
    placeholderData: keepPreviousData,
  });
}

/** GET /api/intake/queue — cases waiting for a dispatcher, oldest first, with the model's suggestion. */
export function useIntakeQueue(enabled = true) {
  return useQuery({
    queryKey: ['intake', 'queue'],
    enabled,
    queryFn: async () =>
      unwrap<IntakeQueue>(await api.GET('/api/intake/queue', { params: { query: { pageSize: 100 } } })),
    placeholderData: keepPreviousData,
  });
}

/** GET /api/cases/{id}/suggestion — what the model suggested for a case, with its alternatives' units. */
export function useSuggestion(id: string | null) {
  return useQuery({
    queryKey: ['case', id, 'suggestion'],
    enabled: id !== null,
    queryFn: async () =>
      unwrap(await api.GET('/api/cases/{id}/suggestion', { params: { path: { id: id! } } })).suggestion,
    retry: false,
  });
}

/** GET /api/cases/{id}/similar — open cases that are probably the same problem, with evidence. */
export function useSimilar(id: string | null) {
  return useQuery({
    queryKey: ['case', id, 'similar'],
    enabled: id !== null,
    queryFn: async () => {
      const res = await api.GET('/api/cases/{id}/similar', { params: { path: { id: id! } } });
      return unwrap<{ proposals: SimilarProposal[] }>(res).proposals;
    },
    retry: false,
  });
}

/** GET /api/org/units?kind= — the streets and departments a case can be dispatched to. */
export function useUnits(kind: 'street' | 'department') {
  return useQuery({
    queryKey: ['org', 'units', kind],
    queryFn: async () =>
      unwrap(await api.GET('/api/org/units', { params: { query: { kind, limit: 500, offset: 0 } } })).items,
    staleTime: 300_000,
  });
}

type ActionPath =
  | '/api/cases/{id}/dispatch'
  | '/api/cases/{id}/merge'
  | '/api/cases/{id}/verify'
  | '/api/cases/{id}/urge'
  | '/api/cases/{id}/decide-extension'
  | '/api/cases/{id}/evaluate';
export type ActionBody<P extends ActionPath> = paths[P]['post']['requestBody'] extends {
  content: { 'application/json': infer B };
}
  ? B
  : never;

/** Every work-queue screen reads again what an action changed. */
function useRefresh() {
  const qc = useQueryClient();
  return () =>
    Promise.all([
      qc.invalidateQueries({ queryKey: ['cases'] }),
      qc.invalidateQueries({ queryKey: ['case'] }),
      qc.invalidateQueries({ queryKey: ['intake', 'queue'] }),
    ]);
}

/** POST /api/cases/{id}/<action> — one lifecycle action (dispatch, merge, verify, urge, decide-extension, evaluate). */
export function useCaseAction<P extends ActionPath>(path: P) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: async ({ id, body }: { id: string; body: ActionBody<P> }) => {
      // openapi-fetch cannot narrow a union of paths; each member has this same shape.
      const post = api.POST as (
        p: ActionPath,
        init: { params: { path: { id: string } }; body: unknown },
      ) => Promise<{ data?: { case: CaseView }; error?: unknown; response: Response }>;
      return unwrap<{ case: CaseView }>(await post(path, { params: { path: { id } }, body }));
    },
    onSuccess: refresh,
  });
}

export type SplitBody = paths['/api/cases/{id}/split']['post']['requestBody']['content']['application/json'];

/** POST /api/cases/{id}/split — 拆分: a report merged into the case leaves for a new case of its own. */
export function useSplit() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: async ({ id, body }: { id: string; body: SplitBody }) =>
      unwrap<{ case: CaseView; newCase: CaseView; reportId: string }>(
        await api.POST('/api/cases/{id}/split', { params: { path: { id } }, body }),
      ),
    onSuccess: refresh,
  });
}

/** An active category of the taxonomy, with its path for people (大类 › 中类 › 小类). */
export interface ActiveCategory {
  id: number;
  code: string;
  name: string;
  path: string;
  isLeaf: boolean;
}

const leavesOnly = (all: ActiveCategory[]) => all.filter((c) => c.isLeaf);

/**
 * GET /api/categories — the active categories in code order, every level (`any`) or the leaves a
 * case can be filed under (`leaves`); one request serves both.
 */
export function useActiveCategories(levels: 'any' | 'leaves' = 'any') {
  return useQuery({
    queryKey: ['categories', 'active'],
    queryFn: async () => {
      const tree = unwrap(await api.GET('/api/categories', { params: { query: {} } })).categories;
      const out: ActiveCategory[] = [];
      type Node = (typeof tree)[number];
      const walk = (n: Node, above: string[]) => {
        if (!n.active) return;
        const path = [...above, n.name];
        out.push({ id: n.id, code: n.code, name: n.name, path: path.join(' › '), isLeaf: n.isLeaf });
        for (const c of n.children) walk(c, path);
      };
      for (const n of tree) walk(n, []);
      return out;
    },
    ...(levels === 'leaves' ? { select: leavesOnly } : {}),
    staleTime: 300_000,
  });
}
