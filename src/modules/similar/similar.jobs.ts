import { sql } from 'kysely';
import type { Job } from '../module.js';
import { pruneBuckets } from './similar.repository.js';
import { forgetTerms, recountTerms, termsCountedAt } from './similar.terms.js';

/** Rows deleted per batch (the runner calls again at once while a batch was full). */
const BATCH = 10_000;

/**
 * Keeps the text index to "open and recent": rows older than the look-back window (plus a day)
 * can never be a candidate again, so they go. Deleting by age through the BRIN index is cheap and
 * safe on several nodes (two runners at worst delete the same old rows twice).
 */
export const pruneSimilarIndexJob: Job = {
  name: 'similar.prune-index',
  everyMs: () => 3600_000,
  async run(ctx) {
    const before = new Date(Date.now() - (ctx.config.SIMILAR_WINDOW_DAYS + 1) * 86_400_000);
    const n = await pruneBuckets(ctx.db, before, BATCH);
    return n >= BATCH ? n : 0;
  },
};

/** How often the bigram document frequencies are recounted. */
const RECOUNT_MS = 6 * 3600_000;

/**
 * Recounts the bigram document frequencies of the latest cases (similar.terms.ts), at boot and every
 * six hours; a node that finds a count younger than half that leaves it (several nodes, one count).
 * Returns 0: one pass is one batch.
 */
export const countSimilarTermsJob: Job = {
  name: 'similar.count-terms',
  everyMs: () => RECOUNT_MS,
  async run(ctx) {
    const counted = await ctx.db.transaction().execute(async (tx) => {
      // One count at a time across nodes: the second waits here, then finds the fresh count.
      await sql`lock table similar_term_docs in exclusive mode`.execute(tx);
      const last = await termsCountedAt(tx);
      if (last && Date.now() - last.getTime() < RECOUNT_MS / 2) return false;
      await recountTerms(tx, new Date());
      return true;
    });
    if (counted) forgetTerms(ctx);
    return 0;
  },
};
