import { CompiledQuery, sql } from 'kysely';
import type { Conn } from '../../platform/db/index.js';

/** A case found through shared LSH buckets, with what exact scoring needs. */
export interface CandidateRow {
  id: string;
  number: string;
  status: string;
  description: string;
  title: string;
  lon: number | null;
  lat: number | null;
  category_id: number | null;
  area_unit_id: number | null;
  received_at: Date;
  hits: number;
}

/** Rows read per bucket: the most recent ones, so a bucket thousands of cases share stays cheap. */
export const PER_BUCKET = 20;
/** Candidates handed to exact scoring, those sharing the most buckets first. */
export const CANDIDATES = 40;

/*
 * One statement: optionally writes the new case's buckets ($7 under $3 = its id; a data-modifying CTE, whose
 * rows the same statement's reads do not see, so a case never finds itself), then reads, for each
 * bucket of the probe, the PER_BUCKET most recent rows inside the window through the
 * (bucket, received_at) index (index-only: case_id is included), and keeps open cases (not closed,
 * invalid or merged), ranked by the buckets they share, each weighted 1 / its rows read: a bucket
 * few cases share (a place name, a rare phrase) says more than one shared by the most recent
 * twenty (boilerplate such as 希望尽快处理), like IDF in text search. Only the best 3 × CANDIDATES
 * are looked up in `cases` (a primary-key probe each, the costly part at a million cases) to drop
 * closed ones and fetch what scoring needs. Work is bounded by
 * buckets × PER_BUCKET index entries, whatever the size of the table. $6 excludes a case (the one
 * asked about) from the answer.
 */
export const lookupSql = `with "ins" as (
    insert into "case_lsh" ("bucket", "received_at", "case_id")
    select "b", $2, $3::uuid from unnest($7::int8[]) as "b" where $3::uuid is not null
  ), "hits" as (
    select "l"."case_id", count(*)::int as "hits", sum(1.0 / "l"."n") as "weight",
      max("l"."received_at") as "last_at"
    from unnest($1::int8[]) as "q"("bucket")
    cross join lateral (
      select "case_id", "received_at", count(*) over () as "n" from (
        select "case_id", "received_at" from "case_lsh"
        where "bucket" = "q"."bucket" and "received_at" >= $4
        order by "received_at" desc limit ${PER_BUCKET}
      ) as "b"
    ) as "l"
    group by "l"."case_id"
    order by "weight" desc, "last_at" desc
    limit $5 * 3
  )
  select "c"."id", "c"."number", "c"."status", "c"."title", "c"."description", "c"."lon", "c"."lat",
    "c"."category_id", "c"."area_unit_id", "c"."received_at", "h"."hits"
  from "hits" as "h" join "cases" as "c" on "c"."id" = "h"."case_id"
  where "c"."status" not in ('closed', 'invalid', 'merged') and "c"."id" is distinct from $6::uuid
  order by "h"."weight" desc, "h"."last_at" desc
  limit $5`;

/**
 * Not a named prepared statement on purpose: PostgreSQL would keep the generic plan it made while
 * `case_lsh` was small (a sequential scan per bucket) for the connection's life, and intake fell from
 * 846 to 68 reports/s in bench:intake; planned per call it always takes the index (about 0.3 ms of
 * planning).
 *
 * Finds open cases sharing LSH buckets with `buckets` since `since`; when `insertFor` is given,
 * also indexes those buckets under that case id at `at`, in the same statement (intake's one
 * extra round trip).
 */
export async function lookupCandidates(
  db: Conn,
  args: {
    /** The buckets to look in. */
    buckets: number[];
    since: Date;
    at: Date;
    /** The case to index, under `indexBuckets` (a case is indexed under its own cell only). */
    insertFor: string | null;
    indexBuckets?: number[];
    exclude: string | null;
  },
): Promise<CandidateRow[]> {
  const { rows } = await db.executeQuery<CandidateRow>(
    CompiledQuery.raw(lookupSql, [
      args.buckets,
      args.at,
      args.insertFor,
      args.since,
      CANDIDATES,
      args.exclude,
      args.indexBuckets ?? [],
    ]),
  );
  return rows;
}

/** Indexes more text under a case (a report that joined it brings its own words). */
export async function insertBuckets(db: Conn, caseId: string, buckets: number[], at: Date): Promise<void> {
  if (buckets.length === 0) return;
  await sql`insert into case_lsh (bucket, received_at, case_id)
    select b, ${at}, ${caseId}::uuid from unnest(${buckets}::int8[]) as b`.execute(db);
}

/** Moves index rows written for a case that was never opened (the report joined another case). */
export async function moveBuckets(db: Conn, fromCaseId: string, toCaseId: string): Promise<void> {
  await db.updateTable('case_lsh').set({ case_id: toCaseId }).where('case_id', '=', fromCaseId).execute();
}

/** Deletes a case's index rows in these buckets (words that no longer belong to it). */
export async function deleteBuckets(db: Conn, caseId: string, buckets: number[]): Promise<void> {
  if (buckets.length === 0) return;
  await sql`delete from case_lsh where case_id = ${caseId}::uuid and bucket = any(${buckets}::int8[])`.execute(
    db,
  );
}

/** Deletes index rows older than `before`, at most `limit` (the pruning job's batch). */
export async function pruneBuckets(db: Conn, before: Date, limit: number): Promise<number> {
  const r = await sql`delete from case_lsh where ctid in (
      select ctid from case_lsh where received_at < ${before} limit ${limit})`.execute(db);
  return Number(r.numAffectedRows ?? 0);
}

/** The other case of every pair involving `caseId` that staff rejected. */
export async function rejectedPartners(db: Conn, caseId: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('merge_proposals')
    .select(['case_id', 'candidate_case_id'])
    .where('status', '=', 'rejected')
    .where((eb) => eb.or([eb('case_id', '=', caseId), eb('candidate_case_id', '=', caseId)]))
    .execute();
  return new Set(rows.map((r) => (r.case_id === caseId ? r.candidate_case_id : r.case_id)));
}

/** Records a decision on a pair (one row per ordered pair; a later decision replaces it). */
export async function upsertDecision(
  db: Conn,
  row: {
    caseId: string;
    candidateId: string;
    score: number;
    evidence: unknown;
    status: 'accepted' | 'rejected';
    userId: number;
    reason: string | null;
    at: Date;
  },
): Promise<void> {
  const values = {
    case_id: row.caseId,
    candidate_case_id: row.candidateId,
    score: row.score,
    evidence: JSON.stringify(row.evidence ?? {}),
    status: row.status,
    decided_by: row.userId,
    decided_at: row.at,
    reason: row.reason,
    created_at: row.at,
  };
  await db
    .insertInto('merge_proposals')
    .values(values)
    .onConflict((oc) =>
      oc.columns(['case_id', 'candidate_case_id']).doUpdateSet({
        score: values.score,
        evidence: values.evidence,
        status: values.status,
        decided_by: values.decided_by,
        decided_at: values.decided_at,
        reason: values.reason,
      }),
    )
    .execute();
}

/**
 * Records that staff merged `fromId` into `intoId`: the pair's row, whichever way round it was
 * written (a rejection may have been recorded from either case), becomes accepted; without a row,
 * one is written (from → into). Returns whether an existing row was updated.
 */
export async function acceptPair(
  db: Conn,
  row: {
    fromId: string;
    intoId: string;
    score: number;
    evidence: unknown;
    userId: number;
    reason: string | null;
    at: Date;
  },
): Promise<boolean> {
  const updated = await db
    .updateTable('merge_proposals')
    .set({ status: 'accepted', decided_by: row.userId, decided_at: row.at, reason: row.reason })
    .where((eb) =>
      eb.or([
        eb.and([eb('case_id', '=', row.fromId), eb('candidate_case_id', '=', row.intoId)]),
        eb.and([eb('case_id', '=', row.intoId), eb('candidate_case_id', '=', row.fromId)]),
      ]),
    )
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) > 0) return true;
  await upsertDecision(db, {
    caseId: row.fromId,
    candidateId: row.intoId,
    score: row.score,
    evidence: row.evidence,
    status: 'accepted',
    userId: row.userId,
    reason: row.reason,
    at: row.at,
  });
  return false;
}

/** Texts of the reports of a case (the words a later report may share with any of them). */
export async function reportTexts(db: Conn, caseId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('reports')
    .select('text')
    .where('case_id', '=', caseId)
    .orderBy('received_at')
    .limit(20)
    .execute();
  return rows.map((r) => r.text);
}
