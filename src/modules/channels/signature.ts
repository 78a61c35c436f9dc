import { createHmac, timingSafeEqual } from 'node:crypto';
import { DomainError } from '../../platform/errors.js';

/**
 * The webhook signature scheme, both ways: inbound deliveries are checked with `verify`, callbacks
 * to a channel's callback_url are signed with `sign` (or `signedHeaders`) and the same secret.
 *
 *   X-Zhicheng-Timestamp: <unix seconds>
 *   X-Zhicheng-Signature: sha256=<hex HMAC-SHA256(secret, timestamp + "." + raw body)>
 *
 * The key is the secret string as issued (its ASCII bytes). The timestamp is signed with the body
 * so a captured delivery cannot be replayed once it is more than MAX_SKEW_SECONDS old.
 */
export const TIMESTAMP_HEADER = 'x-zhicheng-timestamp';
export const SIGNATURE_HEADER = 'x-zhicheng-signature';
export const MAX_SKEW_SECONDS = 300;

/** `sha256=<hex>` over `<timestamp>.<body>`. */
export function sign(secret: string, timestamp: number | string, body: Buffer | string): string {
  const mac = createHmac('sha256', secret).update(`${timestamp}.`).update(body).digest('hex');
  return `sha256=${mac}`;
}

/** The two headers for a signed POST of `body`, timestamped `now`. */
export function signedHeaders(
  secret: string,
  body: Buffer | string,
  now = new Date(),
): { 'x-zhicheng-timestamp': string; 'x-zhicheng-signature': string } {
  const timestamp = Math.floor(now.getTime() / 1000);
  return { 'x-zhicheng-timestamp': String(timestamp), 'x-zhicheng-signature': sign(secret, timestamp, body) };
}

type HeaderValue = string | string[] | undefined;

function single(value: HeaderValue): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/**
 * Checks a delivery's signature headers against `body` (the exact bytes received): 401
 * `signature_invalid` when a header is missing or malformed or the MAC does not match (compared in
 * constant time), 401 `signature_expired` when an authentic delivery is more than
 * MAX_SKEW_SECONDS away from `now` — so a stale timestamp is only reported to its real sender.
 */
export function verify(
  secret: string,
  headers: { timestamp: HeaderValue; signature: HeaderValue },
  body: Buffer,
  now = new Date(),
): void {
  const timestamp = single(headers.timestamp)?.trim();
  const signature = single(headers.signature)?.trim();
  if (!timestamp || !signature) {
    throw new DomainError('signature_invalid', 'X-Zhicheng-Timestamp and X-Zhicheng-Signature are required');
  }
  if (!/^\d{1,12}$/.test(timestamp)) {
    throw new DomainError('signature_invalid', 'X-Zhicheng-Timestamp must be unix seconds');
  }
  const m = /^sha256=([0-9a-fA-F]{64})$/.exec(signature);
  if (!m) throw new DomainError('signature_invalid', 'X-Zhicheng-Signature must be sha256=<64 hex digits>');
  const expected = Buffer.from(sign(secret, timestamp, body).slice('sha256='.length), 'hex');
  if (!timingSafeEqual(expected, Buffer.from(m[1]!, 'hex'))) {
    throw new DomainError('signature_invalid', 'signature does not match');
  }
  const skew = Math.abs(Math.floor(now.getTime() / 1000) - Number(timestamp));
  if (skew > MAX_SKEW_SECONDS) {
    throw new DomainError('signature_expired', `timestamp is more than ${MAX_SKEW_SECONDS} s away from now`, {
      maxSkewSeconds: MAX_SKEW_SECONDS,
    });
  }
}
