import { randomUUID } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import { expect } from 'vitest';
import { DEMO_PASSWORD } from './server.js';

/**
 * What the browser tests share besides the browser: a real PNG to upload, and the API as a demo
 * user, to set up the cases a screen works on and to check what the screen did.
 */

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const b of bytes) c = crcTable[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** A real RGB PNG of width × height, a colour gradient (so a preview visibly shows it). */
export function makePng(width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const rows = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = y * (width * 3 + 1);
    for (let x = 0; x < width; x++) {
      rows.set([Math.round((x / width) * 255), Math.round((y / height) * 255), 160], row + 1 + x * 3);
    }
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A case as the staff API returns it (the fields the tests read). */
export interface ApiCase {
  id: string;
  number: string;
  status: string;
  version: number;
  leadUnitId: number | null;
}

/** The API as the demo user `username` (password DEMO_PASSWORD); every call must succeed. */
export async function staffApi(baseUrl: string, username: string) {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  expect(res.status, `login ${username}`).toBe(200);
  const { token, user } = (await res.json()) as { token: string; user: { unit: { id: number } | null } };
  const call = async <T>(method: string, path: string, body?: object): Promise<T> => {
    const r = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body ? { 'content-type': 'application/json', 'idempotency-key': randomUUID() } : {}),
      },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    const text = await r.text();
    expect(r.ok, `${method} ${path}: ${text}`).toBe(true);
    return JSON.parse(text) as T;
  };
  return {
    token,
    unitId: user.unit?.id ?? null,
    get: <T>(path: string) => call<T>('GET', path),
    post: <T>(path: string, body: object) => call<T>('POST', path, body),
    /** Files a report (POST /api/reports). */
    file: (body: object) => call<{ case: ApiCase; reportId: string }>('POST', '/api/reports', body),
    /** A case's detail (GET /api/cases/:id; the id or the case number). */
    detail: <T = { case: ApiCase }>(id: string) => call<T>('GET', `/api/cases/${encodeURIComponent(id)}`),
    /** A lifecycle action on the case at its current version. */
    act: async (c: Pick<ApiCase, 'id' | 'version'>, action: string, body: object = {}) =>
      (await call<{ case: ApiCase }>('POST', `/api/cases/${c.id}/${action}`, { version: c.version, ...body }))
        .case,
  };
}
