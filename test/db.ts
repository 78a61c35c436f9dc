import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { loadConfig, type Config } from '../src/platform/config.js';
import { openDatabase, type DatabaseHandle } from '../src/platform/db/index.js';

/**
 * A fresh database for one test file: PGlite in memory by default, or a new schema on the
 * PostgreSQL named by DATABASE_URL (CI runs every suite both ways).
 */
export async function freshDatabase(
  overrides: Record<string, string> = {},
): Promise<{ handle: DatabaseHandle; config: Config }> {
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const config = loadConfig({
    DATA_DIR: ':memory:',
    LOG_LEVEL: 'silent',
    ...(process.env.DATABASE_URL ? { DATABASE_URL: process.env.DATABASE_URL, DATABASE_SCHEMA: schema } : {}),
    DATABASE_POOL_SIZE: '4',
    // Suites file the same report again and again and expect a case each time; automatic merging
    // (并案) is switched on only where a test asks for it (src/modules/similar/similar.test.ts).
    SIMILAR_AUTO_MERGE_SCORE: '0',
    // seedDemo without the generated case history (src/seed/history.test.ts asks for it).
    DEMO_HISTORY_DAYS: '0',
    ...overrides,
  });
  const opened = await openDatabase(config);
  const handle: DatabaseHandle = {
    ...opened,
    async close() {
      await opened.close();
      if (config.DATABASE_URL) {
        const client = new pg.Client({ connectionString: config.DATABASE_URL });
        await client.connect();
        await client.query(`drop schema if exists ${schema} cascade`);
        await client.end();
      }
    },
  };
  return { handle, config };
}
