import { defineConfig } from 'vitest/config';

// One database per test file (PGlite in memory by default, a fresh PostgreSQL schema when
// DATABASE_URL is set), so files run in parallel without sharing state.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 2,
  },
});
