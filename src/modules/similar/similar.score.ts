import { compareNames, namesIn, type TermStats } from './similar.names.js';
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
/** The bar for the rest of the texts when they share a rare name (see scorePair). */
export const MIN_TEXT_WITH_NAME = 0.2;
/** The place part for a shared rare name when the pair has no coordinates to compare. */
export const NAME_PLACE = 1;
/** Where the rest of two texts that share a name counts in full (the name, their likeliest overlap, is out). */
export const TEXT_FULL_WITH_NAME = 0.5;
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
  /** Rare place or institution names both texts contain (counted as place when there are no coordinates). */
  sharedNames: string[];
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
  leadNorm: string;
  lead: Set<string> | null;
  /** Lead and text, where names are looked for. */
  both: string;
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
    r = {
      norm,
      set: shingles(norm),
      leadNorm: lead,
      lead: lead.length >= MIN_LEAD ? shingles(lead) : null,
      both: `${lead}|${norm}`,
    };
    preparedCache.set(p, r);
  }
  return r;
}

/** A probe's names under some statistics, kept like its shingles (a report scores every pair once per message). */
const namesCache = new WeakMap<Probe, { terms: TermStats | undefined; names: string[] }>();
function namesOf(p: Probe, terms: TermStats | undefined): string[] {
  const hit = namesCache.get(p);
  if (hit && hit.terms === terms) return hit.names;
  const names = namesIn(prepared(p).both, terms);
  namesCache.set(p, { terms, names });
  return names;
}

const leadNamesCache = new WeakMap<Probe, { terms: TermStats | undefined; names: string[] }>();
function leadNamesOf(p: Probe, terms: TermStats | undefined): string[] {
  const hit = leadNamesCache.get(p);
  if (hit && hit.terms === terms) return hit.names;
  const names = namesIn(prepared(p).leadNorm, terms);
  leadNamesCache.set(p, { terms, names });
  return names;
}

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

/** Bigrams of normalised text with the shared names cut out (they count as place, not as text). */
function shinglesWithout(norm: string, names: readonly string[]): Set<string> {
  const out = new Set<string>();
  let rest = norm;
  for (const n of names) rest = rest.replaceAll(n, '|');
  for (const piece of rest.split('|')) for (const s of shingles(piece)) if (piece.length > 1) out.add(s);
  return out;
}

/**
 * Scores a pair, or returns null when it is no candidate (texts too different, or both located
 * and more than FAR_M apart). `windowMs` is the look-back window the time part is measured in;
 * `terms`, the document frequencies that tell a rare name from a common phrase (without them no
 * name is recognised).
 *
 * When nothing else tells the place (no coordinates on both sides, no area unit on both), a rare
 * name both texts contain (similar.names.ts) is the place evidence — NAME_PLACE, as good as being
 * within NEAR_M — and the texts are compared without it, so "魅力之城 油烟扰民" and "魅力之城 楼板开裂"
 * share a place and no problem (text below the bar: no candidate), while two accounts of the
 * smoke at 魅力之城 need less in common than two reports from nowhere in particular. Subjects that
 * name two different places make no pair at all. Such pairs can never merge automatically
 * (autoMergeEligible wants the same area unit or 100 m), and where a place is known the name is
 * not consulted: area units and coordinates decide as before.
 */
export function scorePair(a: Probe, b: Probe, windowMs: number, terms?: TermStats): Scored | null {
  const pa = prepared(a);
  const pb = prepared(b);
  let metres: number | null = null;
  let sameArea: boolean | null = null;
  if (a.areaUnitId != null && b.areaUnitId != null) sameArea = a.areaUnitId === b.areaUnitId;
  const located = a.lon != null && a.lat != null && b.lon != null && b.lat != null;
  if (located) {
    metres = haversineMetres(a.lon!, a.lat!, b.lon!, b.lat!);
    if (metres > FAR_M) return null;
  }
  const named =
    located || sameArea !== null
      ? { shared: [], conflict: false }
      : compareNames(
          pa.both,
          pb.both,
          namesOf(a, terms),
          namesOf(b, terms),
          leadNamesOf(a, terms),
          leadNamesOf(b, terms),
        );
  // Two different named places and none in common: two problems, as two points more than FAR_M apart.
  if (named.conflict) return null;
  const names = named.shared;
  let [sa, sb, la, lb] = [pa.set, pb.set, pa.lead, pb.lead];
  if (names.length > 0) {
    sa = shinglesWithout(pa.norm, names);
    sb = shinglesWithout(pb.norm, names);
    la = pa.lead ? shinglesWithout(pa.leadNorm, names) : null;
    lb = pb.lead ? shinglesWithout(pb.leadNorm, names) : null;
  }
  const lead = la && lb && la.size > 0 && lb.size > 0 ? textSimilarity(la, lb) : null;
  const sim = Math.max(textSimilarity(sa, sb), lead ?? 0);
  if (sim < (names.length > 0 ? MIN_TEXT_WITH_NAME : MIN_TEXT_SIMILARITY)) return null;

  let place: number;
  if (metres !== null) place = metres <= NEAR_M ? 1 : 1 - (metres - NEAR_M) / (FAR_M - NEAR_M);
  else if (names.length > 0) place = NAME_PLACE;
  else place = sameArea === null ? 0.4 : sameArea ? 0.6 : 0;
  const sameCategory = a.categoryId != null && b.categoryId != null ? a.categoryId === b.categoryId : null;
  const gapMs = Math.abs(a.at.getTime() - b.at.getTime());
  const time = Math.max(0, 1 - gapMs / windowMs);
  const score =
    WEIGHTS.text * Math.min(1, sim / (names.length > 0 ? TEXT_FULL_WITH_NAME : TEXT_FULL)) +
    WEIGHTS.place * place +
    WEIGHTS.category * (sameCategory ? 1 : 0) +
    WEIGHTS.time * time;
  return {
    score: round(score, 3),
    evidence: {
      textSimilarity: round(sim, 3),
      leadSimilarity: lead === null ? null : round(lead, 3),
      sharedPhrases: sharedPhrases(pa.norm, pb.set),
      sharedNames: names,
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
