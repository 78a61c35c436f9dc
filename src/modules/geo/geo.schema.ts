import { z } from 'zod';

/** GET /api/geo/resolve: an address, coordinates (WGS-84) or both. */
export const resolveQuery = z
  .object({
    /** Free text as a citizen or agent wrote it, e.g. 西红门鸿坤广场东门. */
    address: z.string().trim().max(500).optional(),
    lon: z.coerce.number().min(-180).max(180).optional(),
    lat: z.coerce.number().min(-90).max(90).optional(),
  })
  .strict()
  .refine((q) => (q.lon === undefined) === (q.lat === undefined), {
    message: 'lon and lat go together',
  })
  .refine((q) => (q.address !== undefined && q.address !== '') || q.lon !== undefined, {
    message: 'give an address, coordinates or both',
  });

const unitRef = z.object({ id: z.number(), code: z.string(), name: z.string() });

export const resolutionOut = z.object({
  /** resolved | district_only (names only the district) | other_district | unresolved. */
  status: z.enum(['resolved', 'district_only', 'other_district', 'unresolved']),
  street: unitRef.nullable(),
  community: unitRef.nullable(),
  /** Confidence of the street, 0–1; intake uses a result from ADDRESS_MIN_CONFIDENCE up. */
  confidence: z.number(),
  communityConfidence: z.number(),
  /** The spans of the text that named places (offsets into the address as given). */
  matches: z.array(
    z.object({
      text: z.string(),
      start: z.number(),
      end: z.number(),
      kind: z.enum(['city', 'district', 'street', 'community', 'foreign', 'coordinates']),
      unitCode: z.string().nullable(),
      weight: z.number(),
    }),
  ),
  /** Other readings, best first. */
  alternatives: z.array(z.object({ street: unitRef, community: unitRef.nullable(), confidence: z.number() })),
  /** For other_district: the place the text names instead. */
  elsewhere: z
    .object({
      name: z.string(),
      region: z.string(),
      level: z.enum(['province', 'city', 'district', 'street']),
    })
    .nullable(),
  /** What the coordinates say, when given. */
  point: z
    .object({
      insideDistrict: z.boolean().nullable(),
      units: z.array(z.object({ id: z.number(), code: z.string(), name: z.string(), kind: z.string() })),
    })
    .nullable(),
});

export const indexStatusOut = z.object({
  district: unitRef,
  units: z.number(),
  patterns: z.number(),
  polygons: z.number(),
  districtPolygon: z.boolean(),
  loadedAt: z.string(),
});

export const aliasOut = z.object({
  id: z.number(),
  alias: z.string(),
  unitId: z.number(),
  unitCode: z.string(),
  unitName: z.string(),
  note: z.string().nullable(),
  createdAt: z.string(),
});

export const aliasListOut = z.object({ items: z.array(aliasOut) });

/** POST /api/geo/aliases: a landmark or colloquial name for a street or community. */
export const createAliasBody = z.strictObject({
  alias: z.string().trim().min(2).max(50),
  /** Code of a street or community of the district. */
  unitCode: z.string().trim().min(1).max(40),
  note: z.string().trim().max(200).optional(),
});

export const aliasIdParams = z.object({ id: z.coerce.number().int().positive() });

const areaKind = z.enum(['district', 'street', 'community']);

/** GET /api/geo/areas: which levels to draw (comma-separated); district and streets by default. */
export const areasQuery = z.strictObject({
  kinds: z
    .string()
    .default('district,street')
    .transform((s) => s.split(',').map((k) => k.trim()))
    .pipe(z.array(areaKind).min(1)),
});

/** A GeoJSON FeatureCollection of unit boundaries (WGS-84 MultiPolygons). */
export const areasOut = z.object({
  type: z.literal('FeatureCollection'),
  /** [minLon, minLat, maxLon, maxLat] of every feature; null when there are none. */
  bbox: z.tuple([z.number(), z.number(), z.number(), z.number()]).nullable(),
  features: z.array(
    z.object({
      type: z.literal('Feature'),
      properties: z.object({ unitId: z.number(), code: z.string(), name: z.string(), kind: areaKind }),
      geometry: z.object({
        type: z.literal('MultiPolygon'),
        coordinates: z.array(z.array(z.array(z.array(z.number())))),
      }),
    }),
  ),
});

/** POST /api/geo/polygons: a GeoJSON file's content, as `import-polygons` takes it. */
export const importPolygonsBody = z.strictObject({
  /** A FeatureCollection (or one Feature) of Polygon/MultiPolygon features named by code or name. */
  geojson: z.record(z.string(), z.unknown()),
  /** DataV/AMap files are GCJ-02 and are converted to WGS-84 on the way in. */
  crs: z.enum(['wgs84', 'gcj02']).default('wgs84'),
  /** Where the file came from, kept with each polygon. */
  source: z.string().trim().min(1).max(200).optional(),
});
