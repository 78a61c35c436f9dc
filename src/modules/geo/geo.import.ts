import { appendAudit } from '../../platform/audit.js';
import type { AppContext } from '../../platform/context.js';
import { DomainError } from '../../platform/errors.js';
import { bboxOf, type ParsedFeature } from './geo.polygons.js';
import { listImportTargets, upsertPolygon } from './geo.repository.js';
import { indexChanged } from './geo.service.js';

export interface PolygonImport {
  imported: Array<{ code: string; name: string; kind: string; vertices: number }>;
  /** Features that named no unit of the district (by code or name). */
  unmatched: string[];
}

/** Features stored per transaction; progress is told after each batch. */
export const POLYGON_BATCH = 50;

/**
 * Stores the polygons of a parsed GeoJSON file, each feature mapped to a unit of the configured
 * district by code (`adcode`, `code`, `division_code`…) or else by name (full or short);
 * unmatched features are reported, not stored. The features are written in batches, each in one
 * transaction with its audit entry, and `onProgress(done, total)` after each (outside any
 * transaction, so a job can show it). A failure part-way leaves the earlier batches stored: each
 * polygon is an upsert, so importing the file again completes it.
 */
export async function importPolygons(
  ctx: AppContext,
  features: ParsedFeature[],
  source: string,
  actorUserId: number | null = null,
  onProgress?: (done: number, total: number) => Promise<void>,
  batchSize = POLYGON_BATCH,
): Promise<PolygonImport> {
  const targets = await listImportTargets(ctx.db, ctx.config.DISTRICT_CODE);
  if (targets.length === 0) {
    throw new DomainError('unit_not_found', `district ${ctx.config.DISTRICT_CODE} has not been imported`);
  }
  const byCode = new Map<string, (typeof targets)[number]>();
  const byName = new Map<string, (typeof targets)[number]>();
  for (const t of targets) {
    byCode.set(t.code, t);
    if (t.division_code) byCode.set(t.division_code, t);
    byName.set(t.name, t);
    if (t.short_name && !byName.has(t.short_name)) byName.set(t.short_name, t);
  }
  const out: PolygonImport = { imported: [], unmatched: [] };
  for (let from = 0; from < features.length; from += batchSize) {
    await ctx.db.transaction().execute(async (tx) => {
      const batch: PolygonImport = { imported: [], unmatched: [] };
      for (const f of features.slice(from, from + batchSize)) {
        const p = f.properties;
        const codes = ['adcode', 'code', 'division_code', 'unit_code']
          .map((k) => p[k])
          .filter((v): v is string | number => typeof v === 'string' || typeof v === 'number')
          .map(String);
        const name = typeof p.name === 'string' ? p.name.trim() : '';
        const unit =
          codes.map((c) => byCode.get(c)).find((u) => u !== undefined) ??
          (name ? byName.get(name) : undefined);
        if (!unit) {
          batch.unmatched.push(name || (codes[0] ?? '?'));
          continue;
        }
        const box = bboxOf(f.coordinates);
        await upsertPolygon(tx, { unitId: unit.id, coordinates: f.coordinates, ...box, source });
        batch.imported.push({ code: unit.code, name: unit.name, kind: unit.kind, vertices: box.vertices });
      }
      await appendAudit(tx, ctx.config.AUDIT_SECRET, {
        actorUserId,
        action: 'geo.import_polygons',
        entity: 'unit_polygon',
        entityId: ctx.config.DISTRICT_CODE,
        after: {
          source,
          features: [from + 1, from + batch.imported.length + batch.unmatched.length],
          imported: batch.imported.map((i) => i.code),
          unmatched: batch.unmatched,
        },
      });
      out.imported.push(...batch.imported);
      out.unmatched.push(...batch.unmatched);
    });
    await onProgress?.(Math.min(features.length, from + batchSize), features.length);
  }
  await indexChanged(ctx);
  return out;
}
