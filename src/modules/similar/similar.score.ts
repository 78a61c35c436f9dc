import { leadOf, MIN_LEAD, normalise, shingles } from './similar.text.js';

/**
 * Exact scoring of one candidate pair (a new report vs an open case), in [0, 1], with the
 * evidence a dispatcher reads before merging.
 *
 *   score = 0.45 · text + 0.30 · place + 0.15 · category + 0.10 · time
 *
 * - text: the mean of the Jaccard similarity and the containment (shared bigrams over the smaller
 *   set) of the two normalised texts' bigram sets, saturating at TEXT_FULL: paraphrases of one
 *   problem rarely share more than 70 % of their bigrams, a short report inside a long one has a
 *   high containment but a low Jaccard, and the mean credits both without letting a two-character
 *   text match everything. The same measure over the two leads (titles, or first 40 characters)
 *   counts too, the higher of the two wins: long messages about one problem differ in their
 *   details, not in the sentence that says where and what.
 * - place: with coordinates on both sides, 1 within NEAR_M metres, falling linearly to 0 at
 *   FAR_M (beyond FAR_M the pair is no candidate at all: the same words at two places are two
 *   problems); without them, the same area unit counts 0.6, two different known areas 0, and an
 *   unknown side 0.4 (little evidence either way).
 * - category: the same leaf 1, different leaves 0, unknown 0 — unclassified pairs cannot reach an
 *   automatic merge (max 0.85), which needs the category to agree.
 * - time: 1 − gap / window, so a report a day after counts more than one three weeks after.
 *
 * A pair is proposed only when text ≥ MIN_TEXT_SIMILARITY (two different problems at one address
 * share the address and nothing else) and score ≥ PROPOSE_SCORE.
 */
export const WEIGHTS = { text: 0.45, place: 0.3, category: 0.15, time: 0.1 } as const;
export const TEXT_FULL = 0.7;
export const MIN_TEXT_SIMILARITY = 0.25;
export const PROPOSE_SCORE = 0.5;
export const NEAR_M = 100;
export const FAR_M = 1000;

/** What a side of a pair brings to the comparison. */
export interface Probe {
  text: string;
  /** The title, when the report has one (else the lead is the first 40 characters). */
  title?: string | null;
  lon: number | null;
  lat: number | null;
  categoryId: number | null;
  areaUnitId: number | null;
  at: Date;
}

/** Why a pair was scored as it was; stored with the proposal and shown to staff. */
export interface Evidence {
  /** Raw text similarity before saturation (mean of Jaccard and containment; whole texts or leads). */
  textSimilarity: number;
  /** The same measure over the two leads alone (null when one is too short to say anything). */
  leadSimilarity: number | null;
  /** Up to five longest phrases (≥ 3 characters) both texts contain. */
  sharedPhrases: string[];
  /** Distance when both sides have coordinates. */
  metresApart: number | null;
  hoursApart: number;
  sameCategory: boolean | null;
  sameArea: boolean | null;
}

export interface Scored {
  score: number;
  evidence: Evidence;
}

/** Great-circle distance in metres (haversine on a 6,371 km sphere; metres matter, not millimetres). */
export function haversineMetres(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLon = (lon2 - lon1) * rad;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6_371_000 * Math.asin(Math.min(1, Math.sqrt(a)));
}

/** Text similarity of two bigram sets: mean of Jaccard and containment. */
export function textSimilarity(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const s of small) if (large.has(s)) shared++;
  const jaccard = shared / (a.size + b.size - shared);
  return (jaccard + shared / small.size) / 2;
}

/**
 * The longest runs of `text` (normalised) whose every bigram is in `other`: the phrases the two
 * texts share, longest first, at least 3 characters (cut at 24), at most five, none inside another.
 */
export function sharedPhrases(text: string, other: ReadonlySet<string>): string[] {
  const runs: string[] = [];
  let start = -1;
  for (let i = 0; i + 2 <= text.length + 1; i++) {
    const inOther = i + 2 <= text.length && other.has(text.slice(i, i + 2));
    if (inOther && start < 0) start = i;
    if (!inOther && start >= 0) {
      runs.push(text.slice(start, i + 1));
      start = -1;
    }
  }
  const unique = [...new Set(runs.filter((r) => r.length >= 3))].sort((x, y) => y.length - x.length);
  const out: string[] = [];
  for (const r of unique) if (!out.some((o) => o.includes(r)) && out.length < 5) out.push(r);
  // A whole paragraph in common is shown by its start: the evidence stays readable.
  return out.map((r) => (r.length > MAX_PHRASE ? `${r.slice(0, MAX_PHRASE)}…` : r));
}

const MAX_PHRASE = 24;

interface Prepared {
  norm: string;
  set: Set<string>;
  lead: Set<string> | null;
}
/**
 * A probe's normalised text and shingle sets, kept while the probe object lives: scored against
 * forty candidates at intake, the new report is cut into bigrams once, not forty times.
 */
const preparedCache = new WeakMap<Probe, Prepared>();
function prepared(p: Probe): Prepared {
  let r = preparedCache.get(p);
  if (!r) {
    const norm = normalise(p.text);
    const lead = normalise(leadOf(p.text, p.title));
    r = { norm, set: shingles(norm), lead: lead.length >= MIN_LEAD ? shingles(lead) : null };
    preparedCache.set(p, r);
  }
  return r;
}

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

/**
 * Scores a pair, or returns null when it is no candidate (texts too different, or both located
 * and more than FAR_M apart). `windowMs` is the look-back window the time part is measured in.
 */
export function scorePair(a: Probe, b: Probe, windowMs: number): Scored | null {
  const { norm: na, set: sa, lead: la } = prepared(a);
  const { set: sb, lead: lb } = prepared(b);
  const lead = la && lb ? textSimilarity(la, lb) : null;
  const sim = Math.max(textSimilarity(sa, sb), lead ?? 0);
  if (sim < MIN_TEXT_SIMILARITY) return null;

  let metres: number | null = null;
  let place: number;
  let sameArea: boolean | null = null;
  if (a.areaUnitId != null && b.areaUnitId != null) sameArea = a.areaUnitId === b.areaUnitId;
  if (a.lon != null && a.lat != null && b.lon != null && b.lat != null) {
    metres = haversineMetres(a.lon, a.lat, b.lon, b.lat);
    if (metres > FAR_M) return null;
    place = metres <= NEAR_M ? 1 : 1 - (metres - NEAR_M) / (FAR_M - NEAR_M);
  } else {
    place = sameArea === null ? 0.4 : sameArea ? 0.6 : 0;
  }
  const sameCategory = a.categoryId != null && b.categoryId != null ? a.categoryId === b.categoryId : null;
  const gapMs = Math.abs(a.at.getTime() - b.at.getTime());
  const time = Math.max(0, 1 - gapMs / windowMs);
  const score =
    WEIGHTS.text * Math.min(1, sim / TEXT_FULL) +
    WEIGHTS.place * place +
    WEIGHTS.category * (sameCategory ? 1 : 0) +
    WEIGHTS.time * time;
  return {
    score: round(score, 3),
    evidence: {
      textSimilarity: round(sim, 3),
      leadSimilarity: lead === null ? null : round(lead, 3),
      sharedPhrases: sharedPhrases(na, sb),
      metresApart: metres === null ? null : Math.round(metres),
      hoursApart: round(gapMs / 3_600_000, 1),
      sameCategory,
      sameArea,
    },
  };
}

/** Whether a score merges automatically at `threshold` (0 or above 1 switches automatic merging off). */
export function autoMerges(score: number, threshold: number): boolean {
  return threshold > 0 && threshold <= 1 && score >= threshold;
}

/**
 * Whether a pair may merge without a person at all, whatever its score: the same leaf category
 * and the same place — within NEAR_M metres, or the same area unit when a side has no point. Two
 * "blocked hydrant" reports 300 m apart score high on words, category and time, yet are two cars;
 * those stay proposals for a dispatcher.
 */
export function autoMergeEligible(e: Evidence): boolean {
  if (e.sameCategory !== true) return false;
  return e.metresApart !== null ? e.metresApart <= NEAR_M : e.sameArea === true;
}
