import { describe, expect, it } from 'vitest';
import { DomainError } from '../../platform/errors.js';
import { mapPayload, valueAt, withoutPaths } from './channels.mapping.js';
import { fieldMappingSchema } from './channels.schema.js';
import { sign, signedHeaders, verify } from './signature.js';

function refusal(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (err) {
    if (err instanceof DomainError) return err;
    throw err;
  }
  throw new Error('expected a DomainError');
}

describe('signature', () => {
  const body = Buffer.from('{"a":1}');
  const at = new Date(1_700_000_000_000);

  it('is HMAC-SHA256 over "<timestamp>.<body>" in hex (checked against openssl)', () => {
    // printf '%s' '1700000000.{"a":1}' | openssl dgst -sha256 -hmac 'test-secret'
    expect(sign('test-secret', 1_700_000_000, body)).toBe(
      'sha256=8cb2c3355fca388e9ac2caec004f4d5d7045d74937ab5faad61dc11682247a9f',
    );
    expect(signedHeaders('test-secret', body, at)).toEqual({
      'x-zhicheng-timestamp': '1700000000',
      'x-zhicheng-signature': sign('test-secret', 1_700_000_000, body),
    });
  });

  it('accepts its own headers within 300 s, and nothing else', () => {
    const h = signedHeaders('s3cret', body, at);
    const headers = { timestamp: h['x-zhicheng-timestamp'], signature: h['x-zhicheng-signature'] };
    expect(() => verify('s3cret', headers, body, new Date(at.getTime() + 300_000))).not.toThrow();
    expect(refusal(() => verify('s3cret', headers, body, new Date(at.getTime() + 301_000))).code).toBe(
      'signature_expired',
    );
    expect(refusal(() => verify('other', headers, body, at)).code).toBe('signature_invalid');
    expect(refusal(() => verify('s3cret', headers, Buffer.from('{"a":2}'), at)).code).toBe(
      'signature_invalid',
    );
    const upper = { ...headers, signature: headers.signature.toUpperCase().replace('SHA256=', 'sha256=') };
    expect(() => verify('s3cret', upper, body, at)).not.toThrow();
    for (const bad of [
      { timestamp: undefined, signature: headers.signature },
      { timestamp: headers.timestamp, signature: undefined },
      { timestamp: '17e8', signature: headers.signature },
      { timestamp: headers.timestamp, signature: headers.signature.slice(7) },
      { timestamp: headers.timestamp, signature: `${headers.signature}00` },
    ]) {
      expect(refusal(() => verify('s3cret', bad, body, at)).code).toBe('signature_invalid');
    }
  });
});

describe('field mapping', () => {
  const mapping = fieldMappingSchema.parse({
    fields: {
      externalId: 'data.items.0.id',
      text: 'data.items.0.body',
      priority: 'p',
      lon: 'geo.x',
      lat: 'geo.y',
    },
    values: { priority: { '1': 'critical', '2': 'urgent' } },
    constants: { categoryCode: '04-06', priority: 'normal', anonymous: true },
  });

  it('reads own properties by dot path, array indexes included', () => {
    const payload = { a: { b: [{ c: 'x' }] } };
    expect(valueAt(payload, 'a.b.0.c')).toBe('x');
    expect(valueAt(payload, 'a.missing.c')).toBeUndefined();
    expect(valueAt(payload, 'a.constructor')).toBeUndefined();
    expect(valueAt(payload, '__proto__')).toBeUndefined();
    expect(valueAt(payload, 'a.b.length')).toBeUndefined();
  });

  it('removes mapped paths and drops what they empty', () => {
    expect(
      withoutPaths({ a: { b: 1, c: 2 }, d: { e: 3 }, f: [{ g: 1 }, { g: 2, h: 3 }] }, [
        ['a', 'b'],
        ['d', 'e'],
        ['f', '1', 'g'],
      ]),
    ).toEqual({ a: { c: 2 }, f: [{ g: 1 }, { h: 3 }] });
  });

  it('maps values, falls back to constants, coerces numbers and prefixes the external id', () => {
    const m = mapPayload(mapping, 'hotline-12315', 'webhook', {
      data: { items: [{ id: 77, body: '噪声扰民' }] },
      p: 2,
      geo: { x: '116.5', y: '39.6' },
    });
    expect(m.input).toMatchObject({
      channel: 'webhook',
      externalId: 'hotline-12315:77',
      text: '噪声扰民',
      priority: 'urgent',
      categoryCode: '04-06',
      lon: 116.5,
      lat: 39.6,
      reporter: { anonymous: true, confidential: false },
    });
    const plain = mapPayload(mapping, 'c', 'webhook', { data: { items: [{ id: 'a', body: 't' }] } });
    expect(plain.input.priority).toBe('normal');
    // An unlisted word without a '*' entry passes through to intake's own check.
    const issue = refusal(() =>
      mapPayload(mapping, 'c', 'webhook', { data: { items: [{ id: 'a', body: 't' }] }, p: 'asap' }),
    );
    expect(issue.details).toEqual([expect.objectContaining({ field: 'priority', path: 'p' })]);
  });

  it('names every missing required field with its path', () => {
    const issue = refusal(() => mapPayload(mapping, 'c', 'webhook', { data: { items: [] } }));
    expect(issue.code).toBe('validation_failed');
    expect(issue.details).toEqual([
      { field: 'externalId', path: 'data.items.0.id', message: 'required' },
      { field: 'text', path: 'data.items.0.body', message: 'required' },
    ]);
  });

  it('refuses mappings without externalId or text, with unknown fields or constant ids', () => {
    expect(fieldMappingSchema.safeParse({ fields: { text: 'a' } }).success).toBe(false);
    expect(
      fieldMappingSchema.safeParse({ fields: { externalId: 'a', text: 'b', colour: 'c' } }).success,
    ).toBe(false);
    expect(
      fieldMappingSchema.safeParse({ fields: { externalId: 'a', text: 'b' }, constants: { externalId: 'x' } })
        .success,
    ).toBe(false);
    expect(fieldMappingSchema.safeParse({ fields: { externalId: 'a', text: 'b' } }).data).toEqual({
      fields: { externalId: 'a', text: 'b' },
      values: {},
      constants: {},
    });
  });
});
