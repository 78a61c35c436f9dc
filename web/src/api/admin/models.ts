import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../client';
import type { paths } from '../openapi';

type ModelList = paths['/api/models']['get']['responses'][200]['content']['application/json'];
export type ModelVersion = ModelList['items'][number];
export type TrainBody = NonNullable<
  paths['/api/models/train']['post']['requestBody']
>['content']['application/json'];

/** What a model_training job's result holds (see the server's models.schema.ts trainingResult). */
export interface TrainingResult {
  version: number;
  name: string;
  active: boolean;
  examples: number;
  folds: number;
  macroF1: number;
  accuracy: number;
}

/** GET /api/models — the classifier versions with their scores and live accuracy. */
export function useModels() {
  return useQuery({ queryKey: ['models'], queryFn: async () => unwrap(await api.GET('/api/models')) });
}

/** POST /api/models/{version}/activate */
export function useActivateModel() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (version: number) =>
      unwrap(await api.POST('/api/models/{version}/activate', { params: { path: { version } } })),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['models'] }),
  });
}

/** POST /api/models/rollback — back to the previously active version. */
export function useRollbackModel() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async () => unwrap(await api.POST('/api/models/rollback')),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['models'] }),
  });
}

/** POST /api/models/train — starts a retraining job; answers with the job to poll. */
export function useStartTraining() {
  return useMutation({
    mutationFn: async (body: TrainBody) => unwrap(await api.POST('/api/models/train', { body })),
  });
}

/** GET /api/jobs?kind=model_training&limit=1 — the latest training run (to pick up one still going). */
export function useLatestTraining() {
  return useQuery({
    queryKey: ['jobs', 'latest', 'model_training'],
    queryFn: async () =>
      unwrap(await api.GET('/api/jobs', { params: { query: { kind: 'model_training', limit: 1 } } }))
        .items[0] ?? null,
  });
}
