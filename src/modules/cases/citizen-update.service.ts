import { sql } from 'kysely';
import type { Actor } from '../../platform/auth.js';
import { nowOf, type AppContext } from '../../platform/context.js';
import type { Tx } from '../../platform/db/index.js';
import { DomainError } from '../../platform/errors.js';
import { recordChange } from './cases.events.js';
import { lockCase } from './cases.repository.js';
import { assertInScope } from './cases.scope.js';

/** What a citizen (through a channel such as an Open311 client) adds to their case. */
export interface CitizenUpdate {
  /** The channel it came through, e.g. `open311`. */
  channel: string;
  /** The sender's own id for this update: a redelivery with the same id records nothing new. */
  externalId?: string | undefined;
  text: string;
  /** What the sender says the state is (e.g. FIXED, CLOSED, REOPEN): recorded, never applied. */
  claimedStatus?: string | undefined;
  /** When the sender says it happened (W3C datetime as sent). */
  claimedAt?: string | undefined;
  /** Who wrote it, already masked by the caller: the timeline is no place for contact details. */
  author?: { name?: string | undefined; email?: string | undefined; accountId?: string | undefined };
  mediaUrls?: readonly string[] | undefined;
}

/**
 * Records a citizen's update on a case: one public timeline entry (`citizen_update`) and its audit
 * entry in the caller's transaction. The case's status, version and deadlines stay as they are —
 * a citizen saying "fixed" or "closed" is evidence for the centre, not a decision: in the 12345
 * loop only the handling unit resolves (办结), and the centre verifies and closes after the 回访;
 * a reopen is the supervisor's 重办. Idempotent per (actor, externalId): the case row is locked
 * first, so two deliveries of the same update serialise and the second finds the first.
 */
export async function recordCitizenUpdate(
  ctx: AppContext,
  tx: Tx,
  actor: Actor,
  caseKey: string,
  update: CitizenUpdate,
): Promise<{ eventId: string; caseId: string; replayed: boolean }> {
  const row = await lockCase(tx, caseKey);
  await assertInScope(tx, actor, row);
  if (actor.role === 'leader') throw new DomainError('read_only_role', 'leaders have read-only access');
  if (update.text.trim() === '' && !update.mediaUrls?.length) {
    throw new DomainError('validation_failed', 'an update needs a description or media');
  }
  if (update.externalId) {
    const seen = await tx
      .selectFrom('case_events')
      .select('id')
      .where('case_id', '=', row.id)
      .where('action', '=', 'citizen_update')
      .where('actor_user_id', '=', actor.id)
      .where(sql<string>`data->>'externalId'`, '=', update.externalId)
      .executeTakeFirst();
    if (seen) return { eventId: seen.id, caseId: row.id, replayed: true };
  }
  const data = Object.fromEntries(
    Object.entries({
      channel: update.channel,
      externalId: update.externalId,
      text: update.text,
      claimedStatus: update.claimedStatus,
      claimedAt: update.claimedAt,
      author: update.author && Object.values(update.author).some(Boolean) ? update.author : undefined,
      mediaUrls: update.mediaUrls?.length ? update.mediaUrls : undefined,
    }).filter(([, v]) => v !== undefined),
  );
  const eventId = await recordChange(ctx, tx, {
    actor,
    action: 'citizen_update',
    before: row,
    after: row,
    data,
    at: nowOf(ctx),
  });
  return { eventId, caseId: row.id, replayed: false };
}
