import { sql } from 'kysely';
import { appendAudit } from '../../platform/audit.js';
import type { Db } from '../../platform/db/index.js';
import { DomainError } from '../../platform/errors.js';
import { escapeLike, findUnitByCode, findUnitById, upsertUnits, type NewUnit } from './org.repository.js';

/**
 * The functional departments (委办局) of a district, in a fixed order. Their codes
 * `<districtCode>-Dnn` are referenced by the dispatch catalogue: never renumber them.
 */
export const DEPARTMENTS: ReadonlyArray<{ suffix: string; name: string; shortName: string }> = [
  { suffix: 'D01', name: '区住房和城乡建设委员会', shortName: '住建委' },
  { suffix: 'D02', name: '区城市管理委员会', shortName: '城管委' },
  { suffix: 'D03', name: '区生态环境局', shortName: '生态环境局' },
  { suffix: 'D04', name: '区交通局', shortName: '交通局' },
  { suffix: 'D05', name: '区教育委员会', shortName: '教委' },
  { suffix: 'D06', name: '区人力资源和社会保障局', shortName: '人社局' },
  { suffix: 'D07', name: '区商务局', shortName: '商务局' },
  { suffix: 'D08', name: '区卫生健康委员会', shortName: '卫健委' },
  { suffix: 'D09', name: '区水务局', shortName: '水务局' },
  { suffix: 'D10', name: '区市场监督管理局', shortName: '市场监管局' },
  { suffix: 'D11', name: '北京市公安局大兴分局', shortName: '公安分局' },
  { suffix: 'D12', name: '区城市管理综合行政执法局', shortName: '城管执法局' },
  { suffix: 'D13', name: '区民政局', shortName: '民政局' },
  { suffix: 'D14', name: '区园林绿化局', shortName: '园林绿化局' },
  { suffix: 'D15', name: '区应急管理局', shortName: '应急管理局' },
  { suffix: 'D16', name: '区农业农村局', shortName: '农业农村局' },
  { suffix: 'D17', name: '区发展和改革委员会', shortName: '发改委' },
  { suffix: 'D18', name: '区文化和旅游局', shortName: '文旅局' },
  { suffix: 'D19', name: '区政务服务和数据管理局', shortName: '政数局' },
  // Where hotline agents, dispatchers and supervisors sit.
  { suffix: 'D20', name: '区12345热线中心 / 城市运行指挥中心', shortName: '指挥中心' },
];

/** Code of a district's department, e.g. departmentCode('110115', 'D20') → '110115-D20'. */
export function departmentCode(districtCode: string, suffix: string): string {
  return `${districtCode}-${suffix}`;
}

/** The public-security branch is named after its city and district (北京市公安局大兴分局). */
function departmentName(suffix: string, name: string, cityName: string, districtShort: string): string {
  return suffix === 'D11' ? `${cityName}公安局${districtShort}分局` : name;
}

/**
 * Creates (or refreshes) the standard departments under an imported district, codes
 * `<districtCode>-D01`..`-D20`. One audit entry for the batch.
 */
export async function seedDepartments(db: Db, districtCode: string, secret: string): Promise<number> {
  return db.transaction().execute(async (tx) => {
    const district = await findUnitByCode(tx, districtCode);
    if (!district || district.kind !== 'district') {
      throw new DomainError('unit_not_found', `district ${districtCode} has not been imported`);
    }
    const city = district.parent_id === null ? undefined : await findUnitById(tx, district.parent_id);
    const cityName = city?.name ?? '';
    const short = district.short_name ?? district.name;
    const rows: NewUnit[] = DEPARTMENTS.map((d) => {
      const code = departmentCode(districtCode, d.suffix);
      return {
        code,
        name: departmentName(d.suffix, d.name, cityName, short),
        short_name: d.shortName,
        kind: 'department',
        parent_id: district.id,
        path: `${district.path}${code}/`,
        depth: district.depth + 1,
        division_code: null,
      };
    });
    const result = await upsertUnits(tx, rows);
    await appendAudit(tx, secret, {
      actorUserId: null,
      action: 'org.seed_departments',
      entity: 'org_unit',
      entityId: districtCode,
      after: { departments: result.length, inserted: result.filter((r) => r.inserted).length },
    });
    return result.length;
  });
}

/**
 * Creates `perCommunity` grid cells under every community in a subtree: code
 * `<communityCode>G01`, name `<community short name>第1网格`. Idempotent by code.
 */
export async function seedGrids(
  db: Db,
  underPath: string,
  secret: string,
  perCommunity = 2,
): Promise<number> {
  return db.transaction().execute(async (tx) => {
    const communities = await tx
      .selectFrom('org_units')
      .select(['id', 'code', 'name', 'short_name', 'path', 'depth'])
      .where('kind', '=', 'community')
      .where('path', 'like', sql<string>`${escapeLike(underPath)} || '%'`)
      .orderBy('code')
      .execute();
    const rows: NewUnit[] = [];
    for (const c of communities) {
      for (let n = 1; n <= perCommunity; n++) {
        const code = `${c.code}G${String(n).padStart(2, '0')}`;
        const name = `${c.short_name ?? c.name}第${n}网格`;
        rows.push({
          code,
          name,
          short_name: name,
          kind: 'grid',
          parent_id: c.id,
          path: `${c.path}${code}/`,
          depth: c.depth + 1,
          division_code: null,
        });
      }
    }
    const result = await upsertUnits(tx, rows);
    await appendAudit(tx, secret, {
      actorUserId: null,
      action: 'org.seed_grids',
      entity: 'org_unit',
      entityId: underPath,
      after: {
        communities: communities.length,
        grids: result.length,
        inserted: result.filter((r) => r.inserted).length,
      },
    });
    return result.length;
  });
}
