import type { AppContext } from '../../platform/context.js';
import type { Conn, Db } from '../../platform/db/index.js';
import { DomainError } from '../../platform/errors.js';
import { districtAliases } from './geo.aliases.js';
import { readForeignPlaces, type ForeignEntry } from './geo.foreign.js';
import { buildGazetteer, type Gazetteer } from './geo.gazetteer.js';
import { polygonContains, type UnitPolygon } from './geo.polygons.js';
import { districtPolygonStamp, findPolygon, listGazetteerUnits, listPolygons } from './geo.repository.js';
import { resolveAddress, type ExtraEvidence, type Resolution } from './geo.resolver.js';

/**
 * The per-process geo index: the gazetteer of the configured district and its unit polygons,
 * loaded once from the database and rebuilt on demand (after a polygon import, an org change,
 * POST /api/geo/refresh) or in the background once it is older than INDEX_TTL_MS — a rename made
 * through another process shows up within that time.
 */
export interface GeoIndex {
  gazetteer: Gazetteer;
  polygons: Array<UnitPolygon & { kind: string }>;
  districtPolygon: UnitPolygon | null;
  loadedAt: number;
}

const INDEX_TTL_MS = 10 * 60 * 1000;
/** Weight of "the point lies inside this unit's polygon" as evidence. */
const POLYGON_WEIGHT = 0.9;

const indexes = new WeakMap<Db, { current: Promise<GeoIndex>; refreshing: boolean }>();
const foreignByDistrict = new Map<string, Promise<ForeignEntry[]>>();

function foreignPlaces(districtCode: string): Promise<ForeignEntry[]> {
  let p = foreignByDistrict.get(districtCode);
  if (!p) {
    p = readForeignPlaces(districtCode);
    foreignByDistrict.set(districtCode, p);
    p.catch(() => foreignByDistrict.delete(districtCode));
  }
  return p;
}

async function loadIndex(ctx: AppContext, db: Conn): Promise<GeoIndex> {
  const code = ctx.config.DISTRICT_CODE;
  const foreign = foreignPlaces(code);
  // One query after the other: `db` may be a transaction, which runs one statement at a time.
  const units = await listGazetteerUnits(db, code);
  const polygonRows = await listPolygons(db);
  const aliases = await districtAliases(db, code);
  if (!units.some((u) => u.kind === 'district')) {
    throw new DomainError('unit_not_found', `district ${code} has not been imported`);
  }
  const gazetteer = buildGazetteer({ units, districtCode: code, aliases, foreign: await foreign });
  const polygons = polygonRows.map((p) => ({ ...p }));
  const districtPolygon = polygons.find((p) => p.unitId === gazetteer.district.id) ?? null;
  return { gazetteer, polygons, districtPolygon, loadedAt: Date.now() };
}

/**
 * The index for this database, loading it on first use — through `db` when given (a caller inside
 * a transaction passes it: on the single-connection PGlite a second connection would wait forever).
 */
export async function getGeoIndex(ctx: AppContext, db: Conn = ctx.db): Promise<GeoIndex> {
  const entry = indexes.get(ctx.db);
  if (!entry) return refreshGeoIndex(ctx, db);
  const index = await entry.current;
  if (Date.now() - index.loadedAt > INDEX_TTL_MS && !entry.refreshing) {
    entry.refreshing = true;
    const next = loadIndex(ctx, ctx.db);
    next.then(
      () => indexes.set(ctx.db, { current: next, refreshing: false }),
      () => (entry.refreshing = false),
    );
  }
  return index;
}

/** Rebuilds the index now (the old one serves until the new one is ready). */
export async function refreshGeoIndex(ctx: AppContext, db: Conn = ctx.db): Promise<GeoIndex> {
  const next = loadIndex(ctx, db);
  const previous = indexes.get(ctx.db);
  indexes.set(ctx.db, { current: next, refreshing: false });
  try {
    return await next;
  } catch (e) {
    if (previous) indexes.set(ctx.db, previous);
    else indexes.delete(ctx.db);
    throw e;
  }
}

/** Rebuilds the index after a change made by this process, if the index has been loaded. */
export async function indexChanged(ctx: AppContext): Promise<void> {
  if (indexes.has(ctx.db)) await refreshGeoIndex(ctx);
}

export interface LocateInput {
  address?: string | null;
  lon?: number | null;
  lat?: number | null;
}

export interface PointResult {
  /** null: no district polygon is configured. */
  insideDistrict: boolean | null;
  /** Street/community units whose polygon holds the point. */
  units: Array<{ id: number; code: string; name: string; kind: string }>;
}

export type Location = Resolution & { point: PointResult | null };

/** Address and/or coordinates → street and community of the district, with confidence. */
export async function locate(ctx: AppContext, input: LocateInput, db: Conn = ctx.db): Promise<Location> {
  const index = await getGeoIndex(ctx, db);
  const extra: ExtraEvidence[] = [];
  let point: PointResult | null = null;
  if (input.lon != null && input.lat != null) {
    const { lon, lat } = input;
    const hits = index.polygons.filter(
      (p) => p.unitId !== index.districtPolygon?.unitId && polygonContains(p, lon, lat),
    );
    const units = hits.flatMap((h) => {
      const u = index.gazetteer.units.get(h.unitId);
      return u ? [u] : [];
    });
    point = {
      insideDistrict: index.districtPolygon ? polygonContains(index.districtPolygon, lon, lat) : null,
      units: units.map((u) => ({ id: u.id, code: u.code, name: u.name, kind: u.kind })),
    };
    for (const unit of units) extra.push({ unit, weight: POLYGON_WEIGHT });
  }
  const resolution = resolveAddress(index.gazetteer, input.address ?? '', extra);
  // A point outside the district decides only when the text does not name a place of ours.
  if (
    point?.insideDistrict === false &&
    (resolution.status === 'unresolved' || resolution.status === 'district_only')
  ) {
    return { ...resolution, status: 'other_district', confidence: POLYGON_WEIGHT, point };
  }
  return { ...resolution, point };
}

// The district polygon for the intake check, cached by its version so most calls cost one small query.
let districtCache: { key: string; polygon: UnitPolygon } | null = null;

/**
 * Whether a point lies in the configured district's polygon; null when none is configured.
 * Takes a connection (the intake transaction), so it reads the table, not the per-process index.
 */
export async function districtPolygonContains(db: Conn, lon: number, lat: number): Promise<boolean | null> {
  const stamp = await districtPolygonStamp(db);
  if (!stamp) return null;
  const key = `${stamp.unitId}:${stamp.updatedAt.getTime()}`;
  if (districtCache?.key !== key) {
    const row = await findPolygon(db, stamp.unitId);
    if (!row) return null;
    districtCache = { key, polygon: row };
  }
  return polygonContains(districtCache.polygon, lon, lat);
}
