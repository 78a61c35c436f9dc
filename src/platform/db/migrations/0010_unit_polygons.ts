import { sql, type Kysely } from 'kysely';

/**
 * Boundary polygons of org units (the district, streets, communities) for coordinates → area.
 * Geometry is a GeoJSON MultiPolygon's coordinates in WGS-84 (converted at import when the source
 * is GCJ-02); the bounding box is kept in columns so a point is tested only against the polygons
 * whose box holds it. One polygon per unit: an import replaces it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create table unit_polygons (
    unit_id integer primary key references org_units(id),
    coordinates jsonb not null,
    min_lon double precision not null,
    min_lat double precision not null,
    max_lon double precision not null,
    max_lat double precision not null,
    vertices integer not null,
    source text not null,
    updated_at timestamptz not null default now()
  )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table unit_polygons`.execute(db);
}
