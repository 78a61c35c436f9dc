import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../client';
import type { paths } from '../openapi';

type UnitList = paths['/api/org/units']['get']['responses'][200]['content']['application/json'];
export type Unit = UnitList['items'][number];
export type UnitKind = Unit['kind'];
export type CreateUnitBody = paths['/api/org/units']['post']['requestBody']['content']['application/json'];
export type UpdateUnitBody =
  paths['/api/org/units/{id}']['patch']['requestBody']['content']['application/json'];

/** GET /api/org/units?parentId= — a unit's direct children (the roots without parentId). */
export function useUnitChildren(parentId: number | null, enabled = true) {
  return useQuery({
    queryKey: ['org', 'children', parentId],
    enabled,
    queryFn: async () =>
      unwrap(
        await api.GET('/api/org/units', {
          params: { query: parentId === null ? {} : { parentId, limit: 2000 } },
        }),
      ).items,
  });
}

/** GET /api/org/units?q= — units whose name, short name or code contains the text. */
export function useUnitSearch(q: string) {
  return useQuery({
    queryKey: ['org', 'search', q],
    enabled: q.length > 0,
    queryFn: async () =>
      unwrap(await api.GET('/api/org/units', { params: { query: { q, limit: 30 } } })).items,
  });
}

/** POST /api/org/units — adds a street, community, grid or department under a unit. */
export function useCreateUnit() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (body: CreateUnitBody) => unwrap(await api.POST('/api/org/units', { body })),
    onSuccess: (unit) => void client.invalidateQueries({ queryKey: ['org', 'children', unit.parentId] }),
  });
}

/** PATCH /api/org/units/{id} — renames or (de)activates a unit. */
export function useUpdateUnit() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, body }: { id: number; body: UpdateUnitBody }) =>
      unwrap(await api.PATCH('/api/org/units/{id}', { params: { path: { id } }, body })),
    onSuccess: (unit) => void client.invalidateQueries({ queryKey: ['org', 'children', unit.parentId] }),
  });
}

export type ImportPolygonsBody =
  paths['/api/geo/polygons']['post']['requestBody']['content']['application/json'];

/** What a polygon_import job's result holds (the server's geo.import.ts PolygonImport). */
export interface PolygonImportResult {
  imported: Array<{ code: string; name: string; kind: string; vertices: number }>;
  unmatched: string[];
}

/** POST /api/geo/polygons — starts importing unit boundaries (GeoJSON); answers with the job to poll. */
export function useImportPolygons() {
  return useMutation({
    mutationFn: async (body: ImportPolygonsBody) => unwrap(await api.POST('/api/geo/polygons', { body })),
  });
}
