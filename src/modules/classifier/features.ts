import { KeyTable } from './keytable.js';

/** How text becomes a feature vector; stored in the model so classification repeats it exactly. */
export interface FeatureOptions {
  /** Shortest and longest character n-gram (1 ≤ minN ≤ maxN ≤ 3). */
  minN: number;
  maxN: number;
  /**
   * An n-gram must occur in at least this many training documents to enter the vocabulary
   * (lowered to 1 per 100 documents on small training sets, so they keep a vocabulary).
   * Cross-validation on the Teddy Cup messages plateaus from 3 to 8 and peaks near 5: rarer
   * n-grams are mostly names and places that only add noise.
   */
  minDf: number;
  /**
   * Weight of the title's n-grams relative to the body's. The title is the text before the
   * first space (`text` = 留言主题 + ' ' + 留言详情, intake joins title and text with a newline)
   * or, without one, the opening (see `lead`); 1 counts it like the body.
   */
  titleWeight: number;
  /**
   * A title is the text before the first space only when that space comes within the first
   * `TITLE_MAX` units; otherwise the first `lead` units count as the title (0: no title). The
   * Teddy Cup file glues 62 % of its titles to the body with no space, and a message's opening
   * words name its subject either way.
   */
  lead: number;
}

export const defaultFeatureOptions: FeatureOptions = {
  minN: 1,
  maxN: 3,
  minDf: 5,
  titleWeight: 2,
  lead: 20,
};

/** Longest title (UTF-16 units) recognised by its closing space; 留言主题 are ≤ 35 characters. */
const TITLE_MAX = 40;

/** Where the title ends in a normalised message (see FeatureOptions.lead); -1 when none is weighted. */
export function titleEnd(text: string, options: FeatureOptions): number {
  if (options.titleWeight === 1) return -1;
  const space = text.indexOf(' ');
  if (space >= 0 && space <= TITLE_MAX) return space;
  return options.lead > 0 ? options.lead : -1;
}

/** A sparse, L2-normalised vector: ascending feature indices and their values. */
export interface SparseVector {
  indices: Int32Array;
  values: Float32Array;
}

/**
 * Whether a UTF-16 unit is part of a word (letters and digits; high surrogates keep characters
 * outside the BMP). Everything else — punctuation, spaces — breaks n-grams, so 。 or ， never
 * glue two clauses into one feature. Filled lazily (0 unknown, 1 word, 2 not): testing all 65,536
 * units up front would cost every process start a few hundred milliseconds.
 */
const WORD_UNIT = new Uint8Array(65536);
const LETTER = /[\p{L}\p{N}]/u;

function isWordUnit(c: number): boolean {
  let kind = WORD_UNIT[c]!;
  if (kind === 0) {
    kind = (c >= 0xd800 && c <= 0xdbff) || LETTER.test(String.fromCharCode(c)) ? 1 : 2;
    WORD_UNIT[c] = kind;
  }
  return kind === 1;
}

/** Stand-in for any character outside the BMP: n-gram keys hold 16 bits per character. */
const ASTRAL = 0xfffd;

/**
 * An n-gram as a number: its UTF-16 units packed 16 bits each (up to 3 units = 48 bits, exact in
 * a double). Unigrams are < 2^16, bigrams < 2^32, trigrams ≥ 2^32, so lengths never collide.
 * Numeric keys make counting several times faster than substrings in a Map.
 */
export function ngramText(key: number): string {
  const units: number[] = [];
  let k = key;
  while (k > 0) {
    units.unshift(k % 65536);
    k = Math.floor(k / 65536);
  }
  return String.fromCharCode(...units);
}

/** The n-grams of one message: keys and weights, in text order (repeats included). */
export interface Grams {
  keys: number[];
  weights: number[];
}

/** Lists the character n-grams of one normalised message into `out` (cleared first). */
export function listNgrams(text: string, options: FeatureOptions, out: Grams): void {
  out.keys.length = 0;
  out.weights.length = 0;
  const title = titleEnd(text, options);
  const { minN, maxN } = options;
  let c1 = 0; // previous unit
  let c2 = 0; // the one before
  let run = 0; // units in the current run of word characters
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (!isWordUnit(c)) {
      run = 0;
      continue;
    }
    if (c >= 0xd800 && c <= 0xdbff) {
      i++; // skip the low surrogate
      c = ASTRAL;
    }
    run++;
    const w = i < title ? options.titleWeight : 1;
    if (minN <= 1) {
      out.keys.push(c);
      out.weights.push(w);
    }
    if (run >= 2 && minN <= 2 && maxN >= 2) {
      out.keys.push(c1 * 65536 + c);
      out.weights.push(w);
    }
    if (run >= 3 && maxN >= 3) {
      out.keys.push((c2 * 65536 + c1) * 65536 + c);
      out.weights.push(w);
    }
    c2 = c1;
    c1 = c;
  }
}

/** Vocabulary (n-gram keys, ascending) and inverse document frequencies learnt from training. */
export interface Vectorizer {
  options: FeatureOptions;
  vocabulary: Float64Array;
  index: KeyTable;
  /** Feature index of each single UTF-16 unit, or -1: unigrams skip the hash table. */
  unigrams: Int32Array;
  idf: Float32Array;
  /** Scratch space of vectorize(): dense term frequencies, all zero between calls. */
  scratch: Float64Array;
}

/** Builds the vocabulary (n-grams in at least `minDf` documents) and the smooth IDF. */
export function fitVectorizer(normalized: string[], options: FeatureOptions): Vectorizer {
  const table = new KeyTable(1 << 16);
  let df = new Int32Array(1 << 16);
  let lastDoc = new Int32Array(1 << 16);
  const grams: Grams = { keys: [], weights: [] };
  normalized.forEach((text, doc) => {
    listNgrams(text, options, grams);
    for (const key of grams.keys) {
      const id = table.insert(key);
      if (id >= df.length) {
        df = grow(df);
        lastDoc = grow(lastDoc);
      }
      if (lastDoc[id] !== doc + 1) {
        lastDoc[id] = doc + 1;
        df[id]!++;
      }
    }
  });
  const minDf = Math.max(1, Math.min(options.minDf, Math.floor(normalized.length / 100)));
  const kept: number[] = [];
  const keptDf = new Map<number, number>();
  for (const [key, id] of table.entries()) {
    if (df[id]! >= minDf) {
      kept.push(key);
      keptDf.set(key, df[id]!);
    }
  }
  const vocabulary = Float64Array.from(kept).sort();
  const n = normalized.length;
  // Smooth IDF, as scikit-learn: ln((1 + n) / (1 + df)) + 1.
  const idf = Float32Array.from(vocabulary, (key) => Math.log((1 + n) / (1 + keptDf.get(key)!)) + 1);
  return makeVectorizer(options, vocabulary, idf);
}

function grow(a: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}

export function makeVectorizer(
  options: FeatureOptions,
  vocabulary: Float64Array,
  idf: Float32Array,
): Vectorizer {
  const index = new KeyTable(vocabulary.length);
  const unigrams = new Int32Array(65536).fill(-1);
  vocabulary.forEach((key, j) => {
    if (key < 65536) unigrams[key] = j;
    else index.set(key, j);
  });
  return { options, vocabulary, index, unigrams, idf, scratch: new Float64Array(vocabulary.length) };
}

/**
 * Sublinear TF (1 + ln tf) × IDF, L2-normalised; n-grams outside the vocabulary are dropped.
 * The n-gram walk of listNgrams() is repeated inline here: this is the hot path of
 * classification, and looking keys up as they are made avoids building the lists.
 */
export function vectorize(v: Vectorizer, text: string): SparseVector {
  const { minN, maxN, titleWeight } = v.options;
  const title = titleEnd(text, v.options);
  const tf = v.scratch;
  const unigrams = v.unigrams;
  const index = v.index;
  const found: number[] = [];
  let c1 = 0;
  let c2 = 0;
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (!isWordUnit(c)) {
      run = 0;
      continue;
    }
    if (c >= 0xd800 && c <= 0xdbff) {
      i++;
      c = ASTRAL;
    }
    run++;
    const w = i < title ? titleWeight : 1;
    if (minN <= 1) {
      const j = unigrams[c]!;
      if (j >= 0) {
        if (tf[j] === 0) found.push(j);
        tf[j]! += w;
      }
    }
    if (run >= 2 && minN <= 2 && maxN >= 2) {
      const j = index.get(c1 * 65536 + c);
      if (j >= 0) {
        if (tf[j] === 0) found.push(j);
        tf[j]! += w;
      }
    }
    if (run >= 3 && maxN >= 3) {
      const j = index.get((c2 * 65536 + c1) * 65536 + c);
      if (j >= 0) {
        if (tf[j] === 0) found.push(j);
        tf[j]! += w;
      }
    }
    c2 = c1;
    c1 = c;
  }
  const indices = Int32Array.from(found).sort();
  const values = new Float32Array(indices.length);
  let norm = 0;
  for (let pos = 0; pos < indices.length; pos++) {
    const j = indices[pos]!;
    const x = (1 + Math.log(tf[j]!)) * v.idf[j]!;
    tf[j] = 0;
    values[pos] = x;
    norm += x * x;
  }
  norm = Math.sqrt(norm);
  if (norm > 0) for (let k = 0; k < values.length; k++) values[k]! /= norm;
  return { indices, values };
}
