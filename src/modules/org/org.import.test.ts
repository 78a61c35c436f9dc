import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../../test/db.js';
import type { DatabaseHandle } from '../../platform/db/index.js';
import { DomainError } from '../../platform/errors.js';
import { parseCsvLine } from './org.division.js';
import { importDistrict } from './org.import.js';
import { communityShortName, streetShortName } from './org.names.js';
import { findAncestorOfKind, findUnitByCode, listChildren } from './org.repository.js';
import { isInDistrict, resolveUnitPath } from './org.service.js';
import { seedDepartments, seedGrids } from './org.structure.js';

const SECRET = 'test-audit-secret';
let handle: DatabaseHandle;

async function countByKind(kind: string): Promise<number> {
  const { rows } = await sql<{ n: number }>`select count(*) as n from org_units where kind = ${kind}`.execute(
    handle.db,
  );
  return Number(rows[0]!.n);
}

beforeAll(async () => {
  ({ handle } = await freshDatabase({ SCRYPT_COST_LOG2: '10' }));
});
afterAll(async () => handle.close());

describe('short names', () => {
  it('strips street and community suffixes', () => {
    expect(streetShortName('西红门地区')).toBe('西红门');
    expect(streetShortName('兴丰街道')).toBe('兴丰');
    expect(streetShortName('青云店镇')).toBe('青云店');
    expect(streetShortName('大兴国际机场')).toBe('大兴国际机场');
    expect(communityShortName('富强西里社区居委会')).toBe('富强西里');
    expect(communityShortName('西红门一村村委会')).toBe('西红门一村');
    expect(communityShortName('兴宇社区居民委员会')).toBe('兴宇');
    expect(communityShortName('旧宫工业园社区')).toBe('旧宫工业园社区');
  });

  it('parses quoted CSV fields', () => {
    expect(parseCsvLine('110115001001,"富强西里社区居委会",110115001,11,1101,110115')).toEqual([
      '110115001001',
      '富强西里社区居委会',
      '110115001',
      '11',
      '1101',
      '110115',
    ]);
    expect(parseCsvLine('1,"a ""b"", c",2')).toEqual(['1', 'a "b", c', '2']);
  });
});

describe('importDistrict 110115 大兴区', () => {
  it('creates the city, the district, 26 streets and 758 communities with paths', async () => {
    const counts = await importDistrict(handle.db, '110115', SECRET);
    console.log(
      `import 110115: ${counts.streets} streets, ${counts.communities} communities in ${counts.ms} ms`,
    );
    expect(counts).toMatchObject({ streets: 26, communities: 758, inserted: 786, updated: 0 });
    expect(await countByKind('street')).toBe(26);
    expect(await countByKind('community')).toBe(758);

    const city = await findUnitByCode(handle.db, '110000');
    expect(city).toMatchObject({ name: '北京市', kind: 'city', parent_id: null, path: '110000/', depth: 0 });
    const district = await findUnitByCode(handle.db, '110115');
    expect(district).toMatchObject({
      name: '大兴区',
      kind: 'district',
      parent_id: city!.id,
      path: '110000/110115/',
      depth: 1,
    });
    const xhm = await findUnitByCode(handle.db, '110115007');
    expect(xhm).toMatchObject({
      name: '西红门地区',
      short_name: '西红门',
      kind: 'street',
      parent_id: district!.id,
      path: '110000/110115/110115007/',
      depth: 2,
      division_code: '110115007',
    });
    const community = await findUnitByCode(handle.db, '110115001001');
    expect(community).toMatchObject({
      name: '富强西里社区居委会',
      short_name: '富强西里',
      kind: 'community',
      path: '110000/110115/110115001/110115001001/',
      depth: 3,
    });
    // Every community hangs under a street of the district, and its path ends with its own code.
    const { rows: bad } = await sql<{ code: string }>`
      select c.code from org_units c join org_units s on s.id = c.parent_id
      where c.kind = 'community' and (s.kind <> 'street' or c.path <> s.path || c.code || '/')`.execute(
      handle.db,
    );
    expect(bad).toEqual([]);
  });

  it('is idempotent: a second run refreshes by code and duplicates nothing', async () => {
    await sql`update org_units set name = '旧名' where code = '110115007'`.execute(handle.db);
    const counts = await importDistrict(handle.db, '110115', SECRET);
    expect(counts).toMatchObject({ streets: 26, communities: 758, inserted: 0, updated: 786 });
    expect(await countByKind('street')).toBe(26);
    expect(await countByKind('community')).toBe(758);
    expect((await findUnitByCode(handle.db, '110115007'))!.name).toBe('西红门地区');
  });

  it('writes one audit summary per import, not one per row', async () => {
    const { rows } = await sql<{ n: number }>`
      select count(*) as n from audit_log where action = 'org.import_district'`.execute(handle.db);
    expect(Number(rows[0]!.n)).toBe(2);
    const { rows: all } = await sql<{ n: number }>`select count(*) as n from audit_log`.execute(handle.db);
    expect(Number(all[0]!.n)).toBe(2);
  });

  it('refuses an unknown division code', async () => {
    await expect(importDistrict(handle.db, '999999', SECRET)).rejects.toMatchObject({
      code: 'unknown_division',
    });
    await expect(importDistrict(handle.db, '999999', SECRET)).rejects.toBeInstanceOf(DomainError);
  });
});

describe('departments and grids', () => {
  it('creates the 20 departments with fixed codes under the district', async () => {
    expect(await seedDepartments(handle.db, '110115', SECRET)).toBe(20);
    expect(await seedDepartments(handle.db, '110115', SECRET)).toBe(20);
    expect(await countByKind('department')).toBe(20);
    expect(await findUnitByCode(handle.db, '110115-D02')).toMatchObject({
      name: '区城市管理委员会',
      short_name: '城管委',
      path: '110000/110115/110115-D02/',
    });
    expect(await findUnitByCode(handle.db, '110115-D11')).toMatchObject({ name: '北京市公安局大兴分局' });
    expect(await findUnitByCode(handle.db, '110115-D20')).toMatchObject({
      short_name: '指挥中心',
      kind: 'department',
    });
  });

  it('creates two grid cells per community, idempotently', async () => {
    expect(await seedGrids(handle.db, '110000/110115/', SECRET, 2)).toBe(1516);
    await seedGrids(handle.db, '110000/110115/', SECRET, 2);
    expect(await countByKind('grid')).toBe(1516);
    const grid = await findUnitByCode(handle.db, '110115001001G01');
    expect(grid).toMatchObject({
      name: '富强西里第1网格',
      kind: 'grid',
      path: '110000/110115/110115001/110115001001/110115001001G01/',
      depth: 4,
    });
    const community = await findUnitByCode(handle.db, '110115001001');
    expect((await listChildren(handle.db, community!.id)).map((u) => u.code)).toEqual([
      '110115001001G01',
      '110115001001G02',
    ]);
  });
});

describe('tree queries', () => {
  it('finds the street containing a grid and resolves a unit path', async () => {
    const grid = await findUnitByCode(handle.db, '110115007200G02');
    expect((await findAncestorOfKind(handle.db, grid!.id, 'street'))?.name).toBe('西红门地区');
    expect((await findAncestorOfKind(handle.db, grid!.id, 'community'))?.name).toBe('西红门一村村委会');
    expect((await findAncestorOfKind(handle.db, grid!.id, 'grid'))?.id).toBe(grid!.id);
    const dept = await findUnitByCode(handle.db, '110115-D02');
    expect(await findAncestorOfKind(handle.db, dept!.id, 'street')).toBeUndefined();
    const path = await resolveUnitPath(handle.db, grid!.id);
    expect(path.map((u) => u.short_name)).toEqual([
      '北京',
      '大兴',
      '西红门',
      '西红门一村',
      '西红门一村第2网格',
    ]);
    expect(await isInDistrict(handle.db, grid!.id, '110115')).toBe(true);
    expect(await isInDistrict(handle.db, grid!.id, '110114')).toBe(false);
  });
});
