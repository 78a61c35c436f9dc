import { loadConfig } from '../src/platform/config.js';
import { openDatabase } from '../src/platform/db/index.js';
import { sql } from 'kysely';
const t0 = Date.now();
const h = await openDatabase(loadConfig({ DATA_DIR: ':memory:' }));
console.log('migrated', Date.now() - t0);
console.log(await sql`select count(*) as n from org_units`.execute(h.db));
await h.close();
