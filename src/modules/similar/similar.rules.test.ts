import { describe, expect, it } from 'vitest';
import {
  autoMergeEligible,
  autoMerges,
  haversineMetres,
  scorePair,
  sharedPhrases,
  textSimilarity,
} from './similar.score.js';
import {
  BANDS,
  BUCKETS_PER_CASE,
  buckets,
  cellsOf,
  estimateJaccard,
  HASHES,
  minhash,
  normalise,
  shingles,
  textBuckets,
} from './similar.text.js';

const a = '西红门鸿坤广场东门有流动摊贩占道经营，晚高峰影响通行';
const b = '鸿坤广场东门晚上有很多流动摊贩占道经营，影响行人通行';
const other = '黄村镇政府附近施工噪音扰民，夜里十二点还在施工';

describe('shingles, MinHash and LSH buckets', () => {
  it('normalises width, case, punctuation, emoji and greetings away', () => {
    expect(normalise('您好！ＡＢＣ 12 号楼😀，漏水。谢谢')).toBe('abc12号楼漏水');
    expect(normalise('!!! 😀')).toBe('');
  });

  it('cuts normalised text into character bigrams', () => {
    expect([...shingles('井盖缺失')]).toEqual(['井盖', '盖缺', '缺失']);
    expect([...shingles('水')]).toEqual(['水']);
    expect(shingles('').size).toBe(0);
  });

  it('is deterministic: the same text gives the same buckets, pinned here', () => {
    const first = textBuckets(a);
    expect(first).toHaveLength(BUCKETS_PER_CASE);
    expect(textBuckets(a)).toEqual(first);
    // Changing seeds or the band hash would orphan every stored bucket: pin two values.
    expect(first[0]).toBeLessThan(2 ** 32);
    expect(Math.floor(first[2 * BANDS - 1]! / 2 ** 32)).toBe(2 * BANDS - 1);
    expect(textBuckets('路灯不亮')).toHaveLength(BANDS); // too short a lead: text bands only
    expect(textBuckets('小区门口井盖缺失')).toMatchInlineSnapshot(`
      [
        4272884281,
        7309450365,
        12399464917,
        15853017285,
        21025299628,
        23958955102,
        26059588165,
        32968864053,
        37457230267,
        40150366215,
        43456235417,
        48441172308,
        55812491833,
        58849057917,
        63939072469,
        67392624837,
        72564907180,
        75498562654,
        77599195717,
        84508471605,
        88996837819,
        91689973767,
        94995842969,
        99980779860,
      ]
    `);
  });

  it('estimates Jaccard similarity from the signatures', () => {
    const sa = shingles(normalise(a));
    const sb = shingles(normalise(b));
    let shared = 0;
    for (const s of sa) if (sb.has(s)) shared++;
    const exact = shared / (sa.size + sb.size - shared);
    const est = estimateJaccard(minhash(sa), minhash(sb));
    expect(minhash(sa)).toHaveLength(HASHES);
    expect(Math.abs(est - exact)).toBeLessThan(0.2);
    expect(estimateJaccard(minhash(sa), minhash(shingles(normalise(other))))).toBeLessThan(0.15);
  });

  it('puts paraphrases in a shared bucket and unrelated texts in none', () => {
    const shared = (x: string, y: string) => {
      const by = new Set(textBuckets(y));
      return textBuckets(x).filter((k) => by.has(k)).length;
    };
    expect(shared(a, b)).toBeGreaterThan(0);
    expect(shared(a, other)).toBe(0);
    expect(buckets(minhash(new Set()))).toEqual([]);
  });
});

describe('map cells of the lead buckets', () => {
  it('finds every point within a kilometre in the four cells a lookup reads', () => {
    let seed = 1;
    const rand = () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32;
    for (let i = 0; i < 2000; i++) {
      const lon = 116.2 + rand() * 0.5;
      const lat = 39.45 + rand() * 0.4;
      const angle = rand() * 2 * Math.PI;
      const metres = rand() * 1000;
      const lon2 = lon + (metres * Math.cos(angle)) / (111_320 * Math.cos((lat * Math.PI) / 180));
      const lat2 = lat + (metres * Math.sin(angle)) / 110_574;
      expect(cellsOf(lon, lat, true)).toContain(cellsOf(lon2, lat2, false)[0]);
    }
  });

  it('keys the lead buckets by cell, the text buckets not', () => {
    const here = textBuckets(a, a.slice(0, 40), cellsOf(116.33, 39.79, false));
    const there = textBuckets(a, a.slice(0, 40), cellsOf(116.5, 39.6, false));
    expect(here.slice(0, BANDS)).toEqual(there.slice(0, BANDS));
    expect(here.slice(BANDS).some((k) => there.includes(k))).toBe(false);
  });
});

describe('scoring a pair', () => {
  const at = new Date('2026-06-01T10:00:00+08:00');
  const window = 30 * 86_400_000;
  const base = { lon: 116.3301, lat: 39.7889, categoryId: 7, areaUnitId: 3, at };

  it('measures distance on the sphere', () => {
    expect(haversineMetres(116.3301, 39.7889, 116.3301, 39.7889)).toBe(0);
    // 0.001° of latitude is about 111 m
    expect(haversineMetres(116.3301, 39.7889, 116.3301, 39.7899)).toBeCloseTo(111.2, 0);
  });

  it('credits a short report contained in a long one more than Jaccard alone would', () => {
    const short = shingles(normalise('井盖缺失'));
    const long = shingles(normalise('小区门口井盖缺失已经一周了，晚上很危险，有老人差点掉进去'));
    expect(textSimilarity(short, long)).toBeGreaterThan(0.5);
    expect(textSimilarity(short, short)).toBe(1);
    expect(textSimilarity(short, new Set())).toBe(0);
  });

  it('names the phrases both texts share', () => {
    expect(sharedPhrases(normalise(b), shingles(normalise(a)))).toEqual(['流动摊贩占道经营', '鸿坤广场东门']);
  });

  it('gives the same text at the same place and category the top score, with evidence', () => {
    const s = scorePair(
      { ...base, text: a },
      { ...base, text: a, at: new Date(at.getTime() - 3600_000) },
      window,
    )!;
    expect(s.score).toBeGreaterThan(0.99);
    expect(s.evidence).toMatchObject({
      textSimilarity: 1,
      metresApart: 0,
      hoursApart: 1,
      sameCategory: true,
      sameArea: true,
    });
  });

  it('scores a paraphrase 300 m away below the same words at the same spot', () => {
    const near = scorePair({ ...base, text: a }, { ...base, text: b }, window)!;
    const far = scorePair({ ...base, text: a }, { ...base, text: b, lat: 39.7916 }, window)!;
    expect(far.evidence.metresApart).toBeGreaterThan(250);
    expect(far.score).toBeLessThan(near.score);
    expect(near.evidence.sharedPhrases).toContain('流动摊贩占道经营');
  });

  it('is no candidate: different words, or the same words more than a kilometre apart', () => {
    expect(scorePair({ ...base, text: a }, { ...base, text: other }, window)).toBeNull();
    expect(scorePair({ ...base, text: a }, { ...base, text: a, lat: 39.8 }, window)).toBeNull();
  });

  it('cannot reach an automatic merge without a shared category', () => {
    const unclassified = { ...base, categoryId: null };
    const s = scorePair({ ...unclassified, text: a }, { ...unclassified, text: a }, window)!;
    expect(s.score).toBeLessThanOrEqual(0.85);
    expect(autoMerges(s.score, 0.9)).toBe(false);
  });

  it('merges by itself only at the same place: 300 m apart stays a proposal however high the score', () => {
    const far = scorePair({ ...base, text: a }, { ...base, text: a, lat: base.lat + 0.0027 }, window)!;
    expect(far.evidence.metresApart).toBeGreaterThan(250);
    expect(far.score).toBeGreaterThanOrEqual(0.9);
    expect(autoMergeEligible(far.evidence)).toBe(false);
    const near = scorePair({ ...base, text: a }, { ...base, text: a, lat: base.lat + 0.0005 }, window)!;
    expect(autoMergeEligible(near.evidence)).toBe(true);
    const noPoint = { ...base, lon: null, lat: null };
    const sameArea = scorePair({ ...noPoint, text: a }, { ...noPoint, text: a }, window)!;
    expect(autoMergeEligible(sameArea.evidence)).toBe(true);
    const otherArea = scorePair({ ...noPoint, text: a }, { ...noPoint, text: a, areaUnitId: 999 }, window)!;
    expect(autoMergeEligible(otherArea.evidence)).toBe(false);
  });

  it('switches automatic merging off at 0 and above 1', () => {
    expect(autoMerges(0.95, 0.9)).toBe(true);
    expect(autoMerges(0.95, 0)).toBe(false);
    expect(autoMerges(1, 1.01)).toBe(false);
    expect(autoMerges(0.89, 0.9)).toBe(false);
  });

  it('counts time: a report three weeks later scores below one an hour later', () => {
    const soon = scorePair(
      { ...base, text: a },
      { ...base, text: b, at: new Date(at.getTime() + 3600_000) },
      window,
    )!;
    const late = scorePair(
      { ...base, text: a },
      { ...base, text: b, at: new Date(at.getTime() + 21 * 86_400_000) },
      window,
    )!;
    expect(late.score).toBeLessThan(soon.score);
    expect(late.evidence.hoursApart).toBe(504);
  });
});
