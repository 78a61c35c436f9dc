import { sql } from 'kysely';
import type { AppContext } from '../../platform/context.js';
import type { Conn } from '../../platform/db/index.js';
import { countTerms, termStats, type TermStats } from './similar.names.js';
import { leadOf, normalise } from './similar.text.js';

/**
 * Bigram document frequencies for telling a rare name from a common phrase (similar.names.ts),
 * counted by a job over the most recent cases and held in memory on every node: intake reads no
 * table for them, so a report still costs one statement.
 */

/** Cases counted: enough for a city's vocabulary, bounded whatever the size of `cases`. */
export const TERM_SAMPLE = 20_000;
/** How long a node keeps what it read before reading again (the job recounts every six hours). */
const CACHE_MS = 10 * 60_000;

/** Counts the bigrams of the latest TERM_SAMPLE cases (title and description) and replaces the table. */
export async function recountTerms(db: Conn, at: Date): Promise<number> {
  const rows = await db
    .selectFrom('cases')
    .select(['title', 'description'])
    .orderBy('received_at', 'desc')
    .limit(TERM_SAMPLE)
    .execute();
  const { docs, df } = countTerms(
    rows.map((r) => normalise(`${leadOf(r.description, r.title)}|${r.description}`)),
  );
  const kept = [...df].filter(([, n]) => n >= 2);
  await db.deleteFrom('similar_terms').execute();
  for (let i = 0; i < kept.length; i += 5000) {
    const chunk = kept.slice(i, i + 5000);
    await sql`insert into similar_terms (bigram, df)
      select * from unnest(${chunk.map(([g]) => g)}::text[], ${chunk.map(([, n]) => n)}::int[])`.execute(db);
  }
  await db
    .insertInto('similar_term_docs')
    .values({ id: true, docs, counted_at: at })
    .onConflict((oc) => oc.column('id').doUpdateSet({ docs, counted_at: at }))
    .execute();
  return docs;
}

/** When the table was last counted (null: never). */
export async function termsCountedAt(db: Conn): Promise<Date | null> {
  const row = await db.selectFrom('similar_term_docs').select('counted_at').executeTakeFirst();
  return row?.counted_at ?? null;
}

async function loadTerms(db: Conn): Promise<TermStats> {
  const head = await db.selectFrom('similar_term_docs').select('docs').executeTakeFirst();
  if (!head) return termStats({ docs: 0, df: new Map() });
  const rows = await db.selectFrom('similar_terms').select(['bigram', 'df']).execute();
  return termStats({ docs: head.docs, df: new Map(rows.map((r) => [r.bigram, r.df])) });
}

interface Cached {
  stats: TermStats;
  at: number;
  refreshing: boolean;
}
const cache = new WeakMap<AppContext, Cached>();
/** First reads in flight: the reports that arrive together at start-up share one read. */
const loading = new WeakMap<AppContext, Promise<TermStats>>();

/**
 * The document frequencies this node holds. The first call reads them through `db` (the caller's
 * transaction, if any); later calls answer from memory and, once CACHE_MS old, reread them in the
 * background through the pool, so no report waits for it.
 */
export async function termsFor(ctx: AppContext, db: Conn): Promise<TermStats> {
  const hit = cache.get(ctx);
  if (!hit) {
    let first = loading.get(ctx);
    if (!first) {
      first = loadTerms(db).then(
        (stats) => {
          cache.set(ctx, { stats, at: Date.now(), refreshing: false });
          loading.delete(ctx);
          return stats;
        },
        (err: unknown) => {
          loading.delete(ctx);
          throw err;
        },
      );
      loading.set(ctx, first);
    }
    return first;
  }
  if (Date.now() - hit.at > CACHE_MS && !hit.refreshing) {
    hit.refreshing = true;
    loadTerms(ctx.db)
      .then((stats) => cache.set(ctx, { stats, at: Date.now(), refreshing: false }))
      .catch(() => {
        hit.refreshing = false;
      });
  }
  return hit.stats;
}

/** Drops what this node holds (after a recount here: the next report reads the new counts). */
export function forgetTerms(ctx: AppContext): void {
  cache.delete(ctx);
  loading.delete(ctx);
}
