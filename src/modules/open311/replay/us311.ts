import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { projectPath } from '../../../platform/paths.js';
import mapping from './us311-mapping.json' with { type: 'json' };

/**
 * The US 311 samples (3,050 real NYC and Chicago requests) turned into the POSTs an Open311
 * client would send to this district: service names mapped onto demo categories by
 * us311-mapping.json, coordinates scaled from each city's box into the district's, and the
 * original id, service, time, address and coordinates kept in the fields GeoReport reads back
 * (description, address_string) and in attributes.
 */

/** Where the samples live by default: ../shared/data next to the repository. */
export const defaultDataDir = projectPath('..', 'shared', 'data', 'us-311-open311-samples');
const DATA_FILE = 'derived/open311_georeport_v2_normalized.json';

/** One row of the normalised samples file (GeoReport v2 request fields plus `source`). */
export interface Us311Row {
  source: string;
  service_request_id: string;
  service_name: string | null;
  service_code: string | null;
  description: string | null;
  requested_datetime: string | null;
  address: string | null;
  zipcode: string | null;
  lat: number | null;
  long: number | null;
  media_url: string | null;
}

export interface BBox {
  minLon: number;
  maxLon: number;
  minLat: number;
  maxLat: number;
}

/** What one replayed request sends, and so what its read-back must show. */
export interface ReplayPost {
  /** Position in the samples file. */
  index: number;
  source: string;
  sourceId: string;
  serviceCode: string;
  description: string;
  address: string;
  /** Absent when the original had no coordinates: then only address_string locates it. */
  lat?: number;
  long?: number;
  /** The form fields, in the order FixMyStreet's Open311.pm writes them. */
  form: Array<[string, string]>;
}

export const targetBox: BBox = mapping.target.bbox;
const services = new Map(Object.entries(mapping.services).map(([k, v]) => [k.toLowerCase(), v]));
// Longest first, so a more specific prefix wins.
const prefixes = Object.entries(mapping.prefixes).sort((a, b) => b[0].length - a[0].length);

/** The demo category a US service name maps to: exact name, else longest prefix, else the fallback. */
export function mapService(name: string | null): string {
  const key = (name ?? '').trim().toLowerCase();
  const exact = services.get(key);
  if (exact) return exact;
  const prefix = prefixes.find(([p]) => key.startsWith(p.toLowerCase()));
  return prefix ? prefix[1] : mapping.fallback;
}

/** Every category code the mapping can produce (for checking them against the catalogue). */
export function mappedCodes(): string[] {
  return [
    ...new Set([mapping.fallback, ...Object.values(mapping.services), ...Object.values(mapping.prefixes)]),
  ];
}

function sourceOf(row: Us311Row) {
  const source = (mapping.sources as Record<string, { city: string; label: string }>)[row.source];
  if (!source) throw new Error(`us311: unknown source ${row.source} (add it to us311-mapping.json)`);
  const city = (mapping.cities as Record<string, { label: string; bbox: BBox }>)[source.city]!;
  return { ...source, cityLabel: city.label, cityBox: city.bbox };
}

const clamp = (x: number) => Math.min(1, Math.max(0, x));

/** A point of a city's box scaled linearly onto `to`, rounded to 7 decimals (≈1 cm). */
export function transformPoint(lat: number, long: number, from: BBox, to: BBox = targetBox) {
  const fx = clamp((long - from.minLon) / (from.maxLon - from.minLon));
  const fy = clamp((lat - from.minLat) / (from.maxLat - from.minLat));
  const round = (n: number) => Math.round(n * 1e7) / 1e7;
  return {
    lat: round(to.minLat + fy * (to.maxLat - to.minLat)),
    long: round(to.minLon + fx * (to.maxLon - to.minLon)),
  };
}

/** The POST a sample row becomes; `jurisdictionId` and `apiKey` are the caller's. */
export function toPost(row: Us311Row, index: number, jurisdictionId: string, apiKey: string): ReplayPost {
  const src = sourceOf(row);
  const serviceCode = mapService(row.service_name);
  const service = row.service_name?.trim() || 'unknown service';
  const hasPoint = typeof row.lat === 'number' && typeof row.long === 'number';
  const original = hasPoint ? ` [${row.lat!.toFixed(6)},${row.long!.toFixed(6)}]` : '';
  const place = row.address?.trim() || (row.zipcode ? `ZIP ${row.zipcode.trim()}` : 'no address');
  // Most specific to most general, as the spec asks of address_string; the original point in brackets.
  const address = `${place}, ${src.cityLabel}${original}`.slice(0, 300);
  const description = [
    row.description?.trim() || service,
    `— ${service} · ${src.label} #${row.service_request_id}`,
    row.requested_datetime ? `· ${row.requested_datetime}` : '',
  ]
    .filter(Boolean)
    .join(' ');
  const point = hasPoint ? transformPoint(row.lat!, row.long!, src.cityBox) : undefined;
  const form: Array<[string, string]> = [
    ['jurisdiction_id', jurisdictionId],
    ['api_key', apiKey],
    ['service_code', serviceCode],
    ...(point
      ? ([
          ['lat', point.lat.toFixed(7)],
          ['long', point.long.toFixed(7)],
        ] as Array<[string, string]>)
      : []),
    ['address_string', address],
    ['description', description],
    ...(row.media_url ? ([['media_url', row.media_url]] as Array<[string, string]>) : []),
    ['attribute[us311_source]', row.source],
    ['attribute[us311_id]', row.service_request_id],
    ['attribute[us311_service]', service],
  ];
  return {
    index,
    source: row.source,
    sourceId: row.service_request_id,
    serviceCode,
    description,
    address,
    ...(point ?? {}),
    form,
  };
}

/** Reads the samples; a clear error when the folder is missing. */
export async function loadUs311(dataDir: string = defaultDataDir): Promise<Us311Row[]> {
  const file = join(dataDir, DATA_FILE);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new Error(`us311: cannot read ${file} (is ../shared/data present?)`);
  }
  const rows = JSON.parse(text) as Us311Row[];
  if (!Array.isArray(rows)) throw new Error(`us311: ${file} is not a JSON array`);
  return rows;
}

/** `limit` rows spread evenly over the file (every source represented), in file order; all when absent. */
export function spread<T>(rows: readonly T[], limit?: number): Array<{ row: T; index: number }> {
  const all = rows.map((row, index) => ({ row, index }));
  if (limit === undefined || limit >= rows.length) return all;
  const step = rows.length / limit;
  return Array.from({ length: limit }, (_, k) => all[Math.floor(k * step)]!);
}
