import { communityShortName, streetShortName } from '../org/index.js';
import { Automaton } from './geo.automaton.js';
import { chineseOrdinal, normalizeName } from './geo.normalize.js';

/**
 * The gazetteer: every name a person may use for a unit of the configured district (official
 * names, short forms, suffix variants, aliases), plus the names of neighbouring places that
 * tell us an address lies elsewhere, compiled into one Aho–Corasick automaton.
 */
export type GazKind = 'city' | 'district' | 'street' | 'community';

export interface GazUnit {
  id: number;
  code: string;
  name: string;
  shortName: string | null;
  kind: GazKind;
  parentId: number | null;
}

/** A place outside the configured district (another district, its streets, other provinces/cities). */
export interface ForeignPlace {
  name: string;
  /** The district (or city/province) the place belongs to, as shown to people: 朝阳区, 河北省. */
  region: string;
  level: 'province' | 'city' | 'district' | 'street';
}

/** An admin-maintained alias: a landmark or colloquial name for a street or community. */
export interface PlaceAlias {
  alias: string;
  unitId: number;
}

export type Entry =
  | { kind: 'local'; unit: GazUnit; weight: number; form: string }
  | { kind: 'foreign'; place: ForeignPlace; weight: number; form: string };

export interface Gazetteer {
  automaton: Automaton<Entry>;
  units: Map<number, GazUnit>;
  district: GazUnit;
  city: GazUnit | null;
  /** How many patterns were compiled (diagnostics). */
  patterns: number;
  builtAt: Date;
}

const STREET_SUFFIXES = [
  '镇',
  '乡',
  '街道',
  '地区',
  '街道办事处',
  '办事处',
  '地区办事处',
  '镇政府',
  '乡政府',
];

/** Weight of a bare name by its length: two characters are often ordinary words (学院, 铁路, 绿地). */
function lengthWeight(len: number, long: number, three: number, two: number): number {
  if (len >= 4) return long;
  if (len === 3) return three;
  return two;
}

/** 西红门十一村 → 西红门11村, 南海家园七里 → 南海家园7里: people write ordinals in digits too. */
function digitVariant(form: string): string | null {
  const out = form.replace(/([一二三四五六七八九十]+)(?=[村里区])/g, (m: string) => {
    const n = chineseOrdinal(m);
    return n === null ? m : String(n);
  });
  return out === form ? null : out;
}

type Forms = Array<[string, number]>;

function streetForms(unit: GazUnit, cityShort: string, districtShort: string): Forms {
  const forms: Forms = [[unit.name, 1]];
  const short = unit.shortName ?? streetShortName(unit.name);
  if (short !== unit.name && short.length >= 2) {
    for (const s of STREET_SUFFIXES) forms.push([short + s, 0.95]);
    forms.push([short, lengthWeight(short.length, 0.9, 0.9, 0.85)]);
  }
  // 北京经济技术开发区 → 经济技术开发区; 中关村…大兴生物医药产业基地 → 大兴生物医药产业基地, 生物医药产业基地.
  for (const prefix of [cityShort, districtShort]) {
    if (prefix.length < 2) continue;
    const at = unit.name.indexOf(prefix);
    if (at < 0) continue;
    const from = unit.name.slice(at);
    const rest = unit.name.slice(at + prefix.length);
    if (at > 0 && from.length >= 5) forms.push([from, 0.9]);
    if (rest.length >= 4) forms.push([rest, 0.8]);
  }
  return forms;
}

function communityForms(unit: GazUnit, streetShort: string | null): Forms {
  const forms: Forms = [[unit.name, 1]];
  const short = unit.shortName ?? communityShortName(unit.name);
  // 榆垡空港新苑三里 is written 榆垡镇空港新苑三里 or just 空港新苑三里: the street's name is dropped.
  if (streetShort && short.startsWith(streetShort)) {
    const rest = short.slice(streetShort.length);
    if (rest.length >= 5 && !/^[镇乡街地]/.test(rest)) forms.push([rest, 0.8]);
  }
  if (short.endsWith('村')) {
    // A village: 前高米店村(村委会); people also drop the 村 (前高米店) when the rest is distinctive.
    forms.push([short, lengthWeight(short.length, 0.9, 0.85, 0.6)]);
    for (const s of ['村委会', '村民委员会']) forms.push([short + s, 1]);
    const bare = short.slice(0, -1);
    if (bare.length >= 3) forms.push([bare, 0.7]);
  } else if (short.endsWith('社区')) {
    // Named …社区 officially (旧宫工业园社区, 星岛社区社区居委会).
    forms.push([short, 1]);
    const bare = short.slice(0, -2);
    if (bare.length >= 2) {
      forms.push([bare, lengthWeight(bare.length, 0.85, 0.75, 0.5)]);
      forms.push([`${bare}社区居委会`, 1]);
    }
  } else {
    forms.push([short, lengthWeight(short.length, 0.9, 0.8, 0.5)]);
    for (const s of ['社区', '社区居委会', '居委会', '小区']) forms.push([short + s, s === '小区' ? 0.9 : 1]);
  }
  return forms;
}

function areaForms(unit: GazUnit): Forms {
  const forms: Forms = [[unit.name, 1]];
  if (unit.shortName && unit.shortName !== unit.name && unit.shortName.length >= 2) {
    forms.push([unit.shortName, 0.9]);
  }
  return forms;
}

/** Adds forms with digit variants, normalised, keeping the highest weight per distinct text. */
function collect(forms: Forms): Map<string, number> {
  const out = new Map<string, number>();
  const put = (text: string, w: number) => {
    const n = normalizeName(text);
    if (n.length < 2) return;
    if ((out.get(n) ?? 0) < w) out.set(n, w);
  };
  for (const [text, w] of forms) {
    put(text, w);
    const d = digitVariant(text);
    if (d) put(d, w);
  }
  return out;
}

export interface GazetteerInput {
  /** The configured district, its city (when imported) and every active street and community under it. */
  units: GazUnit[];
  districtCode: string;
  aliases?: PlaceAlias[];
  foreign?: Array<ForeignPlace & { forms: Array<[string, number]> }>;
}

/** Compiles the gazetteer; pure, so tests and benchmarks build it without a database. */
export function buildGazetteer(input: GazetteerInput): Gazetteer {
  const units = new Map(input.units.map((u) => [u.id, u]));
  const district = input.units.find((u) => u.kind === 'district' && u.code === input.districtCode);
  if (!district) throw new Error(`district ${input.districtCode} is not in the org tree`);
  const city = district.parentId === null ? null : (units.get(district.parentId) ?? null);
  const cityShort = city?.shortName ?? '';
  const districtShort = district.shortName ?? '';

  const automaton = new Automaton<Entry>();
  const local = new Set<string>();
  // Streets first, so a community form that equals a street form (观音寺 the street and 观音寺社区)
  // is only recognised with its suffix: the bare word names the street.
  const streetTexts = new Set<string>();
  let patterns = 0;
  const ordered = [...input.units].sort((a, b) => kindOrder(a.kind) - kindOrder(b.kind));
  for (const unit of ordered) {
    if (unit.kind === 'community' && unit.name.includes('虚拟')) continue; // 虚拟社区: not a place
    const forms =
      unit.kind === 'street'
        ? streetForms(unit, cityShort, districtShort)
        : unit.kind === 'community'
          ? communityForms(unit, parentShort(units, unit))
          : areaForms(unit);
    for (const [text, weight] of collect(forms)) {
      if (unit.kind === 'community' && weight < 1 && streetTexts.has(text)) continue;
      if (unit.kind === 'street') streetTexts.add(text);
      automaton.add(text, { kind: 'local', unit, weight, form: text });
      local.add(text);
      patterns++;
    }
  }
  for (const a of input.aliases ?? []) {
    const unit = units.get(a.unitId);
    const text = normalizeName(a.alias);
    if (!unit || text.length < 2) continue;
    automaton.add(text, { kind: 'local', unit, weight: 0.9, form: text });
    local.add(text);
    patterns++;
  }
  for (const f of input.foreign ?? []) {
    for (const [text, weight] of collect(f.forms)) {
      if (local.has(text)) continue; // a name we share with a neighbour is ours
      automaton.add(text, { kind: 'foreign', place: f, weight, form: text });
      patterns++;
    }
  }
  automaton.build();
  return { automaton, units, district, city, patterns, builtAt: new Date() };
}

function parentShort(units: Map<number, GazUnit>, unit: GazUnit): string | null {
  const parent = unit.parentId === null ? undefined : units.get(unit.parentId);
  return parent ? (parent.shortName ?? streetShortName(parent.name)) : null;
}

function kindOrder(kind: GazKind): number {
  return kind === 'city' ? 0 : kind === 'district' ? 1 : kind === 'street' ? 2 : 3;
}
