import type { Config } from './config.js';
import type { Db } from './db/index.js';

/** What every module gets: the database, the config and the events bus of this process. */
export interface AppContext {
  db: Db;
  config: Config;
  dbKind: 'pglite' | 'postgres';
}
