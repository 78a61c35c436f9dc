/**
 * Builds the web console (web/ → web/dist) with Vite and prints the size of every file, raw and
 * gzipped; fails above the budget. `scripts/web-build.ts` is its command line; the server calls
 * `ensureWebConsole` at start.
 *
 * Budget: the first load of the console (the entry chunk, the chunks it imports statically and the
 * CSS) at most 200 kB gzip, and the whole bundle at most 450 kB gzip. React + React DOM, TanStack
 * Query, React Router and i18next are ~110 kB gzip together; the rest is our screens. 200 kB loads in
 * well under the 2 s on a 10 Mbit/s district intranet with room for the next screens; the
 * cockpit's ECharts (~350 kB gzip whole; ~190 kB with only the bar, line and map charts it registers from
 * echarts/core) comes as a lazy chunk and is what the total leaves room for.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { InlineConfig, Manifest } from 'vite';
import { projectPath } from './paths.js';

const WEB_DIR = projectPath('web');
const DIST_DIR = join(WEB_DIR, 'dist');

/** Gzipped kilobytes allowed (see the header). */
export const BUDGET_KB = { initial: 200, total: 450 };

/** The one Vite configuration, for the build and the dev server. */
export async function viteConfig(): Promise<InlineConfig> {
  // Loaded here, not at the top: `npm start` checks the bundle on every start and must not pay for
  // Vite unless it builds.
  const { default: react } = await import('@vitejs/plugin-react');
  const server = process.env.ZHICHENG_URL ?? 'http://localhost:8080';
  return {
    root: WEB_DIR,
    configFile: false,
    plugins: [react()],
    logLevel: 'warn',
    // Sizes are checked against our own gzip budget below; Vite's raw 500 kB warning would only
    // repeat that the cockpit's lazy ECharts chunk is big.
    build: {
      outDir: DIST_DIR,
      emptyOutDir: true,
      target: 'es2022',
      manifest: true,
      chunkSizeWarningLimit: 700,
    },
    server: { proxy: { '/api': server, '/docs': server, '/healthz': server } },
  };
}

function newestSourceMtime(): number {
  let newest = 0;
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else newest = Math.max(newest, statSync(path).mtimeMs);
    }
  };
  walk(join(WEB_DIR, 'src'));
  for (const file of [join(WEB_DIR, 'index.html'), projectPath('src', 'platform', 'web-build.ts')]) {
    newest = Math.max(newest, statSync(file).mtimeMs);
  }
  return newest;
}

/** Whether web/dist is missing or older than any console source. */
export function bundleIsStale(): boolean {
  const index = join(DIST_DIR, 'index.html');
  return !existsSync(index) || statSync(index).mtimeMs < newestSourceMtime();
}

interface SizeRow {
  file: string;
  raw: number;
  gzip: number;
  initial: boolean;
}

/** Every emitted asset with its gzip size; `initial` marks what the first page load fetches. */
export function bundleSizes(): SizeRow[] {
  const manifest = JSON.parse(readFileSync(join(DIST_DIR, '.vite', 'manifest.json'), 'utf8')) as Manifest;
  const initial = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk || initial.has(chunk.file)) return;
    initial.add(chunk.file);
    for (const css of chunk.css ?? []) initial.add(css);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  for (const [key, chunk] of Object.entries(manifest)) if (chunk.isEntry) visit(key);
  const rows: SizeRow[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== '.vite') walk(path);
        continue;
      }
      const bytes = readFileSync(path);
      const file = relative(DIST_DIR, path);
      rows.push({ file, raw: bytes.length, gzip: gzipSync(bytes).length, initial: initial.has(file) });
    }
  };
  walk(DIST_DIR);
  return rows.sort((a, b) => b.gzip - a.gzip);
}

const kb = (n: number) => (n / 1024).toFixed(1).padStart(7);

/** Prints the size table and returns the problems (empty when within budget). */
export function reportSizes(rows: SizeRow[]): string[] {
  console.log('web console bundle (web/dist):');
  console.log('     raw kB   gzip kB  file');
  for (const r of rows)
    console.log(`  ${kb(r.raw)}   ${kb(r.gzip)}  ${r.file}${r.initial ? '  (first load)' : ''}`);
  const initial = rows.filter((r) => r.initial).reduce((s, r) => s + r.gzip, 0);
  const total = rows.reduce((s, r) => s + r.gzip, 0);
  console.log(
    `  first load ${kb(initial).trim()} kB gzip (budget ${BUDGET_KB.initial}), ` +
      `all ${kb(total).trim()} kB gzip (budget ${BUDGET_KB.total})`,
  );
  const problems: string[] = [];
  if (initial > BUDGET_KB.initial * 1024)
    problems.push(`first load is over its ${BUDGET_KB.initial} kB gzip budget`);
  if (total > BUDGET_KB.total * 1024)
    problems.push(`the bundle is over its ${BUDGET_KB.total} kB gzip budget`);
  return problems;
}

/** Builds web/dist and checks its size; returns the budget problems (empty when within budget). */
export async function buildWebConsole(): Promise<string[]> {
  const { build } = await import('vite');
  const started = Date.now();
  // Vite follows NODE_ENV over its mode: under vitest (NODE_ENV=test) a start that rebuilds would
  // ship React's development build, three times the size. The console is always built for production.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ ...(await viteConfig()), mode: 'production' });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
  console.log(`built the web console in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return reportSizes(bundleSizes());
}

/**
 * Builds the console when its sources are in the checkout and the bundle is missing or older
 * (the server calls this at start; `npm ci` already built it). A checkout without web/ runs the
 * API alone.
 */
export async function ensureWebConsole(): Promise<void> {
  if (!existsSync(join(WEB_DIR, 'index.html')) || !bundleIsStale()) return;
  const problems = await buildWebConsole();
  if (problems.length > 0) throw new Error(`web console: ${problems.join('; ')}`);
}
