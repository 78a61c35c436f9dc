import { sql } from 'kysely';
import type { Conn } from '../../platform/db/index.js';
import type { ArticleRow } from './knowledge.repository.js';

/**
 * BM25's corpus figures — how many articles search may offer and their average length — kept in
 * `knowledge_corpus` (migrations/0020_knowledge_corpus.ts) by the transaction that writes the
 * article, instead of counted over every live article on every search.
 *
 * What is kept: per (expiry, category), the count and summed doc_length of the *published* articles.
 * What search reads: the sum over the rows whose expiry is after the search's instant, so an
 * article leaves the figures the moment it expires, exactly as it leaves the postings (the same
 * `valid_until > at`), with nothing to run at expiry. The figures live in the database, written
 * under the article's row lock and the figure rows' own locks, so any number of processes sharing
 * it read the same committed values; there is no cache to go stale.
 */

/** What one article adds to the figures: nothing unless published. */
export interface CorpusShare {
  validUntil: Date | null;
  categoryId: number | null;
  length: number;
}

export function corpusShare(row: ArticleRow): CorpusShare | null {
  if (row.status !== 'published') return null;
  return { validUntil: row.valid_until, categoryId: row.category_id, length: row.doc_length };
}

const keyOf = (s: CorpusShare) => [s.validUntil?.getTime() ?? Infinity, s.categoryId ?? 0] as const;

/**
 * Moves an article's share of the figures from what it was to what it is (either may be null: not
 * published), in the caller's transaction. At most two rows change, always in key order, so two
 * writers never wait on each other's rows in opposite orders. A row whose count reaches zero goes.
 */
export async function moveCorpusShare(db: Conn, before: CorpusShare | null, after: CorpusShare | null) {
  const changes: Array<{ at: CorpusShare; docs: number; length: number }> = [];
  if (before) changes.push({ at: before, docs: -1, length: -before.length });
  if (after) {
    const same = changes.find((c) => keyOf(c.at).every((k, i) => k === keyOf(after)[i]));
    if (same) {
      same.docs += 1;
      same.length += after.length;
    } else changes.push({ at: after, docs: 1, length: after.length });
  }
  changes.sort((a, b) => keyOf(a.at)[0] - keyOf(b.at)[0] || keyOf(a.at)[1] - keyOf(b.at)[1]);
  for (const c of changes) {
    if (c.docs === 0 && c.length === 0) continue;
    const until = sql`coalesce(${c.at.validUntil}::timestamptz, 'infinity')`;
    const category = sql`${c.at.categoryId}::integer`;
    if (c.docs > 0) {
      await sql`insert into knowledge_corpus (valid_until, category_id, docs, length_sum)
        values (${until}, ${category}, ${c.docs}, ${c.length})
        on conflict (valid_until, category_id) do update
        set docs = knowledge_corpus.docs + excluded.docs,
            length_sum = knowledge_corpus.length_sum + excluded.length_sum`.execute(db);
    } else {
      // A share leaving (or changing length in) its row: the row is there, the article was in it.
      await sql`update knowledge_corpus set docs = docs + ${c.docs}, length_sum = length_sum + ${c.length}
        where valid_until = ${until} and category_id is not distinct from ${category}`.execute(db);
      await sql`delete from knowledge_corpus
        where valid_until = ${until} and category_id is not distinct from ${category} and docs = 0`.execute(
        db,
      );
    }
  }
}

/**
 * How many articles search may offer at `at` (published, not expired; in `categoryCode`'s branch
 * when given) and their average length. Reads the figure rows, never the articles.
 */
export async function corpusStats(db: Conn, at: Date, categoryCode?: string) {
  let q = db.selectFrom('knowledge_corpus as s').where('s.valid_until', '>', at);
  if (categoryCode) {
    q = q
      .innerJoin('categories as c', 'c.id', 's.category_id')
      .where((eb) => eb.or([eb('c.code', '=', categoryCode), eb('c.code', 'like', `${categoryCode}-%`)]));
  }
  const row = await q
    .select((eb) => [
      eb.fn.coalesce(eb.fn.sum<string>('s.docs'), sql<string>`0`).as('docs'),
      eb.fn.coalesce(eb.fn.sum<string>('s.length_sum'), sql<string>`0`).as('length'),
    ])
    .executeTakeFirstOrThrow();
  const docs = Number(row.docs);
  return { docs, avgLength: docs > 0 ? Number(row.length) / docs : 0 };
}
