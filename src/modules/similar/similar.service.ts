import type { AppContext } from '../../platform/context.js';
import type { Conn } from '../../platform/db/index.js';
import type { CaseRow } from '../../platform/db/schema.js';
import {
  autoMergeEligible,
  autoMerges,
  PROPOSE_SCORE,
  scorePair,
  type Evidence,
  type Probe,
} from './similar.score.js';
import {
  acceptPair,
  deleteBuckets,
  insertBuckets,
  lookupCandidates,
  moveBuckets,
  upsertDecision,
  type CandidateRow,
} from './similar.repository.js';
import { nameBuckets, namesIn, type TermStats } from './similar.names.js';
import { termsFor } from './similar.terms.js';
import { BANDS, cellsOf, leadOf, normalise, textBuckets } from './similar.text.js';

/** One proposed merge: an open case that is probably the same problem, with the evidence. */
export interface Proposal {
  caseId: string;
  number: string;
  status: string;
  receivedAt: string;
  score: number;
  evidence: Evidence;
}

/** What intake learns about a new report: its best proposals and, maybe, the case it joins by itself. */
export interface IntakeSimilar {
  proposals: Proposal[];
  autoMerge: Proposal | null;
}

/**
 * The buckets a probe looks in and the ones it is indexed under: the same text buckets; lead
 * buckets keyed by its map cell (indexed) and the neighbouring cells (looked up) when it has
 * coordinates, plus the unkeyed lead buckets of cases filed without a place. A probe without
 * coordinates also gets one bucket per rare name it contains (similar.names.ts; none until the terms
 * have been counted): where there is no point, the name is what says where. A located probe gets
 * none — its cell-keyed buckets already find its neighbourhood, and a name bucket spanning the
 * city would only add rows to read.
 */
export function probeBuckets(probe: Probe, terms?: TermStats): { lookup: number[]; index: number[] } {
  const lead = leadOf(probe.text, probe.title);
  if (probe.lon == null || probe.lat == null) {
    const names = nameBuckets(namesIn(normalise(`${lead}|${probe.text}`), terms));
    const all = [...textBuckets(probe.text, lead), ...names];
    return { lookup: all, index: all };
  }
  const index = textBuckets(probe.text, lead, cellsOf(probe.lon, probe.lat, false));
  const near = textBuckets(probe.text, lead, cellsOf(probe.lon, probe.lat, true));
  const unplaced = textBuckets(probe.text, lead).slice(BANDS);
  return { lookup: [...near, ...unplaced], index };
}

/** Proposals kept per report at intake. */
export const TOP_AT_INTAKE = 3;

const windowMs = (ctx: AppContext) => ctx.config.SIMILAR_WINDOW_DAYS * 86_400_000;

function candidateProbe(r: CandidateRow): Probe {
  return {
    text: r.description,
    title: r.title,
    lon: r.lon,
    lat: r.lat,
    categoryId: r.category_id,
    areaUnitId: r.area_unit_id,
    at: r.received_at,
  };
}

/** The probe of an existing case (what the similar route compares other cases with). */
export function caseProbe(row: CaseRow): Probe {
  return {
    text: row.description,
    title: row.title,
    lon: row.lon,
    lat: row.lat,
    categoryId: row.category_id,
    areaUnitId: row.area_unit_id,
    at: row.received_at,
  };
}

/** Scores candidate rows exactly and keeps those worth proposing, best first. */
export function rankCandidates(
  ctx: AppContext,
  probe: Probe,
  rows: readonly CandidateRow[],
  skip: ReadonlySet<string> = new Set(),
  terms?: TermStats,
): Proposal[] {
  const out: Proposal[] = [];
  for (const r of rows) {
    if (skip.has(r.id)) continue;
    const s = scorePair(probe, candidateProbe(r), windowMs(ctx), terms);
    if (!s || s.score < PROPOSE_SCORE) continue;
    out.push({
      caseId: r.id,
      number: r.number,
      status: r.status,
      receivedAt: r.received_at.toISOString(),
      score: s.score,
      evidence: s.evidence,
    });
  }
  return out.sort((a, b) => b.score - a.score || b.receivedAt.localeCompare(a.receivedAt));
}

/**
 * At intake, before a case is opened: indexes the report's text under the case id it will get
 * (one statement that also finds the candidates), scores them, keeps the best TOP_AT_INTAKE and
 * names the one to join automatically — the best, when its score reaches SIMILAR_AUTO_MERGE_SCORE
 * and both cases have the same category and place (an automatic decision never crosses categories
 * or streets: see `autoMergeEligible`).
 */
export async function similarAtIntake(
  ctx: AppContext,
  tx: Conn,
  probe: Probe,
  newCaseId: string,
): Promise<IntakeSimilar> {
  const terms = await termsFor(ctx, tx);
  const { lookup, index } = probeBuckets(probe, terms);
  if (lookup.length === 0) return { proposals: [], autoMerge: null };
  const rows = await lookupCandidates(tx, {
    buckets: lookup,
    since: new Date(probe.at.getTime() - windowMs(ctx)),
    at: probe.at,
    insertFor: newCaseId,
    indexBuckets: index,
    exclude: null,
  });
  const proposals = rankCandidates(ctx, probe, rows, new Set(), terms).slice(0, TOP_AT_INTAKE);
  const best = proposals[0];
  const auto =
    best && autoMergeEligible(best.evidence) && autoMerges(best.score, ctx.config.SIMILAR_AUTO_MERGE_SCORE)
      ? best
      : null;
  return { proposals, autoMerge: auto };
}

/**
 * A report joined an existing case: its words now find that case too. When intake had already
 * indexed them under the case it did not open (`indexedAs`), the rows move; otherwise they are added.
 */
export async function reportJoined(
  tx: Conn,
  args: { targetId: string; text: string; at: Date; indexedAs: string | null },
): Promise<void> {
  if (args.indexedAs) await moveBuckets(tx, args.indexedAs, args.targetId);
  else await insertBuckets(tx, args.targetId, textBuckets(args.text), args.at);
}

/**
 * Staff merged case `from` into `into` (the `merge` action, in its transaction): the pair is
 * recorded as accepted in `merge_proposals` (either way round, with the score and evidence as they
 * stand), and `from`'s index rows move to `into`, so later reports in the words of the merged case
 * find the case that lives on instead of one the lookup drops as merged.
 */
export async function caseMerged(
  ctx: AppContext,
  tx: Conn,
  args: { from: CaseRow; into: CaseRow; userId: number; reason: string | null; at: Date },
): Promise<void> {
  const scored = scorePair(
    caseProbe(args.from),
    caseProbe(args.into),
    windowMs(ctx),
    await termsFor(ctx, tx),
  );
  await acceptPair(tx, {
    fromId: args.from.id,
    intoId: args.into.id,
    score: scored?.score ?? 0,
    evidence: scored?.evidence ?? {},
    userId: args.userId,
    reason: args.reason,
    at: args.at,
  });
  await moveBuckets(tx, args.from.id, args.into.id);
}

/**
 * Staff split a report out of case `from` into the new case `into` (the `split` action, in its
 * transaction). The report's words stop finding `from`: the index rows its text (and its place)
 * would have written under `from` go, except those the words that stay — the case's own and its
 * other reports' — would write too; the new case is indexed as intake indexes a new case. The pair
 * is recorded as rejected, so it is never proposed for merging again.
 */
export async function reportSplit(
  ctx: AppContext,
  tx: Conn,
  args: {
    from: CaseRow;
    into: CaseRow;
    /** The report that left, and the reports that stay with `from`. */
    report: { text: string; lon: number | null; lat: number | null };
    staying: ReadonlyArray<{ text: string; lon: number | null; lat: number | null }>;
    userId: number;
    reason: string | null;
    at: Date;
  },
): Promise<void> {
  const terms = await termsFor(ctx, tx);
  const wordsOf = (r: { text: string; lon: number | null; lat: number | null }) => [
    ...textBuckets(r.text),
    ...probeBuckets({ ...caseProbe(args.from), text: r.text, title: null, lon: r.lon, lat: r.lat }, terms)
      .index,
  ];
  const keep = new Set([
    ...probeBuckets(caseProbe(args.from), terms).index,
    ...args.staying.flatMap(wordsOf),
  ]);
  const gone = [...new Set(wordsOf(args.report))].filter((b) => !keep.has(b));
  await deleteBuckets(tx, args.from.id, gone);
  const probe = caseProbe(args.into);
  await insertBuckets(tx, args.into.id, probeBuckets(probe, terms).index, probe.at);
  const scored = scorePair(probe, caseProbe(args.from), windowMs(ctx), terms);
  await upsertDecision(tx, {
    caseId: args.into.id,
    candidateId: args.from.id,
    score: scored?.score ?? 0,
    evidence: scored?.evidence ?? {},
    status: 'rejected',
    userId: args.userId,
    reason: args.reason,
    at: args.at,
  });
}

/** Live proposals for an existing case: open cases in the window around it, rejected pairs left out. */
export async function proposalsFor(
  ctx: AppContext,
  db: Conn,
  row: CaseRow,
  skip: ReadonlySet<string>,
): Promise<Proposal[]> {
  const probe = caseProbe(row);
  const terms = await termsFor(ctx, db);
  const { lookup } = probeBuckets(probe, terms);
  if (lookup.length === 0) return [];
  const rows = await lookupCandidates(db, {
    buckets: lookup,
    since: new Date(probe.at.getTime() - windowMs(ctx)),
    at: probe.at,
    insertFor: null,
    exclude: row.id,
  });
  return rankCandidates(ctx, probe, rows, skip, terms);
}
