/**
 * Text signatures for finding the same problem reported twice (并案): normalised Chinese text →
 * character bigrams (shingles) → MinHash → LSH buckets.
 *
 * Why character bigrams: Chinese has no spaces, and two people describing the same problem share
 * place names and problem words (鸿坤广场, 油烟, 噪音) whose bigrams match whatever segmenter would
 * have cut them; bigrams need no dictionary and no download.
 *
 * MinHash: for each of `HASHES` seeded hash functions the minimum hash over the text's shingle set.
 * Two sets agree on one minimum with probability equal to their Jaccard similarity.
 *
 * LSH banding: the signature is cut into `BANDS` bands of `ROWS` values; each band hashes to one
 * bucket (a bigint: band number in the high bits, 32-bit band hash in the low ones). Two texts
 * with Jaccard s share at least one bucket with probability 1 − (1 − s^ROWS)^BANDS: with 12 bands
 * of 2 rows that is 0.39 at s = 0.2, 0.68 at s = 0.3, 0.88 at s = 0.4 and 0.11 at s = 0.1, so
 * paraphrases are found and unrelated texts rarely are. Candidates are then scored exactly
 * (similar.score.ts), so a false candidate costs a little time, never a wrong proposal.
 *
 * A case is indexed twice: 12 bands over its whole text and 12 over its lead (the title, or the
 * first 40 characters). Long messages about one problem tell it in different words, while their
 * leads name the same place and problem (附件3's hot issues: subject similarity 0.25 median vs
 * 0.09 for the whole texts), so the lead bands find what the text bands miss.
 */

/** Bands per signature, rows per band, minimum hashes per signature (= BANDS × ROWS). */
export const BANDS = 12;
export const ROWS = 2;
export const HASHES = BANDS * ROWS;
/** Buckets per case: text bands then lead bands. */
export const BUCKETS_PER_CASE = 2 * BANDS;
/** A lead shorter than this (normalised characters) says too little to be compared on its own. */
export const MIN_LEAD = 5;

/** Phrases that start most hotline messages and say nothing about the problem. */
const boilerplate =
  /(尊敬的(各位)?(领导|市长|书记|政府)?|领导(们)?(您|你)好|您好|你好|市民来电(反映|称|咨询)?|来电人?(反映|称)|本人|谢谢(您|你)?|感谢|请(相关部门|有关部门)?(尽快)?(处理|解决|核实|协调))/g;

/**
 * Normalises text for comparison: NFKC (full-width → half-width), lower case, boilerplate
 * greetings removed, and only CJK characters, letters and digits kept (punctuation, spaces and
 * emoji say nothing about the problem).
 */
export function normalise(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(boilerplate, '')
    .replace(/[^\p{Script=Han}a-z0-9]+/gu, '');
}

/** FNV-1a over a string's UTF-16 code units: a fast, well-spread 32-bit hash. */
export function fnv1a(s: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The set of character bigrams of normalised text (a one-character text is its own shingle). */
export function shingles(normalised: string): Set<string> {
  const out = new Set<string>();
  if (normalised.length === 1) out.add(normalised);
  for (let i = 0; i + 2 <= normalised.length; i++) out.add(normalised.slice(i, i + 2));
  return out;
}

/** A 32-bit avalanche mix (murmur3's finaliser): makes each seeded hash behave independently. */
function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Fixed seeds (deterministic: the same text gives the same signature on every node and release). */
const seeds = Array.from({ length: HASHES }, (_, i) => mix(0x9e3779b9 * (i + 1)));

/**
 * The MinHash signature of a shingle set: for each seed, the least mix(hash ^ seed). Empty sets
 * give an empty signature (nothing to compare).
 */
export function minhash(set: ReadonlySet<string>): Uint32Array {
  if (set.size === 0) return new Uint32Array(0);
  const sig = new Uint32Array(HASHES).fill(0xffffffff);
  for (const s of set) {
    const h = fnv1a(s);
    for (let i = 0; i < HASHES; i++) {
      const v = mix(h ^ seeds[i]!);
      if (v < sig[i]!) sig[i] = v;
    }
  }
  return sig;
}

/**
 * The LSH buckets of a signature, one per band: `band × 2^32 + hash of the band's values`
 * (below 2^37, so a safe JavaScript integer and a PostgreSQL bigint).
 */
export function buckets(sig: Uint32Array, firstBand = 0, cell = 0): number[] {
  if (sig.length === 0) return [];
  const out: number[] = [];
  for (let b = 0; b < BANDS; b++) {
    let h = mix(0x811c9dc5 ^ b ^ cell);
    for (let r = 0; r < ROWS; r++) h = mix(Math.imul(h ^ sig[b * ROWS + r]!, 0x01000193));
    out.push((firstBand + b) * 2 ** 32 + h);
  }
  return out;
}

/** The lead of a report: its title, else its first 40 characters (as a case's title is made). */
export function leadOf(text: string, title?: string | null): string {
  return title ?? text.slice(0, 40);
}

/** Map cells the lead bands are keyed by: 0.025° of longitude × 0.02° of latitude (~2.1 × 2.2 km near Beijing). */
const CELL_LON = 0.025;
const CELL_LAT = 0.02;

function cellKey(cx: number, cy: number): number {
  return mix(Math.imul(cx, 73856093) ^ Math.imul(cy, 19349663)) | 1; // never 0 (0 = no cell)
}

/**
 * The cells whose lead buckets a point is compared with: its own cell to index under, and for a
 * lookup also the three neighbours on the side of the cell it lies in. A cell is more than two
 * FAR_M wide, so every point within FAR_M (1 km) of the probe lies in one of those four cells.
 */
export function cellsOf(lon: number, lat: number, forLookup: boolean): number[] {
  const x = lon / CELL_LON;
  const y = lat / CELL_LAT;
  const cx = Math.floor(x);
  const cy = Math.floor(y);
  if (!forLookup) return [cellKey(cx, cy)];
  const dx = x - cx < 0.5 ? -1 : 1;
  const dy = y - cy < 0.5 ? -1 : 1;
  return [cellKey(cx, cy), cellKey(cx + dx, cy), cellKey(cx, cy + dy), cellKey(cx + dx, cy + dy)];
}

/**
 * Text (and lead) → the LSH buckets of a case: BANDS over the whole text (bands 0…11) and BANDS over
 * the lead (bands 12…23, when it is long enough). With a place (`cells` from cellsOf) the lead
 * buckets are keyed by map cell: reports of one kind of problem (占道经营, 噪音扰民) share their
 * wording all over the city, and without the cell their buckets would hold thousands of cases, of
 * which a lookup reads only the most recent; keyed by cell, a bucket holds that problem in that
 * neighbourhood. The whole pipeline, as intake, the similar route and the benchmark use it.
 */
export function textBuckets(
  text: string,
  lead: string = leadOf(text),
  cells: readonly number[] = [],
): number[] {
  const out = buckets(minhash(shingles(normalise(text))));
  const l = normalise(lead);
  if (l.length < MIN_LEAD) return out;
  const sig = minhash(shingles(l));
  if (cells.length === 0) out.push(...buckets(sig, BANDS));
  for (const cell of cells) out.push(...buckets(sig, BANDS, cell));
  return out;
}

/** Share of equal values of two signatures: an estimate of the Jaccard similarity. */
export function estimateJaccard(a: Uint32Array, b: Uint32Array): number {
  if (a.length === 0 || a.length !== b.length) return 0;
  let same = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++;
  return same / a.length;
}
