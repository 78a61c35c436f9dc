import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { SCREENSHOT_DIR } from './browser.js';

/** The password of every demo user in the browser tests' server. */
export const DEMO_PASSWORD = process.env.BROWSER_TEST_PASSWORD ?? 'browser-demo-pass';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      srv.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

let child: ChildProcess | undefined;
let dataDir: string | undefined;

/** PostgreSQL for the run instead of the embedded PGlite: BROWSER_TEST_DATABASE_URL (CI sets it for
 * its second pass), each run in a fresh schema dropped at the end. */
const PG_URL = process.env.BROWSER_TEST_DATABASE_URL ?? '';
let pgSchema: string | undefined;

async function dropSchema(): Promise<void> {
  if (!PG_URL || !pgSchema) return;
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: PG_URL });
  await client.connect();
  try {
    await client.query(`drop schema if exists "${pgSchema}" cascade`);
  } finally {
    await client.end();
  }
}

/**
 * Starts the product as `npm start` does (its entry point, with the built console) on a fresh data
 * folder (or a fresh PostgreSQL schema) with the demo district, and tells the tests its URL.
 */
export async function setup(project: TestProject): Promise<void> {
  // A server you already run (with the demo seed and BROWSER_TEST_PASSWORD as its DEMO_PASSWORD).
  if (process.env.BROWSER_TEST_URL) {
    project.provide('baseUrl', process.env.BROWSER_TEST_URL);
    return;
  }
  dataDir = mkdtempSync(join(tmpdir(), 'zhicheng-browser-'));
  if (PG_URL) pgSchema = `browser_${process.pid}_${Date.now().toString(36)}`;
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  let log = '';
  child = spawn(process.execPath, ['scripts/launch.mjs', 'main'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      DEMO_PASSWORD,
      // The demo district without its generated case history: every screen test files and reads
      // its own cases, and lists and counts stay those of the test (the history has its own test,
      // src/seed/history.test.ts).
      DEMO_HISTORY_DAYS: '0',
      LOG_LEVEL: 'warn',
      DATABASE_URL: PG_URL,
      ...(pgSchema ? { DATABASE_SCHEMA: pgSchema } : {}),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d: Buffer) => (log += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (log += d.toString()));
  const deadline = Date.now() + 240_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}):\n${log}`);
    const ok = await fetch(`${baseUrl}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (Date.now() > deadline) throw new Error(`server did not start in 240 s:\n${log}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  project.provide('baseUrl', baseUrl);
  console.log(
    `browser tests: server ${baseUrl} on ${pgSchema ? `PostgreSQL (schema ${pgSchema})` : `PGlite (${dataDir})`}; ` +
      `screenshots in ${SCREENSHOT_DIR}`,
  );
}

export async function teardown(): Promise<void> {
  if (child && child.exitCode === null) {
    const exited = new Promise((r) => child!.once('exit', r));
    child.kill('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
    if (child.exitCode === null) child.kill('SIGKILL');
  }
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  await dropSchema();
  console.log(`browser tests: screenshots in ${SCREENSHOT_DIR}`);
}
