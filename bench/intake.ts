/**
 * bench:intake — reports filed through the HTTP API per second, on PostgreSQL and on PGlite,
 * side by side with the physical limit measured in the same run: the same rows an automatically
 * dispatched intake writes (case, report, two timeline entries, text-index rows, suggestion,
 * assignment, timers, two audit entries) inserted raw through the same driver at the same
 * concurrency. Then the monthly ranking query on 1,000,000 generated cases.
 *
 *   npm run bench:intake                       # both back ends, 10 s each
 *   BENCH_SECONDS=20 BENCH_CONNECTIONS=32 npm run bench:intake
 *   BENCH_RANKING_CASES=1000000 (default) · BENCH_SKIP_RANKING=1 · BENCH_ONLY=postgres|pglite
 *   BENCH_TEXT=same (one message repeated: 并案's worst case) · BENCH_CATEGORY=<leaf code>
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { AddressInfo } from 'node:net';
import { buildApp } from '../src/app.js';
import { createSession } from '../src/platform/auth.js';
import { appendAuditAfter, lockAuditHead, shardOf } from '../src/platform/audit.js';
import { loadConfig } from '../src/platform/config.js';
import type { AppContext } from '../src/platform/context.js';
import { openDatabase, type DatabaseHandle, type Db } from '../src/platform/db/index.js';
import { preparedQuery } from '../src/platform/db/pg-driver.js';
import { uuidv7 } from '../src/platform/ids.js';
import { seedDemo } from '../src/seed/demo.js';
import { readCsvRecords } from '../src/modules/classifier/csv.js';
import { benchRanking, printRanking } from './ranking.js';

const run = promisify(execFile);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const PG_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

interface Row {
  backend: string;
  connections: number;
  httpPerSec: number;
  p50: number;
  p99: number;
  rawPerSec: number;
  errors: number;
}

async function open(
  kind: 'postgres' | 'pglite',
): Promise<{ handle: DatabaseHandle; ctx: AppContext; cleanup: () => Promise<void> }> {
  const schema = `bench_${Date.now().toString(36)}`;
  const dir = mkdtempSync(join(tmpdir(), 'zhicheng-bench-'));
  const config = loadConfig({
    ...process.env,
    LOG_LEVEL: 'warn',
    DATA_DIR: dir,
    DEMO_PASSWORD: 'bench-pass',
    SCRYPT_COST_LOG2: '10',
    // The district empty of cases: the bench measures intake, not the demo's history.
    DEMO_HISTORY_DAYS: '0',
    ...(kind === 'postgres'
      ? { DATABASE_URL: PG_URL, DATABASE_SCHEMA: schema, DATABASE_POOL_SIZE: '16' }
      : { DATABASE_URL: '' }),
  });
  const handle = await openDatabase(config);
  const ctx: AppContext = { db: handle.db, config, dbKind: handle.kind };
  return {
    handle,
    ctx,
    cleanup: async () => {
      await handle.close();
      rmSync(dir, { recursive: true, force: true });
      if (kind === 'postgres') {
        const pg = (await import('pg')).default;
        const client = new pg.Client({ connectionString: PG_URL });
        await client.connect();
        await client.query(`drop schema if exists ${schema} cascade`);
        await client.end();
      }
    },
  };
}

/**
 * What the load files: by default real citizen messages (2020 泰迪杯 附件2, first 300 characters)
 * each with a real 大兴区 address from the geo test set, so classification, address resolution
 * and 并案 work on varied text as they would in a hotline centre. BENCH_TEXT=same files one
 * identical message over and over: the worst case for 并案 (every report matches every open case).
 */
function reportBodies(): object[] {
  const reporter = { name: '张三', phone: '13812345678' };
  const categoryCode = process.env.BENCH_CATEGORY || undefined;
  if (process.env.BENCH_TEXT === 'same' || !existsSync(MESSAGES)) {
    return [
      {
        channel: 'hotline',
        text: '西红门鸿坤广场东门有流动摊贩占道经营，晚高峰影响通行，请尽快处理',
        categoryCode,
        reporter,
      },
    ];
  }
  const rows = readCsvRecords(readFileSync(MESSAGES, 'utf8')).records;
  const addresses = (
    JSON.parse(readFileSync(ADDRESSES, 'utf8')) as { addresses: Array<{ address: string; expect: string }> }
  ).addresses
    .filter((a) => a.expect === 'resolved')
    .map((a) => a.address);
  return rows.map((r, i) => ({
    channel: 'hotline',
    text: r.text!.replace(/\s+/g, ' ').trim().slice(0, 300),
    address: addresses[i % addresses.length],
    categoryCode,
    reporter,
  }));
}

const MESSAGES = '../shared/data/teddycup2020-c-zhihui-zhengwu/csv/附件2_train.csv';
const ADDRESSES = 'src/modules/geo/testdata/addresses.daxing.json';

/** Runs autocannon in its own process so the load generator does not share the server's event loop. */
async function load(url: string, token: string, connections: number, bodiesFile: string) {
  const { stdout } = await run(process.execPath, ['--import', 'tsx', 'bench/intake-load.ts'], {
    maxBuffer: 64 * 1024 * 1024,
    env: {
      ...process.env,
      BENCH_URL: url,
      BENCH_TOKEN: token,
      BENCH_CONNECTIONS: String(connections),
      BENCH_SECONDS: String(SECONDS),
      BENCH_BODIES: bodiesFile,
    },
  });
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

/**
 * The rows an automatically dispatched intake writes — the case (already dispatched), its report,
 * both timeline entries, 24 text-index rows, the suggestion, the lead assignment and four deadline
 * timers — in one statement that also locks the audit head; the two audit entries follow with the
 * COMMIT. The fewest round trips this write pattern can take: the physical limit.
 */
const rawOpenSql = `
  with c as (
    insert into cases (id, number, status, title, description, channel, category_id, lead_unit_id,
                       received_at, dispatched_at, response_due_at, resolve_due_at, updated_at)
    values ($1, $2 || '-raw-' || nextval('case_number_seq'), 'dispatched', $3, $4, 'hotline', $9, $10,
            $5, $5, $5::timestamptz + interval '2 hours', $5::timestamptz + interval '5 days', $5)
  ), r as (
    insert into reports (id, case_id, original_case_id, channel, text, reporter_name, reporter_phone, received_at)
    values ($6, $1, $1, 'hotline', $4, '张三', '13812345678', $5)
  ), e as (
    insert into case_events (id, case_id, at, action, to_status, data)
    values ($7, $1, $5, 'received', 'received', '{}'), ($11, $1, $5, 'dispatch', 'dispatched', '{}')
  ), l as (
    insert into case_lsh (bucket, received_at, case_id)
    select b, $5, $1 from unnest($12::bigint[]) as b
  ), s as (
    insert into case_suggestions (case_id, model_id, label, confidence, category_id, unit_id,
                                  alternatives, phrases, decision, created_at)
    values ($1, $13, '城乡建设', 0.95, $9, $10, '[]', '[]', 'auto_dispatched', $5)
  ), a as (
    insert into case_assignments (id, case_id, unit_id, role, status, assigned_at)
    values ($14, $1, $10, 'lead', 'pending', $5)
  ), t as (
    insert into timers (id, case_id, kind, fire_at, created_at)
    select gen_random_uuid(), $1, k, $5::timestamptz + interval '1 hour', $5
    from unnest(array['response_warning', 'response_due', 'resolve_warning', 'resolve_due']) as k
  )
  select seq, hash from audit_heads where shard = $8 for update`;

/** The same rows an intake writes, inserted directly: the physical limit of this write pattern. */
async function rawInserts(ctx: AppContext, connections: number, seconds: number): Promise<number> {
  const db: Db = ctx.db;
  const district = ctx.config.DISTRICT_CODE;
  const category = await db
    .selectFrom('categories')
    .select('id')
    .where('is_leaf', '=', true)
    .executeTakeFirstOrThrow();
  const unit = await db
    .selectFrom('org_units')
    .select('id')
    .where('kind', '=', 'department')
    .executeTakeFirstOrThrow();
  const model = await db.selectFrom('classifier_models').select('id').executeTakeFirstOrThrow();
  const stopAt = Date.now() + seconds * 1000;
  let done = 0;
  const worker = async () => {
    while (Date.now() < stopAt) {
      await db.transaction().execute(async (tx) => {
        const now = new Date();
        const id = uuidv7();
        const text = '西红门鸿坤广场东门有流动摊贩占道经营，晚高峰影响通行，请尽快处理';
        const buckets = Array.from({ length: 24 }, () => String(Math.floor(Math.random() * 2 ** 40)));
        const shard = shardOf('case', id);
        const { rows } = await tx.executeQuery<{ seq: number; hash: string }>(
          preparedQuery('bench_raw_open', rawOpenSql, [
            id,
            district,
            text.slice(0, 40),
            text,
            now,
            uuidv7(),
            uuidv7(),
            shard,
            category.id,
            unit.id,
            uuidv7(),
            buckets,
            model.id,
            uuidv7(),
          ]),
        );
        let head = { shard, seq: Number(rows[0]!.seq), hash: rows[0]!.hash };
        for (const action of ['case.received', 'case.dispatch']) {
          await appendAuditAfter(tx, ctx.config.AUDIT_SECRET, head, {
            actorUserId: null,
            action,
            entity: 'case',
            entityId: id,
            after: { status: action === 'case.received' ? 'received' : 'dispatched' },
          });
          head = await lockAuditHead(tx, shard); // the head this transaction just moved
        }
      });
      done++;
    }
  };
  const started = Date.now();
  await Promise.all(Array.from({ length: connections }, worker));
  return done / ((Date.now() - started) / 1000);
}

async function benchBackend(kind: 'postgres' | 'pglite', connections: number): Promise<Row> {
  const { ctx, cleanup } = await open(kind);
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
    const { port } = app.server.address() as AddressInfo;
    const bodiesFile = join(ctx.config.DATA_DIR, 'bench-bodies.json');
    writeFileSync(bodiesFile, JSON.stringify(reportBodies()));
    const url = `http://127.0.0.1:${port}/api/reports`;
    await load(url, token, connections, bodiesFile).catch(() => undefined); // warm-up
    const http = await load(url, token, connections, bodiesFile);
    await app.close();
    const rawPerSec = await rawInserts(ctx, connections, SECONDS);
    return {
      backend: kind,
      connections,
      httpPerSec: http.perSec,
      p50: http.p50,
      p99: http.p99,
      rawPerSec,
      errors: http.errors,
    };
  } finally {
    await cleanup();
  }
}

async function main() {
  const only = process.env.BENCH_ONLY;
  const rows: Row[] = [];
  if (!only || only === 'postgres')
    rows.push(await benchBackend('postgres', Number(process.env.BENCH_CONNECTIONS ?? 16)));
  if (!only || only === 'pglite') rows.push(await benchBackend('pglite', 4));
  console.log(
    `\nintake through POST /api/reports (${SECONDS} s per run, ${process.env.BENCH_TEXT === 'same' ? 'one message repeated' : 'real messages with 大兴 addresses'}, ${process.env.BENCH_CATEGORY ? 'with category' : 'classified and dispatched automatically when confident'})`,
  );
  console.table(
    rows.map((r) => ({
      backend: r.backend,
      connections: r.connections,
      'reports/s (HTTP)': Math.round(r.httpPerSec),
      'p50 ms': r.p50,
      'p99 ms': r.p99,
      'raw rows/s (same rows)': Math.round(r.rawPerSec),
      'HTTP / raw': `${((100 * r.httpPerSec) / r.rawPerSec).toFixed(1)} %`,
      'non-2xx': r.errors,
    })),
  );
  const pg = rows.find((r) => r.backend === 'postgres');
  if (pg) {
    console.log(
      `targets on PostgreSQL: ≥ 1000 reports/s → ${Math.round(pg.httpPerSec)} (${pg.httpPerSec >= 1000 ? 'met' : 'NOT met'}); ` +
        `≥ 30 % of raw → ${((100 * pg.httpPerSec) / pg.rawPerSec).toFixed(1)} % (${pg.httpPerSec >= 0.3 * pg.rawPerSec ? 'met' : 'NOT met'})`,
    );
  }
  if (!process.env.BENCH_SKIP_RANKING && (!only || only === 'postgres')) {
    const { ctx, cleanup } = await open('postgres');
    try {
      const cases = Number(process.env.BENCH_RANKING_CASES ?? 1_000_000);
      console.log(`\nranking query on ${cases.toLocaleString('en')} generated cases (PostgreSQL):`);
      printRanking('postgres', cases, await benchRanking(ctx.db, { cases }));
    } finally {
      await cleanup();
    }
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
