import type { Hit } from './geo.automaton.js';
import type { Entry, ForeignPlace, Gazetteer, GazUnit } from './geo.gazetteer.js';
import { normalizeAddress } from './geo.normalize.js';

/**
 * Address → street/township and community of the configured district, from the gazetteer alone
 * (pure: no I/O, ~microseconds per address). How it decides:
 *
 * 1. Every name occurrence is found in one pass; an occurrence inside a longer one is dropped
 *    (西红门 inside 西红门一村, 黄村 inside 黄村东里), so the most specific reading wins.
 * 2. Candidates are (street, community?) pairs. A community names its street too; a street named
 *    alongside one of its communities strengthens both (noisy-or of the weights). A street named
 *    alone scores lower than a community, since a community is the more specific evidence:
 *    "黄村镇兴华东里" is 兴丰街道 (兴华东里's street), with 黄村 as the alternative.
 * 3. Confidence = best score, reduced by the strongest candidate for another street (fully when
 *    that candidate is a community — a true ambiguity such as 车站村 under two townships — by half
 *    when it is a bare street name).
 * 4. A name of another district, province or city decides "elsewhere" unless the address also
 *    names this district or a local name is stronger.
 */
export type ResolutionStatus = 'resolved' | 'district_only' | 'other_district' | 'unresolved';

export interface UnitRef {
  id: number;
  code: string;
  name: string;
}

export interface MatchedSpan {
  /** The span as written in the input. */
  text: string;
  start: number;
  end: number;
  kind: 'city' | 'district' | 'street' | 'community' | 'foreign' | 'coordinates';
  unitCode: string | null;
  weight: number;
}

export interface Alternative {
  street: UnitRef;
  community: UnitRef | null;
  confidence: number;
}

export interface Resolution {
  status: ResolutionStatus;
  street: UnitRef | null;
  community: UnitRef | null;
  /** Confidence of the street (0–1). */
  confidence: number;
  /** Confidence of the community (0 when none). */
  communityConfidence: number;
  matches: MatchedSpan[];
  alternatives: Alternative[];
  /** For other_district: where the address points instead (朝阳区, 河北省廊坊市…). */
  elsewhere: { name: string; region: string; level: ForeignPlace['level'] } | null;
}

/** Evidence that does not come from the text, e.g. the point lies in a unit's polygon. */
export interface ExtraEvidence {
  unit: GazUnit;
  weight: number;
}

interface LocalHit {
  unit: GazUnit;
  weight: number;
  span: MatchedSpan;
}

interface Pair {
  street: GazUnit;
  community: GazUnit | null;
  score: number;
  communityWeight: number;
}

const STREET_ONLY_FACTOR = 0.85;
const DISTRICT_BOOST = 0.3;
const MAX_ALTERNATIVES = 5;
const SHARPNESS = 10;

const round = (x: number) => Math.round(x * 1000) / 1000;
const noisyOr = (a: number, b: number) => 1 - (1 - a) * (1 - b);
const ref = (u: GazUnit): UnitRef => ({ id: u.id, code: u.code, name: u.name });

/** Drops hits that lie strictly inside a longer hit. Hits arrive ordered by end. */
function outermost<T>(hits: Array<Hit<T>>): Array<Hit<T>> {
  return hits.filter(
    (h) =>
      !hits.some((o) => o !== h && o.start <= h.start && o.end >= h.end && o.end - o.start > h.end - h.start),
  );
}

export function resolveAddress(gaz: Gazetteer, address: string, extra: ExtraEvidence[] = []): Resolution {
  const norm = normalizeAddress(address);
  const hits = outermost(gaz.automaton.search(norm.text));
  const span = (h: Hit<Entry>, kind: MatchedSpan['kind'], unitCode: string | null, weight: number) => {
    const start = norm.offsets[h.start]!;
    const last = norm.offsets[h.end - 1]!;
    const end = last + (address.codePointAt(last)! > 0xffff ? 2 : 1);
    return { text: address.slice(start, end), start, end, kind, unitCode, weight };
  };

  const streets = new Map<number, LocalHit>();
  const communities: LocalHit[] = [];
  const matches: MatchedSpan[] = [];
  let districtNamed = false;
  let foreign: { place: ForeignPlace; weight: number } | null = null;
  for (const h of hits) {
    let foreignSpan = false;
    for (const e of h.values) {
      if (e.kind === 'foreign') {
        if (!foreignSpan) matches.push(span(h, 'foreign', null, e.weight));
        foreignSpan = true;
        if (!foreign || e.weight > foreign.weight) foreign = { place: e.place, weight: e.weight };
        continue;
      }
      const s = span(h, e.unit.kind, e.unit.code, e.weight);
      matches.push(s);
      if (e.unit.kind === 'district') districtNamed = true;
      else if (e.unit.kind === 'street')
        keepBest(streets, e.unit.id, { unit: e.unit, weight: e.weight, span: s });
      else if (e.unit.kind === 'community') communities.push({ unit: e.unit, weight: e.weight, span: s });
    }
  }
  for (const x of extra) {
    const s: MatchedSpan = {
      text: '',
      start: 0,
      end: 0,
      kind: 'coordinates',
      unitCode: x.unit.code,
      weight: x.weight,
    };
    matches.push(s);
    // Independent evidence for a unit the text also names: the two combine (noisy-or).
    if (x.unit.kind === 'street') {
      const text = streets.get(x.unit.id);
      streets.set(x.unit.id, { unit: x.unit, weight: noisyOr(text?.weight ?? 0, x.weight), span: s });
    } else if (x.unit.kind === 'community') {
      const text = communities
        .filter((c) => c.unit.id === x.unit.id)
        .reduce((m, c) => Math.max(m, c.weight), 0);
      communities.push({ unit: x.unit, weight: noisyOr(text, x.weight), span: s });
    }
  }

  const pairs = candidatePairs(gaz, streets, communities, districtNamed);
  const best = pairs[0];
  const localScore = best?.score ?? 0;
  const base: Resolution = {
    status: 'unresolved',
    street: null,
    community: null,
    confidence: 0,
    communityConfidence: 0,
    matches,
    alternatives: [],
    elsewhere: null,
  };
  if (foreign && !districtNamed && (foreign.weight >= 0.9 || foreign.weight > localScore)) {
    const { name, region, level } = foreign.place;
    return {
      ...base,
      status: 'other_district',
      confidence: round(foreign.weight),
      elsewhere: { name, region, level },
      alternatives: pairs.slice(0, MAX_ALTERNATIVES).map((p) => alternative(p, p.score * 0.5)),
    };
  }
  if (!best) return districtNamed ? { ...base, status: 'district_only' } : base;

  const confidence = best.score * share(best, pairs, (p) => p.street.id !== best.street.id);
  let communityConfidence = 0;
  if (best.community) {
    const sameStreet = (p: Pair) => p.street.id === best.street.id && p.community !== null;
    // A community that alone names the street is as certain as the street; one named beside its
    // street is capped by its own weight.
    const own = districtNamed
      ? noisyOr(best.communityWeight, DISTRICT_BOOST * best.communityWeight)
      : best.communityWeight;
    communityConfidence = Math.min(confidence, own) * share(best, pairs, sameStreet, 'communityWeight');
  }
  const seen = new Set<Pair>([best]);
  const alternatives: Alternative[] = [];
  for (const p of pairs) {
    if (seen.has(p) || alternatives.length >= MAX_ALTERNATIVES) continue;
    // Per street only its best reading, plus other communities of the chosen street.
    if (p.street.id !== best.street.id && alternatives.some((a) => a.street.id === p.street.id)) continue;
    if (p.street.id === best.street.id && !p.community) continue;
    alternatives.push(
      alternative(p, p.score * Math.exp(SHARPNESS * (p.score - best.score)) * share(best, pairs, () => true)),
    );
  }
  return {
    ...base,
    status: 'resolved',
    street: ref(best.street),
    community: best.community ? ref(best.community) : null,
    confidence: round(confidence),
    communityConfidence: round(communityConfidence),
    alternatives,
  };
}

/**
 * The best reading's share against its rivals: 1 / (1 + Σ k·e^(β(rival − best))), one rival per
 * street (or per community), k = 1 for a community reading, ½ for a bare street name. Two equal
 * readings give ½; a rival 0.15 behind costs about a fifth.
 */
function share(
  best: Pair,
  pairs: Pair[],
  isRival: (p: Pair) => boolean,
  by: 'score' | 'communityWeight' = 'score',
): number {
  const seen = new Set<number>();
  let sum = 1;
  for (const p of pairs) {
    if (p === best || !isRival(p)) continue;
    const key = by === 'score' ? p.street.id : p.community!.id;
    if (seen.has(key)) continue;
    seen.add(key);
    sum += (p.community ? 1 : 0.5) * Math.exp(SHARPNESS * (p[by] - best[by]));
  }
  return 1 / sum;
}

function keepBest(map: Map<number, LocalHit>, id: number, hit: LocalHit): void {
  const prev = map.get(id);
  if (!prev || prev.weight < hit.weight) map.set(id, hit);
}

function alternative(p: Pair, confidence: number): Alternative {
  return {
    street: ref(p.street),
    community: p.community ? ref(p.community) : null,
    confidence: round(confidence),
  };
}

/** Every (street, community?) reading, best first. */
function candidatePairs(
  gaz: Gazetteer,
  streets: Map<number, LocalHit>,
  communities: LocalHit[],
  districtNamed: boolean,
): Pair[] {
  const boost = (x: number) => (districtNamed ? noisyOr(x, DISTRICT_BOOST * x) : x);
  const pairs: Pair[] = [];
  const withCommunity = new Set<number>();
  const bestPerCommunity = new Map<number, LocalHit>();
  for (const c of communities) keepBest(bestPerCommunity, c.unit.id, c);
  for (const c of bestPerCommunity.values()) {
    const street = c.unit.parentId === null ? undefined : gaz.units.get(c.unit.parentId);
    if (!street || street.kind !== 'street') continue;
    const named = streets.get(street.id)?.weight ?? 0;
    // Named together with its street, even a short community name (枣园) is credible.
    const communityWeight = Math.min(1, c.weight + 0.3 * named);
    pairs.push({ street, community: c.unit, score: boost(noisyOr(c.weight, named)), communityWeight });
    withCommunity.add(street.id);
  }
  for (const s of streets.values()) {
    if (withCommunity.has(s.unit.id)) continue;
    pairs.push({
      street: s.unit,
      community: null,
      score: boost(s.weight * STREET_ONLY_FACTOR),
      communityWeight: 0,
    });
  }
  return pairs.sort((a, b) => b.score - a.score || b.communityWeight - a.communityWeight);
}
