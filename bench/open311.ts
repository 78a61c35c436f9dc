/**
 * bench:open311 — Open311 POSTs per second on PostgreSQL, side by side with the internal intake
 * API in the same run, on the same data: the same report (text, category, point, address,
 * reporter) sent as `POST /open311/v2/requests.json` form-encoded with an API key, and as
 * `POST /api/reports` JSON with a session. The difference is what the protocol layer costs
 * (form parsing, key lookup, service check, GeoReport answer); the target is < 30 %.
 *
 *   npm run bench:open311                          # 10 s per run, 16 connections
 *   BENCH_SECONDS=20 BENCH_CONNECTIONS=32 npm run bench:open311
 *
 * The two are run internal, Open311, Open311, internal (after a warm-up of each), so a trend in
 * the database (tables growing, autovacuum) weighs on both alike.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { AddressInfo } from 'node:net';
import { buildApp } from '../src/app.js';
import { createSession } from '../src/platform/auth.js';
import { loadConfig } from '../src/platform/config.js';
import type { AppContext } from '../src/platform/context.js';
import { openDatabase } from '../src/platform/db/index.js';
import { seedDemo } from '../src/seed/demo.js';

const run = promisify(execFile);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16);
const PG_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const API_KEY = 'bench-open311-key-0123456789abcdef';

/** The one report both paths file. */
const report = {
  text: '西红门鸿坤广场东门有流动摊贩占道经营，晚高峰影响通行，请尽快处理',
  // A service without required attributes, so both paths carry the same fields.
  categoryCode: '35-01',
  lat: 39.79,
  lon: 116.33,
  address: '北京市大兴区西红门镇鸿坤广场东门',
  name: '张三',
  phone: '13812345678',
  email: 'zhangsan@example.com',
};

interface Result {
  perSec: number;
  p50: number;
  p99: number;
  errors: number;
}

/** One request as the load will send it, so a refused payload stops the run with its answer. */
async function preflight(url: string, headers: Record<string, string>, body: string) {
  const res = await fetch(url, { method: 'POST', headers, body });
  if (res.status !== 201) throw new Error(`${url} answered ${res.status}: ${await res.text()}`);
}

/** Runs autocannon in its own process so the load generator does not share the server's event loop. */
async function load(url: string, headers: Record<string, string>, body: string, seconds: number) {
  await preflight(url, headers, body);
  const args = ['node_modules/autocannon/autocannon.js', '--json', '-c', String(CONNECTIONS)];
  args.push('-d', String(seconds), '-m', 'POST', '-b', body);
  for (const [k, v] of Object.entries(headers)) args.push('-H', `${k}=${v}`);
  args.push(url);
  const { stdout } = await run(process.execPath, args, { maxBuffer: 64 * 1024 * 1024 });
  const r = JSON.parse(stdout) as {
    latency: { p50: number; p99: number };
    non2xx: number;
    errors: number;
    '2xx': number;
    duration: number;
  };
  return {
    perSec: r['2xx'] / r.duration,
    p50: r.latency.p50,
    p99: r.latency.p99,
    errors: r.non2xx + r.errors,
  };
}

/** The mean of two runs (p50/p99 too: a rough but symmetric summary). */
function mean(a: Result, b: Result): Result {
  return {
    perSec: (a.perSec + b.perSec) / 2,
    p50: (a.p50 + b.p50) / 2,
    p99: (a.p99 + b.p99) / 2,
    errors: a.errors + b.errors,
  };
}

async function main() {
  const schema = `bench_o311_${Date.now().toString(36)}`;
  const dir = mkdtempSync(join(tmpdir(), 'zhicheng-bench-'));
  const config = loadConfig({
    ...process.env,
    LOG_LEVEL: 'warn',
    DATA_DIR: dir,
    DEMO_PASSWORD: 'bench-pass',
    SCRYPT_COST_LOG2: '10',
    // The district empty of cases: the bench measures intake, not the demo's history.
    DEMO_HISTORY_DAYS: '0',
    OPEN311_DEMO_API_KEY: API_KEY,
    // One client hammers from one address: the per-IP limit would measure the limiter.
    PUBLIC_RATE_LIMIT: '100000000',
    DATABASE_URL: PG_URL,
    DATABASE_SCHEMA: schema,
    DATABASE_POOL_SIZE: '16',
  });
  const handle = await openDatabase(config);
  const ctx: AppContext = { db: handle.db, config, dbKind: handle.kind };
  try {
    await seedDemo(ctx);
    const agent = await ctx.db
      .selectFrom('users')
      .select('id')
      .where('username', '=', 'agent')
      .executeTakeFirstOrThrow();
    const { token } = await createSession(ctx.db, agent.id, 1);
    const app = await buildApp(ctx);
    await app.listen({ port: 0, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;

    const internal = (seconds: number) =>
      load(
        `${base}/api/reports`,
        { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        JSON.stringify({
          channel: 'open311',
          text: report.text,
          categoryCode: report.categoryCode,
          lat: report.lat,
          lon: report.lon,
          address: report.address,
          reporter: { name: report.name, phone: report.phone, email: report.email },
        }),
        seconds,
      );
    const open311 = (seconds: number) =>
      load(
        `${base}/open311/v2/requests.json`,
        { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
        new URLSearchParams([
          ['jurisdiction_id', config.DISTRICT_CODE],
          ['api_key', API_KEY],
          ['service_code', report.categoryCode],
          ['lat', String(report.lat)],
          ['long', String(report.lon)],
          ['address_string', report.address],
          ['description', report.text],
          ['first_name', report.name],
          ['email', report.email],
          ['phone', report.phone],
        ]).toString(),
        seconds,
      );

    await internal(3);
    await open311(3);
    const i1 = await internal(SECONDS);
    const o1 = await open311(SECONDS);
    const o2 = await open311(SECONDS);
    const i2 = await internal(SECONDS);
    await app.close();
    const a = mean(i1, i2);
    const o = mean(o1, o2);

    console.log(
      `\nreports filed per second on PostgreSQL (${CONNECTIONS} connections, 2 × ${SECONDS} s each)`,
    );
    console.table(
      [
        ['POST /api/reports (JSON, session)', a],
        ['POST /open311/v2/requests.json (form, api_key)', o],
      ].map(([name, r]) => {
        const x = r as Result;
        return {
          path: name as string,
          'requests/s': Math.round(x.perSec),
          'p50 ms': x.p50,
          'p99 ms': x.p99,
          'non-2xx': x.errors,
        };
      }),
    );
    const ratio = o.perSec / a.perSec;
    const cost = 1 - ratio;
    console.log(
      `open311 / internal = ${(100 * ratio).toFixed(1)} %; protocol layer cost = ${(100 * cost).toFixed(1)} % ` +
        `(target < 30 %: ${cost < 0.3 ? 'met' : 'NOT met'})`,
    );
    if (a.errors + o.errors > 0) process.exitCode = 1;
  } finally {
    await handle.close();
    rmSync(dir, { recursive: true, force: true });
    const pg = (await import('pg')).default;
    const client = new pg.Client({ connectionString: PG_URL });
    await client.connect();
    await client.query(`drop schema if exists ${schema} cascade`);
    await client.end();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
