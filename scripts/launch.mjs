/**
 * Runs the server or the command line from their JavaScript bundles in dist/server/, first
 * rebuilding them with esbuild (~0.3 s) when a source under src/ is newer than the bundle.
 *
 *   node scripts/launch.mjs main [args]       the server (npm start)
 *   node scripts/launch.mjs zhicheng [args]   the CLI (npm run zhicheng -- …)
 *   node scripts/launch.mjs --build           build the bundles if stale (npm ci's `prepare`)
 *
 * Why a bundle and not tsx at run time: loading the ~300 source modules through tsx's on-the-fly
 * transform took ~2 s of every start, and a restart must take under 5 s. Tests, benchmarks and
 * scripts still run the TypeScript directly. Plain JavaScript so that it needs nothing compiled.
 */
import { existsSync, mkdirSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUT_DIR = join(ROOT, 'dist', 'server');
/** The bundles: the server, the CLI, and the worker threads they start (src/platform/workers.ts). */
const ENTRIES = {
  main: 'src/main.ts',
  zhicheng: 'src/zhicheng.ts',
  'training-worker': 'src/modules/suggest/training.worker.ts',
};
/** What can be run from the command line (the workers are started by the server or the CLI). */
const RUNNABLE = ['main', 'zhicheng'];

/** The newest modification time of what goes into the bundles (sources, not tests). */
function newestSource() {
  let newest = statSync(fileURLToPath(import.meta.url)).mtimeMs;
  /** @param {string} dir */
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (!entry.name.includes('.test.')) newest = Math.max(newest, statSync(path).mtimeMs);
    }
  };
  walk(join(ROOT, 'src'));
  return newest;
}

function isStale() {
  const built = Object.keys(ENTRIES).map((name) => join(OUT_DIR, `${name}.js`));
  if (!built.every((file) => existsSync(file))) return true;
  const oldest = Math.min(...built.map((file) => statSync(file).mtimeMs));
  return oldest < newestSource();
}

/** Builds the bundles; each file is written beside its place and renamed in, so a process
 * starting meanwhile (tests start servers in parallel) reads a whole old or a whole new bundle. */
async function build() {
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints: ENTRIES,
    outdir: OUT_DIR,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: 'linked',
    write: false,
    logLevel: 'warning',
  });
  mkdirSync(OUT_DIR, { recursive: true });
  // Maps first, bundles last: a bundle newer than the sources is what says the build is complete.
  const files = [...result.outputFiles].sort(
    (a, b) => Number(a.path.endsWith('.js')) - Number(b.path.endsWith('.js')),
  );
  for (const file of files) {
    const temporary = `${file.path}.${process.pid}.tmp`;
    mkdirSync(dirname(file.path), { recursive: true });
    writeFileSync(temporary, file.contents);
    renameSync(temporary, file.path);
  }
}

const [entry, ...args] = process.argv.slice(2);
if (entry === '--build') {
  if (isStale()) await build();
} else if (entry && RUNNABLE.includes(entry)) {
  if (isStale()) await build();
  // The entry reads its arguments from process.argv as if it had been started directly.
  process.argv = [process.argv[0], join(OUT_DIR, `${entry}.js`), ...args];
  process.setSourceMapsEnabled(true);
  await import(pathToFileURL(join(OUT_DIR, `${entry}.js`)).href);
} else {
  console.error(`usage: node scripts/launch.mjs ${RUNNABLE.join('|')} [args] | --build`);
  process.exit(2);
}
