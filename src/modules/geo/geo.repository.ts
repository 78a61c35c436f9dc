import { sql } from 'kysely';
import type { Conn } from '../../platform/db/index.js';
import type { OrgKind } from '../../platform/db/schema.js';
import type { GazUnit } from './geo.gazetteer.js';
import type { MultiPolygon } from './geo.polygons.js';

/** The configured district, its city and every active street and community under it. */
export async function listGazetteerUnits(db: Conn, districtCode: string): Promise<GazUnit[]> {
  const district = await db
    .selectFrom('org_units')
    .select(['id', 'path', 'parent_id'])
    .where('code', '=', districtCode)
    .executeTakeFirst();
  if (!district) return [];
  const rows = await db
    .selectFrom('org_units')
    .select(['id', 'code', 'name', 'short_name', 'kind', 'parent_id'])
    .where('active', '=', true)
    .where((eb) =>
      eb.or([
        eb('id', '=', district.id),
        ...(district.parent_id === null ? [] : [eb('id', '=', district.parent_id)]),
        eb.and([
          eb('kind', 'in', ['street', 'community']),
          eb('path', 'like', sql<string>`${district.path} || '%'`),
        ]),
      ]),
    )
    .execute();
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    name: r.name,
    shortName: r.short_name,
    kind: r.kind as GazUnit['kind'],
    parentId: r.parent_id,
  }));
}

/** jsonb arrives parsed from PostgreSQL and as text from PGlite. */
function asCoordinates(value: unknown): MultiPolygon {
  return (typeof value === 'string' ? JSON.parse(value) : value) as MultiPolygon;
}

export interface PolygonRow {
  unitId: number;
  kind: OrgKind;
  coordinates: MultiPolygon;
  minLon: number;
  minLat: number;
  maxLon: number;
  maxLat: number;
}

/** Every stored polygon of an active unit. */
export async function listPolygons(db: Conn): Promise<PolygonRow[]> {
  const rows = await db
    .selectFrom('unit_polygons as p')
    .innerJoin('org_units as u', 'u.id', 'p.unit_id')
    .select(['p.unit_id', 'u.kind', 'p.coordinates', 'p.min_lon', 'p.min_lat', 'p.max_lon', 'p.max_lat'])
    .where('u.active', '=', true)
    .execute();
  return rows.map((r) => ({
    unitId: r.unit_id,
    kind: r.kind,
    coordinates: asCoordinates(r.coordinates),
    minLon: r.min_lon,
    minLat: r.min_lat,
    maxLon: r.max_lon,
    maxLat: r.max_lat,
  }));
}

/** The district polygon's identity (unit and version), to know when a cached copy is stale. */
export async function districtPolygonStamp(
  db: Conn,
): Promise<{ unitId: number; updatedAt: Date } | undefined> {
  const row = await db
    .selectFrom('unit_polygons as p')
    .innerJoin('org_units as u', 'u.id', 'p.unit_id')
    .select(['p.unit_id', 'p.updated_at'])
    .where('u.kind', '=', 'district')
    .orderBy('p.unit_id')
    .limit(1)
    .executeTakeFirst();
  return row ? { unitId: row.unit_id, updatedAt: new Date(row.updated_at) } : undefined;
}

export async function findPolygon(db: Conn, unitId: number): Promise<PolygonRow | undefined> {
  const r = await db
    .selectFrom('unit_polygons as p')
    .innerJoin('org_units as u', 'u.id', 'p.unit_id')
    .select(['p.unit_id', 'u.kind', 'p.coordinates', 'p.min_lon', 'p.min_lat', 'p.max_lon', 'p.max_lat'])
    .where('p.unit_id', '=', unitId)
    .executeTakeFirst();
  return r
    ? {
        unitId: r.unit_id,
        kind: r.kind,
        coordinates: asCoordinates(r.coordinates),
        minLon: r.min_lon,
        minLat: r.min_lat,
        maxLon: r.max_lon,
        maxLat: r.max_lat,
      }
    : undefined;
}

/** Units a polygon file may name: the district and everything under it (not departments or grids). */
export async function listImportTargets(db: Conn, districtCode: string) {
  const district = await db
    .selectFrom('org_units')
    .select(['id', 'path'])
    .where('code', '=', districtCode)
    .executeTakeFirst();
  if (!district) return [];
  return db
    .selectFrom('org_units')
    .select(['id', 'code', 'division_code', 'name', 'short_name', 'kind'])
    .where('kind', 'in', ['district', 'street', 'community'])
    .where('path', 'like', sql<string>`${district.path} || '%'`)
    .execute();
}

/** Stores (or replaces) one unit's polygon. */
export async function upsertPolygon(
  db: Conn,
  row: {
    unitId: number;
    coordinates: MultiPolygon;
    minLon: number;
    minLat: number;
    maxLon: number;
    maxLat: number;
    vertices: number;
    source: string;
  },
): Promise<void> {
  const values = {
    unit_id: row.unitId,
    coordinates: JSON.stringify(row.coordinates),
    min_lon: row.minLon,
    min_lat: row.minLat,
    max_lon: row.maxLon,
    max_lat: row.maxLat,
    vertices: row.vertices,
    source: row.source,
  };
  await db
    .insertInto('unit_polygons')
    .values(values)
    .onConflict((oc) => oc.column('unit_id').doUpdateSet({ ...values, updated_at: sql`now()` }))
    .execute();
}
