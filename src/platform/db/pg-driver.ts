import {
  CompiledQuery,
  type DatabaseConnection,
  type Driver,
  type QueryResult,
  type TransactionSettings,
} from 'kysely';
import { PostgresFamilyDialect } from './dialect.js';
import type { Writable } from 'node:stream';
import type pg from 'pg';

/**
 * A compiled query that PostgreSQL should keep prepared on each connection under `name`: it is
 * parsed and planned once per connection instead of on every execution, and later executions
 * send only the parameters. Only for fixed SQL text on hot paths (one name, one text); PGlite
 * ignores the name.
 */
export interface PreparedQuery<R = unknown> extends CompiledQuery<R> {
  /** Statement name; without one the statement is not prepared (see `deferredQuery`). */
  readonly name?: string;
  /**
   * Inside a transaction, for a write whose result the caller does not read: the statement is
   * not sent at once but together with the transaction's next statement or its COMMIT, saving a
   * round trip. PostgreSQL runs it in the same order; if it fails, that next statement or the
   * commit throws its error (the commit then rolls back), so nothing it belongs to commits
   * without it. Outside a transaction, and on PGlite, it runs at once.
   */
  readonly deferred?: boolean;
}

/**
 * A write whose result nobody reads, sent with the transaction's next statement or COMMIT (see
 * PreparedQuery.deferred): `deferredQuery(db.insertInto(…).values(…))`. Not prepared, so SQL
 * text may vary (row counts); several may wait, and they run in the order they were issued.
 */
export function deferredQuery(query: { compile(): CompiledQuery }): PreparedQuery {
  return { ...query.compile(), deferred: true };
}

/** `CompiledQuery.raw` with a statement name (see PreparedQuery). */
export function preparedQuery<R>(
  name: string,
  text: string,
  parameters: readonly unknown[],
  options: { deferred?: boolean } = {},
): PreparedQuery<R> {
  return { ...CompiledQuery.raw(text, parameters as unknown[]), name, ...options };
}

/**
 * Kysely's PostgreSQL dialect over a node-postgres pool, with savings that do not change what is
 * executed, in which order, or in which transaction:
 *
 * - queries carrying a `name` (PreparedQuery) run as named prepared statements;
 * - BEGIN is not sent on its own: it is written together with the transaction's first statement
 *   (node-postgres pipeline mode, so the pool's clients must be created with `pipeline: true`).
 *   PostgreSQL still executes BEGIN first and the statement inside the transaction; a
 *   transaction that runs no statement sends nothing;
 * - deferred statements (PreparedQuery.deferred) are written together with the next statement
 *   or the COMMIT.
 *
 * On a busy intake path each round trip costs a socket write and a wakeup on both sides; these
 * took intake from four round trips to two (BEGIN+open case, audit entry+COMMIT). Every batch
 * waits for all of its results before the next is sent.
 *
 * No streaming and no savepoints (nothing here uses them; the stock dialect also needs a cursor
 * module to stream).
 */
export class PgDialect extends PostgresFamilyDialect {
  constructor(private readonly pool: pg.Pool) {
    super();
  }
  createDriver(): Driver {
    return new PgDriver(this.pool);
  }
}

class PgDriver implements Driver {
  private readonly connections = new WeakMap<pg.PoolClient, PgConnection>();
  private open = true;

  constructor(private readonly pool: pg.Pool) {}

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    const client = await this.pool.connect();
    if (!this.open) {
      client.release();
      throw new Error('driver has already been destroyed');
    }
    let connection = this.connections.get(client);
    if (!connection) {
      connection = new PgConnection(client);
      this.connections.set(client, connection);
    }
    return connection;
  }

  async beginTransaction(conn: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    let begin = 'begin';
    if (settings.isolationLevel || settings.accessMode) {
      begin = 'start transaction';
      if (settings.isolationLevel) begin += ` isolation level ${settings.isolationLevel}`;
      if (settings.accessMode) begin += ` ${settings.accessMode}`;
    }
    (conn as PgConnection).begin(begin);
  }

  async commitTransaction(conn: DatabaseConnection): Promise<void> {
    await (conn as PgConnection).commit();
  }

  async rollbackTransaction(conn: DatabaseConnection): Promise<void> {
    await (conn as PgConnection).rollback();
  }

  async releaseConnection(conn: DatabaseConnection): Promise<void> {
    (conn as PgConnection).release();
  }

  async destroy(): Promise<void> {
    if (!this.open) return;
    this.open = false;
    await this.pool.end();
  }
}

type Message = string | pg.QueryConfig;

class PgConnection implements DatabaseConnection {
  /** The BEGIN of a transaction that has not sent a statement yet. */
  private pendingBegin: string | null = null;
  /** Deferred statements (PreparedQuery.deferred) not sent yet, in order. */
  private deferred: pg.QueryConfig[] = [];
  private inTransaction = false;

  constructor(private readonly client: pg.PoolClient) {}

  begin(command: string): void {
    this.pendingBegin = command;
    this.inTransaction = true;
  }

  async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    const { name, deferred } = compiled as Partial<PreparedQuery>;
    const values = [...compiled.parameters];
    const config: pg.QueryConfig = name
      ? { name, text: compiled.sql, values }
      : { text: compiled.sql, values };
    if (deferred && this.inTransaction) {
      this.deferred.push(config);
      return { rows: [] };
    }
    const result = await this.send([config]);
    const { command, rowCount, rows } = result!;
    return {
      numAffectedRows:
        command === 'INSERT' || command === 'UPDATE' || command === 'DELETE' || command === 'MERGE'
          ? BigInt(rowCount ?? 0)
          : undefined,
      rows: (rows ?? []) as R[],
    };
  }

  /**
   * Writes what is waiting (the transaction's BEGIN, a deferred statement) and then `messages` in
   * one write, and waits for all of them; PostgreSQL runs them in that order. Throws the first
   * error in that order: after it the transaction is aborted and what follows failed because of
   * it. Returns the result of the last message.
   */
  private async send(messages: Message[]): Promise<pg.QueryResult | undefined> {
    const batch: Message[] = [];
    if (this.pendingBegin) batch.push(this.pendingBegin);
    batch.push(...this.deferred);
    this.pendingBegin = null;
    this.deferred = [];
    batch.push(...messages);
    if (batch.length === 0) return undefined;
    if (batch.length === 1) return this.client.query(batch[0]!);
    // node-postgres corks the messages of one query the same way.
    const stream = (this.client as unknown as { connection?: { stream?: Partial<Writable> } }).connection
      ?.stream;
    stream?.cork?.();
    const sent: Promise<pg.QueryResult>[] = [];
    try {
      for (const m of batch) sent.push(this.client.query(m));
    } finally {
      stream?.uncork?.();
    }
    const settled = await Promise.allSettled(sent);
    for (const r of settled) if (r.status === 'rejected') throw r.reason;
    return (settled.at(-1) as PromiseFulfilledResult<pg.QueryResult>).value;
  }

  // eslint-disable-next-line require-yield
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('streaming is not supported by this PostgreSQL driver');
  }

  async commit(): Promise<void> {
    this.inTransaction = false;
    // Nothing sent yet and nothing deferred: the transaction did nothing.
    if (this.pendingBegin && this.deferred.length === 0) this.pendingBegin = null;
    else await this.send(['commit']);
  }

  async rollback(): Promise<void> {
    // Deferred statements are dropped: they would be rolled back anyway.
    this.deferred = [];
    const begun = this.pendingBegin === null;
    this.pendingBegin = null;
    // After a failed commit PostgreSQL has already ended the transaction.
    if (this.inTransaction && begun) await this.client.query('rollback');
    this.inTransaction = false;
  }

  release(): void {
    this.pendingBegin = null;
    this.deferred = [];
    this.inTransaction = false;
    this.client.release();
  }
}
