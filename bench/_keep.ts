import { sql } from 'kysely';
import { loadConfig } from '../src/platform/config.js';
import { openDatabase } from '../src/platform/db/index.js';
import { benchRanking } from './ranking.js';
const config = loadConfig({ DATA_DIR: ':memory:', LOG_LEVEL: 'silent', DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/test', DATABASE_SCHEMA: 'mx_keep2' });
const h = await openDatabase(config);
await sql`drop table kysely_migration, kysely_migration_lock`.execute(h.db);
console.log(JSON.stringify(await benchRanking(h.db, { cases: 1000000, runs: 3 })));
await h.close();
