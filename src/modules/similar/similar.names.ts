/**
 * Shared names: the estate, road, village, school or company two reports both name (魅力之城,
 * 伊景园, 经济学院), found without a dictionary. Where the reports carry no coordinates this is
 * the best evidence of "the same place" there is, and it must not count twice: the text part of the
 * score then compares what the reports say about the place, not the name itself.
 *
 * A name is a run both normalised texts contain that ends in a place or institution word (小区, 路,
 * 学院, 公司 …) after at least two other characters, and is rare: each of its bigrams before the place word is in at most RARE_NAME_SHARE of the
 * documents counted. "我们小区" and "有限公司" end in such words too, but their bigrams are
 * everywhere; 魅力之城 is in 0.7 % of 附件3's messages, 伊景园 (a hot issue itself) in 1.5 %.
 */

import { fnv1a } from './similar.text.js';

/** Document frequencies of bigrams over a corpus (recent cases, or the messages of a report). */
export interface TermStats {
  /** Documents counted. */
  docs: number;
  /** Documents whose normalised text contains the bigram (0 when never seen). */
  df(bigram: string): number;
}

/** A name shared by more than this share of the documents is a district, a brand, a phrase: no evidence. */
export const RARE_NAME_SHARE = 0.02;
/**
 * Characters kept before the place word: 魅力之城 needs 3, 涉外经济学院 4 (伊景园滨河苑 is two names).
 * Longer runs two copies of one message share are clauses ("不具备开办医院"), not names.
 */
const MAX_NAME_HEAD = 4;
const MIN_NAME_HEAD = 2;

/**
 * Place and institution words a name ends with, longest first: places the size of an estate, a
 * school or a village. Not roads, streets or stations (劳动东路 is kilometres long: two problems on
 * it are rarely one), not 区 (a district names thousands of cases) and not 小区: what stands before it is as often a clause ("经营。本小区") as a name, and an
 * estate's own name mostly ends in 城, 苑, 园 or 湾 already.
 */
const placeWord =
  /(花园|家园|公寓|新城|广场|大厦|大楼|商城|市场|学院|大学|中学|小学|学校|幼儿园|医院|公园|公司|集团|社区|村|苑|园|城|湾|府|郡)/g;

/** Counts bigram document frequencies over normalised texts. */
export function countTerms(normalisedTexts: Iterable<string>): { docs: number; df: Map<string, number> } {
  const df = new Map<string, number>();
  let docs = 0;
  for (const t of normalisedTexts) {
    docs++;
    const seen = new Set<string>();
    for (let i = 0; i + 2 <= t.length; i++) seen.add(t.slice(i, i + 2));
    for (const g of seen) df.set(g, (df.get(g) ?? 0) + 1);
  }
  return { docs, df };
}

/** TermStats over a counted map. */
export function termStats(counted: { docs: number; df: ReadonlyMap<string, number> }): TermStats {
  return { docs: counted.docs, df: (g) => counted.df.get(g) ?? 0 };
}

/** A head bigram in more than COMMON_HEAD_SHARE of the documents (我们, 一个) starts no name; 经济 (5 %) may. */
export const COMMON_HEAD_SHARE = 0.1;
const common = (bigram: string, stats: TermStats) =>
  stats.df(bigram) > Math.max(3, COMMON_HEAD_SHARE * stats.docs);
const rare = (bigram: string, stats: TermStats) =>
  stats.df(bigram) <= Math.max(1, RARE_NAME_SHARE * stats.docs);

/**
 * The rare names a normalised text contains. A name starts as the two characters before a place
 * word — the bigram joining them to the place word rare (济学 in 经济学院), the two not a common
 * pair (我们, 一个), no function word among them — and grows to the left, up to MAX_NAME_HEAD characters
 * and never across another place word, while the bigram it adds is rare too (魅力之城, 伊景园).
 * Empty without statistics (a fresh installation has counted nothing: every bigram would look rare).
 */
export function namesIn(a: string, stats: TermStats | undefined): string[] {
  if (!stats || stats.docs === 0) return [];
  const found: string[] = [];
  let previousEnd = 0;
  for (const m of a.matchAll(placeWord)) {
    const head = m.index;
    const end = head + m[0].length;
    const floor = Math.max(previousEnd, head - MAX_NAME_HEAD);
    previousEnd = end;
    let start = head - MIN_NAME_HEAD;
    if (start < floor || !nameChars.test(a.slice(start, head))) continue;
    if (!rare(a.slice(start + 1, start + 3), stats) || common(a.slice(start, start + 2), stats)) continue;
    while (start > floor && nameChars.test(a[start - 1]!) && rare(a.slice(start - 1, start + 1), stats))
      start--;
    found.push(a.slice(start, end));
  }
  return [...new Set(found)];
}

/** Han characters, letters and digits, and no function word. */
const nameChars =
  /^(?:(?![的了在去入到和与是我你他她们这那个本该此里内对给从向被把就都也还要说让请为而及或口离旁边近多所具备办设于以已将可能会没不无未很最更非有])[\p{Script=Han}a-z0-9])+$/u;

/**
 * The longest tail of a name (its place word and at least MIN_NAME_HEAD characters before it) that
 * `other` contains: 万科魅力之城 and a市魅力之城 both name 魅力之城.
 */
function commonTail(name: string, other: string): string | null {
  const word = [...name.matchAll(placeWord)].at(-1);
  const last = word ? word.index : name.length;
  for (let k = 0; k <= last - MIN_NAME_HEAD; k++) if (other.includes(name.slice(k))) return name.slice(k);
  return null;
}

/**
 * What two texts' names (`na`, `nb`: namesIn of each; `leadA`, `leadB`: of their leads) say: the names both contain (the longest tail of a name of one that the
 * other contains, longest first, none inside another), and whether both name places and none of them is shared — two
 * estates, two roads: two problems, however alike the complaint reads.
 */
export function compareNames(
  a: string,
  b: string,
  na: readonly string[],
  nb: readonly string[],
  leadA: readonly string[] = [],
  leadB: readonly string[] = [],
): { shared: string[]; conflict: boolean } {
  // Leads (titles) that name two different places are about two places, whatever the bodies mention.
  if (
    leadA.length > 0 &&
    leadB.length > 0 &&
    !leadA.some((n) => commonTail(n, b)) &&
    !leadB.some((n) => commonTail(n, a))
  ) {
    return { shared: [], conflict: true };
  }
  const found = new Set<string>();
  for (const [names, other] of [
    [na, b],
    [nb, a],
  ] as const) {
    for (const n of names) {
      const common = commonTail(n, other);
      if (common) found.add(common);
    }
  }
  const sorted = [...found].sort((x, y) => y.length - x.length);
  const shared = sorted.filter((n, i) => !sorted.slice(0, i).some((o) => o.includes(n)));
  return { shared, conflict: shared.length === 0 && na.length > 0 && nb.length > 0 };
}

/** The band number of name buckets (after the text bands 0…11 and the lead bands 12…23). */
export const NAME_BAND = 24;

/**
 * One LSH-style bucket per name (band NAME_BAND, FNV-1a of the name): reports naming the same estate
 * find each other through the index however differently they tell the problem, which MinHash over
 * whole texts misses (two accounts of the smoke at 魅力之城 share a tenth of their bigrams). Keyed
 * by the name's core, so 万科魅力之城 and a市魅力之城 share their bucket.
 */
export function nameBuckets(names: readonly string[]): number[] {
  return [...new Set(names.map(coreOf))].map((n) => NAME_BAND * 2 ** 32 + fnv1a(n));
}

/** A name's shortest form, MIN_NAME_HEAD characters and its place word: 万科魅力之城 and a市魅力之城 meet in 力之城. */
function coreOf(name: string): string {
  const word = [...name.matchAll(placeWord)].at(-1);
  return word ? name.slice(Math.max(0, word.index - MIN_NAME_HEAD)) : name;
}
