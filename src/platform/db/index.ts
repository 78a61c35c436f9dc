import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, Migrator, sql, type Migration, type Transaction } from 'kysely';
import pg from 'pg';
import type { Config } from '../config.js';
import * as m0001 from './migrations/0001_spine.js';
import * as m0003 from './migrations/0003_catalogue.js';
import * as m0004 from './migrations/0004_metrics_indexes.js';
import * as m0005 from './migrations/0005_open311_clients.js';
import * as m0006 from './migrations/0006_channels_outbox.js';
import * as m0007 from './migrations/0007_self_service.js';
import * as m0008 from './migrations/0008_service_attributes.js';
import * as m0009 from './migrations/0009_place_aliases.js';
import * as m0010 from './migrations/0010_unit_polygons.js';
import * as m0011 from './migrations/0011_similar.js';
import * as m0012 from './migrations/0012_classifier.js';
import * as m0013 from './migrations/0013_similar_terms.js';
import * as m0014 from './migrations/0014_case_event_seq.js';
import * as m0015 from './migrations/0015_jobs.js';
import * as m0016 from './migrations/0016_knowledge.js';
import * as m0017 from './migrations/0017_case_h3.js';
import * as m0018 from './migrations/0018_job_files.js';
import * as m0019 from './migrations/0019_extension_moot.js';
import * as m0020 from './migrations/0020_knowledge_corpus.js';
import * as m0021 from './migrations/0021_knowledge_public.js';
import * as m0022 from './migrations/0022_cases_received_key.js';
import { PgDialect } from './pg-driver.js';
import type { Database } from './schema.js';

export type Db = Kysely<Database>;
export type Tx = Transaction<Database>;
/** Either the root handle or a transaction: repositories take this so transactions compose. */
export type Conn = Db | Tx;

export interface DatabaseHandle {
  db: Db;
  kind: 'pglite' | 'postgres';
  close(): Promise<void>;
}

// COUNT(*) and BIGINT come back as numbers on both back ends (values stay far below 2^53).
const INT8 = 20;
const NUMERIC = 1700;
pg.types.setTypeParser(INT8, (v) => Number(v));
pg.types.setTypeParser(NUMERIC, (v) => Number(v));

/**
 * Opens PostgreSQL when DATABASE_URL is set, otherwise PGlite in DATA_DIR/pglite
 * (`memory://` for DATA_DIR=':memory:'). Runs migrations before returning.
 */
export async function openDatabase(config: Config): Promise<DatabaseHandle> {
  let handle: DatabaseHandle;
  if (config.DATABASE_URL) {
    const schema = config.DATABASE_SCHEMA;
    if (schema !== 'public') {
      const admin = new pg.Client({ connectionString: config.DATABASE_URL });
      await admin.connect();
      await admin.query(`create schema if not exists ${schema}`);
      await admin.end();
    }
    const pool = new pg.Pool({
      connectionString: config.DATABASE_URL,
      max: config.DATABASE_POOL_SIZE,
      options: `-c search_path=${schema}`,
      // Lets PgDialect write a transaction's BEGIN together with its first statement.
      pipeline: true,
    });
    const db = new Kysely<Database>({ dialect: new PgDialect(pool) });
    handle = { db, kind: 'postgres', close: () => db.destroy() };
  } else {
    const dataDir = config.DATA_DIR === ':memory:' ? 'memory://' : join(config.DATA_DIR, 'pglite');
    if (dataDir !== 'memory://') mkdirSync(dataDir, { recursive: true });
    const client = await PGlite.create(dataDir, {
      parsers: { [INT8]: (v: string) => Number(v), [NUMERIC]: (v: string) => Number(v) },
    });
    const { PGliteDialect } = await import('./pglite-dialect.js');
    const db = new Kysely<Database>({ dialect: new PGliteDialect(client) });
    handle = { db, kind: 'pglite', close: () => db.destroy() };
  }
  await migrate(handle.db, config.DATABASE_URL ? config.DATABASE_SCHEMA : undefined);
  return handle;
}

/**
 * Whether every migration here is already applied: one small query instead of the Migrator's
 * introspection of the whole catalogue, on every start. A database that is behind, or ahead (a
 * newer version ran on it), goes through the Migrator, which applies or refuses.
 */
async function upToDate(db: Db, schema?: string): Promise<boolean> {
  const table = schema ? sql.table(`${schema}.kysely_migration`) : sql.table('kysely_migration');
  try {
    const { rows } = await sql<{ name: string }>`select name from ${table}`.execute(db);
    const applied = new Set(rows.map((r) => r.name));
    const known = Object.keys(migrations);
    return applied.size === known.length && known.every((m) => applied.has(m));
  } catch {
    return false; // no migration table yet: a new database
  }
}

const migrations: Record<string, Migration> = {
  '0001_spine': m0001,
  '0003_catalogue': m0003,
  '0004_metrics_indexes': m0004,
  '0005_open311_clients': m0005,
  '0006_channels_outbox': m0006,
  '0007_self_service': m0007,
  '0008_service_attributes': m0008,
  '0009_place_aliases': m0009,
  '0010_unit_polygons': m0010,
  '0011_similar': m0011,
  '0012_classifier': m0012,
  '0013_similar_terms': m0013,
  '0014_case_event_seq': m0014,
  '0015_jobs': m0015,
  '0016_knowledge': m0016,
  '0017_case_h3': m0017,
  '0018_job_files': m0018,
  '0019_extension_moot': m0019,
  '0020_knowledge_corpus': m0020,
  '0021_knowledge_public': m0021,
  '0022_cases_received_key': m0022,
};

/** Applies pending migrations; safe to call from several processes (Kysely takes a lock). */
export async function migrate(db: Db, schema?: string): Promise<void> {
  if (await upToDate(db, schema)) return;
  // Naming the schema matters: without it Kysely looks for its lock table in any schema.
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
  for (let attempt = 1; ; attempt++) {
    const { error, results } = await migrator.migrateToLatest();
    const failed = results?.find((r) => r.status === 'Error');
    if (!error && !failed) return;
    if (!failed && droppedElsewhere(error, schema) && attempt < 5) continue;
    throw new Error(`migration failed: ${failed?.migrationName ?? ''} ${String(error)}`);
  }
}

/**
 * Whether a migration error only says another schema went away during Kysely's introspection,
 * which reads every schema of the database (pg_get_serial_sequence on each column): another
 * tenant's or a test's schema dropped meanwhile fails that read as 'schema "x" does not exist' or
 * 'relation "x.t" does not exist' without concerning ours, and reading again succeeds.
 */
export function droppedElsewhere(error: unknown, schema: string | undefined): boolean {
  const m = /schema "([^"]+)" does not exist|relation "([^".]+)\.[^"]+" does not exist/.exec(String(error));
  const gone = m?.[1] ?? m?.[2];
  return gone !== undefined && gone !== schema;
}
