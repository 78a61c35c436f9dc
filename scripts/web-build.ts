/**
 * The web console's build from the command line (the build itself: src/platform/web-build.ts).
 * No flag: build and print sizes, failing above the budget. `--if-stale` (npm ci's `prepare`)
 * builds only when the bundle is missing or older than the console's sources; `--dev` runs Vite's
 * dev server against a server on :8080.
 */
import { buildWebConsole, bundleIsStale, viteConfig } from '../src/platform/web-build.js';

async function main(): Promise<void> {
  const args = new Set(process.argv.slice(2));
  if (args.has('--dev')) {
    const { createServer } = await import('vite');
    const server = await createServer(await viteConfig());
    await server.listen();
    server.printUrls();
    return;
  }
  if (args.has('--if-stale') && !bundleIsStale()) return;
  const problems = await buildWebConsole();
  if (problems.length > 0) {
    for (const p of problems) console.error(`error: ${p}`);
    process.exit(1);
  }
}

await main();
