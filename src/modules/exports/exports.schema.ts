import { z } from 'zod';
import { listQuery } from '../cases/index.js';
import { rankingQuery } from '../metrics/metrics.schema.js';

export const exportFormats = ['csv', 'xlsx'] as const;
const format = z.enum(exportFormats);

/**
 * What to export, as a job (POST /api/exports → the job; GET /api/jobs/{id}/file once it succeeded):
 * - cases: the case list with GET /api/cases's filters (status as a comma list, …), in the caller's
 *   scope, reporters masked as the list masks them for the caller; the file is newest first whatever
 *   the `sort` (the export pages on a key that never changes: cases.export.ts);
 * - ranking: the monthly ranking with GET /api/metrics/ranking's parameters.
 */
export const exportBody = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('cases'),
    format,
    filters: listQuery.omit({ page: true, pageSize: true }).default({ sort: 'received' }),
  }),
  rankingQuery.extend({ kind: z.literal('ranking'), format }).strict(),
]);
export type ExportBody = z.infer<typeof exportBody>;

/** What an export job's result says once it succeeded. */
export const exportResult = z.object({ fileName: z.string(), rows: z.number() });
export type ExportResult = z.infer<typeof exportResult>;
