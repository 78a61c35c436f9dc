import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Tickets for the live feed. EventSource cannot send an Authorization header, and the session token
 * must not travel in a URL (it would end up in access logs and the browser history), so the console
 * trades its token for a ticket (POST /api/live/ticket) and opens GET /api/live?ticket=…. A ticket
 * names the session by the hash the server already stores, expires after TICKET_TTL_MS, and is signed
 * with a key derived from AUDIT_SECRET; the session is looked up again when the stream opens and
 * every minute after, so logging out ends the stream. A leaked ticket is worth one short reconnect
 * window and never the session itself.
 */
export const TICKET_TTL_MS = 60_000;

function key(secret: string): Buffer {
  return createHmac('sha256', secret).update('zhicheng live ticket v1').digest();
}

function sign(secret: string, payload: string): string {
  return createHmac('sha256', key(secret)).update(payload).digest('base64url');
}

/** A ticket for the session whose token hash is given, valid until now + TICKET_TTL_MS. */
export function issueTicket(
  secret: string,
  tokenHash: string,
  now = Date.now(),
): { ticket: string; expiresAt: Date } {
  const expiresAt = new Date(now + TICKET_TTL_MS);
  const payload = `${tokenHash}.${expiresAt.getTime().toString(36)}`;
  return { ticket: `${payload}.${sign(secret, payload)}`, expiresAt };
}

/** The session token hash a ticket names, or null when it is malformed, forged or expired. */
export function readTicket(secret: string, ticket: string, now = Date.now()): string | null {
  const parts = ticket.split('.');
  if (parts.length !== 3) return null;
  const [hash, exp, sig] = parts as [string, string, string];
  if (!/^[0-9a-f]{64}$/.test(hash)) return null;
  const expected = Buffer.from(sign(secret, `${hash}.${exp}`));
  const given = Buffer.from(sig);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  const expiresAt = parseInt(exp, 36);
  if (!Number.isFinite(expiresAt) || expiresAt <= now) return null;
  return hash;
}
