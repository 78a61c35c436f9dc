import { beforeAll, describe, expect, it } from 'vitest';
import { Automaton } from './geo.automaton.js';
import { readForeignPlaces } from './geo.foreign.js';
import { buildGazetteer, type Gazetteer, type GazUnit } from './geo.gazetteer.js';
import { normalizeAddress } from './geo.normalize.js';
import { resolveAddress } from './geo.resolver.js';

// A small district with the names that exercise each rule (codes as in 110115).
let next = 1;
const unit = (
  kind: GazUnit['kind'],
  code: string,
  name: string,
  shortName: string | null,
  parent: GazUnit | null,
) => ({ id: next++, code, name, shortName, kind, parentId: parent?.id ?? null }) satisfies GazUnit;
const city = unit('city', '110000', '北京市', '北京', null);
const district = unit('district', '110115', '大兴区', '大兴', city);
const xhm = unit('street', '110115007', '西红门地区', '西红门', district);
const hc = unit('street', '110115005', '黄村地区', '黄村', district);
const xf = unit('street', '110115001', '兴丰街道', '兴丰', district);
const ad = unit('street', '110115105', '安定镇', '安定', district);
const wsz = unit('street', '110115110', '魏善庄镇', '魏善庄', district);
const gys = unit('street', '110115009', '观音寺街道', '观音寺', district);
const units: GazUnit[] = [
  city,
  district,
  xhm,
  hc,
  xf,
  ad,
  wsz,
  gys,
  unit('community', '110115007200', '西红门一村村委会', '西红门一村', xhm),
  unit('community', '110115007210', '西红门十一村村委会', '西红门十一村', xhm),
  unit('community', '110115001001', '富强西里社区居委会', '富强西里', xf),
  unit('community', '110115001011', '兴华东里社区居委会', '兴华东里', xf),
  unit('community', '110115001013', '黄村东里社区居委会', '黄村东里', xf),
  unit('community', '110115105217', '车站村村委会', '车站村', ad),
  unit('community', '110115110210', '车站村村委会', '车站村', wsz),
  unit('community', '110115005201', '桂村村委会', '桂村', hc),
  unit('community', '110115005202', '前高米店村村委会', '前高米店村', hc),
  unit('community', '110115009001', '观音寺社区居委会', '观音寺', gys),
  unit('community', '110115105230', '东趙村村委会', '东趙村', ad),
  unit('community', '110115105240', '铁路社区居委会', '铁路', ad),
];

let gaz: Gazetteer;
const resolve = (text: string) => resolveAddress(gaz, text);

beforeAll(async () => {
  const foreign = await readForeignPlaces('110115');
  gaz = buildGazetteer({
    units,
    districtCode: '110115',
    foreign,
    aliases: [{ alias: '鸿坤广场', unitId: xhm.id }],
  });
});

describe('normalisation', () => {
  it('folds full-width characters, drops spaces and punctuation, keeps offsets into the input', () => {
    const n = normalizeAddress('Ａ　西 红-门（１２号）');
    expect(n.text).toBe('a西红门12号');
    expect(n.offsets[1]).toBe(2);
    expect(n.offsets[n.text.length]).toBe('Ａ　西 红-门（１２号）'.length);
  });

  it('maps spans back past characters outside the basic plane', () => {
    const text = '𠀀𠀀，西红门';
    const r = resolve(text);
    const street = r.matches.find((m) => m.kind === 'street')!;
    expect(text.slice(street.start, street.end)).toBe('西红门');
  });

  it('folds the traditional and variant characters of official names', () => {
    expect(normalizeAddress('東趙村 舊宮鎮').text).toBe('东赵村旧宫镇');
  });
});

describe('automaton', () => {
  it('finds every occurrence of overlapping patterns with all their values', () => {
    const a = new Automaton<number>();
    for (const [p, v] of [
      ['he', 1],
      ['she', 2],
      ['his', 3],
      ['hers', 4],
      ['he', 5],
    ] as const)
      a.add(p, v);
    const hits = a
      .build()
      .search('ushers')
      .map((h) => `${h.pattern}@${h.start}:${h.values.join('+')}`);
    expect(hits.sort()).toEqual(['he@2:1+5', 'hers@2:4', 'she@1:2'].sort());
  });
});

describe('street names', () => {
  it.each([
    ['西红门鸿坤广场东门', '西红门地区'],
    ['北京市大兴区西红门地区欣宁街', '西红门地区'],
    ['西红门镇宏福路', '西红门地区'],
    ['大兴区黄村镇兴华大街', '黄村地区'],
    ['黄村地区办事处', '黄村地区'],
    ['大兴区安定镇政府', '安定镇'],
  ])('%s → %s', (text, street) => {
    const r = resolve(text);
    expect(r.status).toBe('resolved');
    expect(r.street?.name).toBe(street);
    expect(r.community).toBeNull();
    expect(r.confidence).toBeGreaterThanOrEqual(0.6);
  });

  it('reports the matched spans as written, noise included', () => {
    const text = '北京市 大兴区（西 红 门）3号楼';
    const r = resolve(text);
    expect(r.street?.name).toBe('西红门地区');
    const street = r.matches.find((m) => m.kind === 'street')!;
    expect(street.text).toBe('西 红 门');
    expect(text.slice(street.start, street.end)).toBe('西 红 门');
    expect(r.matches.map((m) => m.kind)).toEqual(['city', 'district', 'street']);
  });

  it('scores a full name with the district named above a bare short form', () => {
    expect(resolve('大兴区西红门地区').confidence).toBeGreaterThan(resolve('西红门').confidence);
  });
});

describe('community names', () => {
  it.each([
    ['兴丰街道富强西里社区', '兴丰街道', '富强西里社区居委会'],
    ['富强西里小区3号楼2单元501室', '兴丰街道', '富强西里社区居委会'],
    ['富强西里社区居委会', '兴丰街道', '富强西里社区居委会'],
    ['西红门一村', '西红门地区', '西红门一村村委会'],
    ['西红门11村村口', '西红门地区', '西红门十一村村委会'],
    ['黄村镇桂村村委会', '黄村地区', '桂村村委会'],
    ['大兴区前高米店北区', '黄村地区', '前高米店村村委会'],
    ['安定镇东赵村', '安定镇', '东趙村村委会'],
    ['黄村东里12号楼', '兴丰街道', '黄村东里社区居委会'],
  ])('%s → %s %s', (text, street, community) => {
    const r = resolve(text);
    expect(r.street?.name).toBe(street);
    expect(r.community?.name).toBe(community);
    expect(r.confidence).toBeGreaterThanOrEqual(0.6);
  });

  it('takes a community named inside a longer name, not the street the name contains', () => {
    // 黄村 is a street's short name, but 黄村东里 is a community of 兴丰街道.
    const r = resolve('黄村东里');
    expect(r.matches.map((m) => m.text)).toEqual(['黄村东里']);
    expect(r.alternatives).toEqual([]);
  });

  it('follows the community when an old town name disagrees, with the town as the alternative', () => {
    const r = resolve('黄村镇兴华东里3号楼');
    expect(r.street?.name).toBe('兴丰街道');
    expect(r.community?.name).toBe('兴华东里社区居委会');
    expect(r.confidence).toBeLessThan(resolve('兴丰街道兴华东里').confidence);
    expect(r.alternatives.map((a) => a.street.name)).toContain('黄村地区');
  });

  it('reads a bare word that is both a street and a community as the street', () => {
    const r = resolve('观音寺');
    expect(r.street?.name).toBe('观音寺街道');
    expect(r.community).toBeNull();
    expect(resolve('观音寺社区').community?.name).toBe('观音寺社区居委会');
  });

  it('gives a two-character community name little weight alone, more beside its street', () => {
    const alone = resolve('铁路桥下');
    expect(alone.community?.name).toBe('铁路社区居委会');
    expect(alone.confidence).toBeLessThan(0.6);
    const withStreet = resolve('安定镇铁路社区');
    expect(withStreet.communityConfidence).toBeGreaterThanOrEqual(0.9);
  });
});

describe('ambiguity', () => {
  it('a village name under two townships: low confidence and both readings', () => {
    const r = resolve('车站村');
    expect(r.status).toBe('resolved');
    expect(r.confidence).toBeLessThan(0.6);
    const streets = [r.street!.name, ...r.alternatives.map((a) => a.street.name)];
    expect(streets).toEqual(expect.arrayContaining(['安定镇', '魏善庄镇']));
    expect(r.alternatives[0]!.confidence).toBeCloseTo(r.confidence, 2);
  });

  it('the township named beside it settles the village', () => {
    const r = resolve('魏善庄镇车站村');
    expect(r.street?.name).toBe('魏善庄镇');
    expect(r.community?.code).toBe('110115110210');
    expect(r.confidence).toBeGreaterThanOrEqual(0.6);
    expect(r.alternatives.map((a) => a.street.name)).toEqual(['安定镇']);
  });
});

describe('other places', () => {
  it.each([
    ['北京市朝阳区望京街道', '朝阳区'],
    ['海淀区中关村大街1号', '海淀区'],
    ['回龙观东大街', '昌平区'],
    ['河北省廊坊市固安县', '河北省'],
  ])('%s is not this district (%s)', (text, region) => {
    const r = resolve(text);
    expect(r.status).toBe('other_district');
    expect(r.street).toBeNull();
    expect(r.elsewhere?.region).toBe(region);
  });

  it('a local name beats a weak foreign short form, and naming the district wins', () => {
    expect(resolve('大兴区朝阳路').status).toBe('district_only');
    expect(resolve('大兴区').status).toBe('district_only');
  });
});

describe('aliases and bad input', () => {
  it('an admin alias names its unit', () => {
    const r = resolve('鸿坤广场东门');
    expect(r.street?.name).toBe('西红门地区');
    expect(r.confidence).toBeGreaterThanOrEqual(0.6);
  });

  it.each(['', '   ', '😀😀', '<script>alert(1)</script>', 'Main Street 12', '12345'])(
    'nothing to read in %j: unresolved, no crash',
    (text) => {
      const r = resolve(text);
      expect(r).toMatchObject({ status: 'unresolved', street: null, confidence: 0, matches: [] });
    },
  );

  it('a very long text is read in linear time', () => {
    const text = `${'某某路'.repeat(30_000)}西红门`;
    const started = performance.now();
    expect(resolve(text).street?.name).toBe('西红门地区');
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
