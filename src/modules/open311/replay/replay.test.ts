import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../../app.js';
import type { DatabaseHandle } from '../../../platform/db/index.js';
import { seedDemo } from '../../../seed/demo.js';
import { freshDatabase } from '../../../../test/db.js';
import { runReplayCommand } from './replay.command.js';
import { defaultDataDir } from './us311.js';

/**
 * The replay end to end: the demo district (real catalogue and district box) on a real port, the
 * command posting over HTTP and reading back in XML and JSON. A deterministic spread of the
 * samples here (PGlite in a shared test run); the smoke step replays all 3,050 against `npm start`.
 */
const SAMPLE = 300;
const dataDir = process.env.US311_DATA_DIR ?? defaultDataDir;
const hasData = existsSync(join(dataDir, 'derived/open311_georeport_v2_normalized.json'));
if (!hasData) console.warn(`open311-replay tests skipped: no US 311 samples at ${dataDir}`);

const key = 'replay-test-key-0123456789abcdef';
let handle: DatabaseHandle;
let app: FastifyInstance;
let baseUrl: string;

async function replay(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runReplayCommand(['--base-url', baseUrl, '--data', dataDir, ...args], {
    env: {},
    out: (l) => out.push(l),
    err: (l) => err.push(l),
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe.skipIf(!hasData)('open311-replay (skipped when ../shared/data is absent)', () => {
  beforeAll(async () => {
    const fresh = await freshDatabase({
      DEMO_PASSWORD: 'demo-pass-123',
      SCRYPT_COST_LOG2: '10',
      OPEN311_DEMO_API_KEY: key,
      PUBLIC_RATE_LIMIT: '100000',
    });
    handle = fresh.handle;
    const ctx = { db: handle.db, config: fresh.config, dbKind: handle.kind };
    await seedDemo(ctx);
    app = await buildApp(ctx);
    await app.listen({ port: 0, host: '127.0.0.1' });
    baseUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}/open311/v2`;
  });
  afterAll(async () => {
    await app?.close();
    await handle?.close();
  });

  it(`posts ${SAMPLE} real requests and reads every one back intact in XML and JSON`, async () => {
    const r = await replay(['--api-key', key, '--limit', String(SAMPLE), '--format', 'xml']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain(`posted ${SAMPLE}/${SAMPLE} to requests.xml`);
    expect(r.out).toContain(
      `xml ${SAMPLE}/${SAMPLE}, json ${SAMPLE}/${SAMPLE}, batch xml ${SAMPLE}/${SAMPLE}, batch json ${SAMPLE}/${SAMPLE}`,
    );
    expect(r.out).toContain('mismatches: 0');

    // The cases exist, filed through Open311 into the mapped categories, inside the district.
    const cases = await handle.db
      .selectFrom('cases')
      .innerJoin('categories', 'categories.id', 'cases.category_id')
      .select(['categories.code', 'cases.lat', 'cases.lon', 'cases.description', 'cases.channel'])
      .execute();
    expect(cases).toHaveLength(SAMPLE);
    expect(new Set(cases.map((c) => c.channel))).toEqual(new Set(['open311']));
    expect(new Set(cases.map((c) => c.code)).size).toBeGreaterThan(10);
    const located = cases.filter((c) => c.lat !== null);
    expect(located.length).toBeGreaterThan(SAMPLE / 2);
    expect(located.length).toBeLessThan(SAMPLE);
    for (const c of located) {
      expect(c.lon).toBeGreaterThanOrEqual(116.22);
      expect(c.lat).toBeLessThanOrEqual(39.83);
    }
    expect(cases.some((c) => c.description.includes('Chicago 311 (2014) #'))).toBe(true);
  }, 180_000);

  it('posts through requests.json as well', async () => {
    const r = await replay(['--api-key', key, '--limit', '20', '--format', 'json']);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('posted 20/20 to requests.json');
  });

  it('fails, naming the HTTP answer, when the key is refused, and writes nothing', async () => {
    const before = await handle.db
      .selectFrom('cases')
      .select((e) => e.fn.countAll().as('n'))
      .executeTakeFirst();
    const r = await replay(['--api-key', 'not-a-key-not-a-key', '--limit', '3']);
    expect(r.code).toBe(1);
    expect(r.err).toContain('posted 0/3');
    expect(r.err).toContain(
      "POST 19937896: HTTP 403: Invalid api_key received -- can't proceed with create_request.",
    );
    const after = await handle.db
      .selectFrom('cases')
      .select((e) => e.fn.countAll().as('n'))
      .executeTakeFirst();
    expect(Number(after!.n)).toBe(Number(before!.n));
  });

  it('refuses bad usage with exit code 2', async () => {
    expect((await replay(['--limit', '5'])).err).toContain('an API key is needed');
    expect((await replay(['--api-key', key, '--format', 'html'])).code).toBe(2);
    expect((await replay(['--api-key', key, '--limit', '0'])).code).toBe(2);
    expect((await replay(['--api-key', key, '--bogus'])).code).toBe(2);
  });
});
