import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Browser tests: one real server (embedded PGlite, demo seed, temp data folder) for the whole run,
// Debian's Chromium driven by playwright-core, files one after the other (one browser, 2 cores).
export default defineConfig({
  test: {
    root: fileURLToPath(new URL('../..', import.meta.url)),
    include: ['web/test/**/*.browser.test.ts'],
    globalSetup: ['web/test/server.ts'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    fileParallelism: false,
    pool: 'forks',
  },
});
