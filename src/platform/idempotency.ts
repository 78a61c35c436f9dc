import { createHash } from 'node:crypto';
import type { Db, Tx } from './db/index.js';
import { canonicalJson } from './audit.js';
import { DomainError } from './errors.js';

/** The answer of the work, or the stored one replayed (same status and body as the first time). */
export interface StoredResponse<S extends number = number, B = unknown> {
  status: S;
  body: B;
  replayed: boolean;
}

/**
 * Runs `fn` at most once per (scope, Idempotency-Key). The key row is written in the same
 * transaction as the work, so a concurrent duplicate blocks on the key's unique index until the
 * first commits, then replays its stored response; if the first fails, nothing is stored and a
 * retry runs afresh. The same key with a different request body is refused.
 */
export async function idempotent<S extends number, B>(
  db: Db,
  scope: string,
  key: string | undefined,
  request: unknown,
  fn: (tx: Tx) => Promise<{ status: S; body: B }>,
): Promise<StoredResponse<S, B>> {
  if (!key) return db.transaction().execute(async (tx) => ({ ...(await fn(tx)), replayed: false }));
  if (key.length > 200)
    throw new DomainError('validation_failed', 'Idempotency-Key is at most 200 characters');
  const requestHash = createHash('sha256').update(canonicalJson(request)).digest('hex');
  return db.transaction().execute(async (tx) => {
    const claimed = await tx
      .insertInto('idempotency_keys')
      .values({ scope, key, request_hash: requestHash, status_code: 0, response: 'null' })
      .onConflict((oc) => oc.doNothing())
      .returning('key')
      .executeTakeFirst();
    if (!claimed) {
      const stored = await tx
        .selectFrom('idempotency_keys')
        .selectAll()
        .where('scope', '=', scope)
        .where('key', '=', key)
        .executeTakeFirstOrThrow();
      if (stored.request_hash !== requestHash) {
        throw new DomainError(
          'idempotency_conflict',
          'this Idempotency-Key was used for a different request',
        );
      }
      // Stored by this same route from a body of this type.
      return { status: stored.status_code as S, body: stored.response as B, replayed: true };
    }
    const result = await fn(tx);
    await tx
      .updateTable('idempotency_keys')
      .set({ status_code: result.status, response: JSON.stringify(result.body) })
      .where('scope', '=', scope)
      .where('key', '=', key)
      .execute();
    return { ...result, replayed: false };
  });
}
