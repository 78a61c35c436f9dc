import { createHmac } from 'node:crypto';
import { hashToken } from '../../platform/auth.js';

/** Crockford's base32: no I, L, O or U, so a code read out over the phone is not misheard. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const CODE_LENGTH = 12;

/**
 * The tracking code of a self-service report: 12 base32 characters (60 bits) from an HMAC of the
 * report id under the deployment's secret. Derived rather than drawn so that an Idempotency-Key
 * replay can show the same code again without the code being stored anywhere: the report keeps
 * only its hash, and without the secret the code cannot be guessed from the id.
 */
export function trackingCodeFor(secret: string, reportId: string): string {
  const mac = createHmac('sha256', secret).update(`zhicheng/tracking-code/v1:${reportId}`).digest();
  let bits = 0n;
  for (const byte of mac.subarray(0, 8)) bits = (bits << 8n) | BigInt(byte);
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i++) code += ALPHABET[Number((bits >> BigInt(5 * i)) & 31n)];
  return `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8)}`;
}

/** What people type back: any case, with or without dashes and spaces, I/L for 1 and O for 0. */
export function normalizeTrackingCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '').replace(/[IL]/g, '1').replace(/O/g, '0');
}

/** The hash a report keeps of its tracking code. */
export function trackingCodeHash(code: string): string {
  return hashToken(normalizeTrackingCode(code));
}

/** Whether a stored phone number ends with the four digits given (separators ignored). */
export function phoneEndsWith(phone: string | null, last4: string): boolean {
  const digits = (phone ?? '').replace(/\D/g, '');
  return digits.length >= 4 && digits.endsWith(last4);
}

/** The digits of a phone number, to tell two reporters' numbers apart. */
export function phoneDigits(phone: string | null): string {
  return (phone ?? '').replace(/\D/g, '');
}
