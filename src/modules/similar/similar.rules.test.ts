import { describe, expect, it } from 'vitest';
import { countTerms, NAME_BAND, nameBuckets, namesIn, termStats } from './similar.names.js';
import {
  autoMergeEligible,
  autoMerges,
  haversineMetres,
  PROPOSE_SCORE,
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

describe('rare names stand in for the place when there are no coordinates', () => {
  // 300 other reports, so the counts can tell a rare name from a common word
  const places = ['黄村', '西红门', '旧宫', '亦庄', '瀛海', '观音寺', '高米店', '清源', '兴丰', '林校'];
  const more = ['天宫院', '枣园', '义和庄', '团河', '南海子', '芦城', '孙村', '礼贤', '榆垡', '安定'];
  const again = ['采育', '青云店', '长子营', '魏善庄', '庞各庄', '北臧村', '天堂河', '念坛', '新宫', '和义'];
  const problems = [
    '路口积水严重，我们出行很不方便',
    '路灯不亮，晚上一个人走很危险',
    '垃圾没人清运，我们小区味道很大',
    '施工噪音扰民，晚上还在施工',
    '门口有人占道经营，严重影响通行',
    '楼下餐馆油烟扰民，我们开不了窗',
    '公交站牌被撞坏了，一直没人修',
    '井盖缺失，我们担心有人掉下去',
    '共享单车乱停乱放，影响通行',
    '小区停车位不够，车都停到路上了',
  ];
  const at = (day: number) => new Date(Date.UTC(2019, 8, day, 12));
  const probe = (title: string, text: string, day: number) => ({
    title,
    text: `${title}，${text}`,
    lon: null,
    lat: null,
    categoryId: null,
    areaUnitId: null,
    at: at(day),
  });
  const smoke = probe(
    'A5区劳动东路魅力之城小区临街门面烧烤夜宵摊',
    '24小时经营，油烟扰民，晚上吵得睡不着',
    1,
  );
  const smokeAgain = probe('万科魅力之城小区楼下烧烤油烟扰民', '凌晨还在经营，吵得睡不着觉', 5);
  const cracks = probe('A市万科魅力之城近百户房屋楼板、墙面开裂', '开发商不作为，业主投诉无门', 3);
  const elsewhere = probe(
    'A3区梅溪湖看云路一师润芳园小区临街门面烧烤夜宵摊',
    '24小时经营，油烟扰民，晚上吵得睡不着',
    1,
  );
  const texts = [
    ...[...places, ...more, ...again].flatMap((p) => problems.map((q) => `${p}${q}`)),
    ...[smoke, smokeAgain, cracks, elsewhere].map((p) => p.text),
  ];
  const terms = termStats(countTerms(texts.map(normalise)));
  const window = 30 * 86_400_000;

  it('finds estate names by their rare bigrams, not common words before a place word', () => {
    expect(namesIn(normalise(smoke.text), terms).some((n) => n.endsWith('魅力之城'))).toBe(true);
    expect(namesIn(normalise(elsewhere.title), terms).some((n) => n.endsWith('润芳园'))).toBe(true);
    expect(namesIn(normalise('我们学校门口的公园里有人烧烤'), terms)).toEqual([]);
    expect(namesIn(normalise(smoke.text), undefined)).toEqual([]); // nothing counted yet: no names
    const bucket = nameBuckets(['万科魅力之城']);
    expect(nameBuckets(['a市魅力之城'])).toEqual(bucket); // one bucket for one estate however it is written
    expect(Math.floor(bucket[0]! / 2 ** 32)).toBe(NAME_BAND);
  });

  it('proposes two accounts of the smoke at one estate that words alone keep apart', () => {
    const plain = scorePair(smokeAgain, smoke, window)!;
    expect(plain.score).toBeLessThan(PROPOSE_SCORE);
    const named = scorePair(smokeAgain, smoke, window, terms)!;
    expect(named.score).toBeGreaterThanOrEqual(PROPOSE_SCORE);
    expect(named.evidence.sharedNames).toEqual(['魅力之城']);
    expect(autoMergeEligible(named.evidence)).toBe(false); // a name never merges by itself
  });

  it('keeps another problem at the same estate apart: the name counts as place, not as text', () => {
    expect(scorePair(smokeAgain, cracks, window)).not.toBeNull(); // 万科魅力之城 in both texts
    expect(scorePair(smokeAgain, cracks, window, terms)).toBeNull();
  });

  it('is no pair when the subjects name two different estates, however alike the complaint', () => {
    expect(scorePair(elsewhere, smoke, window)!.score).toBeGreaterThanOrEqual(PROPOSE_SCORE);
    expect(scorePair(elsewhere, smoke, window, terms)).toBeNull();
  });

  it('leaves located pairs to their coordinates', () => {
    const here = { lon: 116.33, lat: 39.79 };
    const s = scorePair({ ...smokeAgain, ...here }, { ...smoke, ...here }, window, terms)!;
    expect(s.evidence.sharedNames).toEqual([]);
    expect(s.evidence.metresApart).toBe(0);
  });
});
