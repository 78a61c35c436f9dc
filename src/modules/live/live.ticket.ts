import { randomBytes } from 'node:crypto';
import { hashToken } from '../../platform/auth.js';
import type { Conn } from '../../platform/db/index.js';

/**
 * Tickets for the live feed. EventSource cannot send an Authorization header, and the session token
 * must not travel in a URL (it would end up in access logs and the browser history), so the console
 * trades its token for a ticket (POST /api/live/ticket) and opens GET /api/live?ticket=…. A ticket is
 * random, kept only as its hash beside the session it stands for (so any node can take it, and logging
 * out drops it), expires after TICKET_TTL_MS and is consumed by the stream that opens with it: a ticket
 * read from a log afterwards opens nothing.
 */
export const TICKET_TTL_MS = 60_000;

/** A new ticket for the session whose token hash is given. */
export async function issueTicket(
  db: Conn,
  tokenHash: string,
  now = new Date(),
): Promise<{ ticket: string; expiresAt: Date }> {
  const ticket = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + TICKET_TTL_MS);
  await db.deleteFrom('live_tickets').where('expires_at', '<', now).execute();
  await db
    .insertInto('live_tickets')
    .values({ ticket_hash: hashToken(ticket), token_hash: tokenHash, expires_at: expiresAt })
    .execute();
  return { ticket, expiresAt };
}

/** Consumes a ticket: the token hash of its session, or null when unknown, used or expired. */
export async function redeemTicket(db: Conn, ticket: string, now = new Date()): Promise<string | null> {
  const row = await db
    .deleteFrom('live_tickets')
    .where('ticket_hash', '=', hashToken(ticket))
    .returning(['token_hash', 'expires_at'])
    .executeTakeFirst();
  return row && new Date(row.expires_at) > now ? row.token_hash : null;
}
