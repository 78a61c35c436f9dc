import { describe, expect, it } from 'vitest';
import {
  normalizeTrackingCode,
  phoneEndsWith,
  trackingCodeFor,
  trackingCodeHash,
} from './selfservice.codes.js';

describe('tracking codes', () => {
  it('are stable per report and secret, and differ between reports and secrets', () => {
    const a = trackingCodeFor('secret-one', '0190f0a4-0000-7000-8000-000000000001');
    expect(a).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(trackingCodeFor('secret-one', '0190f0a4-0000-7000-8000-000000000001')).toBe(a);
    expect(trackingCodeFor('secret-one', '0190f0a4-0000-7000-8000-000000000002')).not.toBe(a);
    expect(trackingCodeFor('secret-two', '0190f0a4-0000-7000-8000-000000000001')).not.toBe(a);
  });

  it('match however they are typed back', () => {
    expect(normalizeTrackingCode(' ab1o-il0x ')).toBe('AB10110X');
    expect(trackingCodeHash('7KQ2-M9XD-4TNB')).toBe(trackingCodeHash('7kq2 m9xd 4tnb'));
  });

  it('phone digits match on the last four, separators ignored', () => {
    expect(phoneEndsWith('+86 139-0000-4321', '4321')).toBe(true);
    expect(phoneEndsWith('13900004321', '1234')).toBe(false);
    expect(phoneEndsWith(null, '0000')).toBe(false);
    expect(phoneEndsWith('321', '0321')).toBe(false);
  });
});
