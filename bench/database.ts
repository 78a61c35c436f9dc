import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { loadConfig } from '../src/platform/config.js';
import { openDatabase, type DatabaseHandle } from '../src/platform/db/index.js';

/**
 * Runs a benchmark on its own database: in-memory PGlite, or with DATABASE_URL a fresh schema on
 * that PostgreSQL, dropped afterwards.
 */
export async function withBenchDatabase<T>(run: (handle: DatabaseHandle) => Promise<T>): Promise<T> {
  const url = process.env.DATABASE_URL;
  const schema = `bench_${randomBytes(4).toString('hex')}`;
  const config = loadConfig({
    DATA_DIR: ':memory:',
    LOG_LEVEL: 'silent',
    ...(url ? { DATABASE_URL: url, DATABASE_SCHEMA: schema } : {}),
  });
  const handle = await openDatabase(config);
  try {
    return await run(handle);
  } finally {
    if (url) await sql`drop schema ${sql.id(schema)} cascade`.execute(handle.db);
    await handle.close();
  }
}
