import { createHash, createHmac } from 'node:crypto';
import type { Conn, Db } from './db/index.js';
import { preparedQuery } from './db/pg-driver.js';

/**
 * Append-only, hash-chained audit log. The log is split into SHARDS independent chains
 * (shard = hash of the entity) so concurrent changes to different cases lock different head
 * rows instead of one global tail. Each entry's hash is HMAC-SM3 over its canonical content
 * and the previous entry's hash, keyed with AUDIT_SECRET: editing, inserting or deleting an
 * entry breaks the chain, and the chain cannot be recomputed without the secret.
 */
export const SHARDS = 64;
const GENESIS = '0'.repeat(64);

export interface AuditEntry {
  actorUserId: number | null;
  action: string;
  entity: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
}

/** JSON with object keys sorted at every level, so jsonb's key reordering cannot change a hash. */
export function canonicalJson(value: unknown): string {
  if (value === undefined || value === null) return 'null';
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function shardOf(entity: string, entityId: string): number {
  return createHash('sha256').update(`${entity}:${entityId}`).digest().readUInt16BE(0) % SHARDS;
}

interface HashedFields {
  shard: number;
  seq: number;
  at: Date;
  actor_user_id: number | null;
  action: string;
  entity: string;
  entity_id: string;
  before: unknown;
  after: unknown;
  prev_hash: string;
}

function entryHash(secret: string, e: HashedFields): string {
  const content = canonicalJson({
    shard: e.shard,
    seq: Number(e.seq),
    at: e.at.toISOString(),
    actor: e.actor_user_id,
    action: e.action,
    entity: e.entity,
    entityId: e.entity_id,
    before: e.before ?? null,
    after: e.after ?? null,
    prev: e.prev_hash,
  });
  return createHmac('sm3', secret).update(content).digest('hex');
}

/** Normalises a value the way a jsonb round trip would (dates to strings, undefined dropped). */
function toJsonValue(value: unknown): unknown {
  return value === undefined ? null : (JSON.parse(JSON.stringify(value)) as unknown);
}

/** A shard's head as read under its row lock: the entry after it links to `hash`. */
export interface AuditHead {
  shard: number;
  seq: number;
  hash: string;
}

/**
 * The heads this transaction holds locked, as its own appends moved them: a second entry on the
 * same shard in one transaction (intake, then its automatic dispatch) links to the first without
 * reading the head again — the row lock taken by the first read holds until commit, so nobody
 * else can have moved it. Keyed by the transaction object, so it ends with the transaction.
 */
const heldHeads = new WeakMap<object, Map<number, AuditHead>>();

function holdHead(tx: Conn, head: AuditHead): void {
  if (!tx.isTransaction) return;
  let held = heldHeads.get(tx);
  if (!held) heldHeads.set(tx, (held = new Map<number, AuditHead>()));
  held.set(head.shard, head);
}

/** Locks a shard's head row for the rest of the transaction and returns it. */
export async function lockAuditHead(tx: Conn, shard: number): Promise<AuditHead> {
  const held = heldHeads.get(tx)?.get(shard);
  if (held) return held;
  const head = await tx
    .selectFrom('audit_heads')
    .select(['seq', 'hash'])
    .where('shard', '=', shard)
    .forUpdate()
    .executeTakeFirstOrThrow();
  const locked = { shard, seq: Number(head.seq), hash: head.hash };
  holdHead(tx, locked);
  return locked;
}

/**
 * Locks several shards' heads in one statement, in shard order (PostgreSQL locks the rows as the
 * sorted scan returns them): a transaction that writes entries for many cases takes its locks in
 * the one global order, so it cannot deadlock with another doing the same.
 */
export async function lockAuditHeads(tx: Conn, shards: readonly number[]): Promise<void> {
  const wanted = [...new Set(shards)].filter((s) => !heldHeads.get(tx)?.has(s));
  if (wanted.length === 0) return;
  const rows = await tx
    .selectFrom('audit_heads')
    .select(['shard', 'seq', 'hash'])
    .where('shard', 'in', wanted)
    .orderBy('shard')
    .forUpdate()
    .execute();
  for (const r of rows) holdHead(tx, { shard: r.shard, seq: Number(r.seq), hash: r.hash });
}

/** Appends one entry inside the caller's transaction; the shard's head row stays locked until commit. */
export async function appendAudit(
  tx: Conn,
  secret: string,
  entry: AuditEntry,
  at = new Date(),
): Promise<void> {
  const head = await lockAuditHead(tx, shardOf(entry.entity, entry.entityId));
  await appendAuditAfter(tx, secret, head, entry, at);
}

/**
 * Appends an entry after a head the caller has already locked in this transaction (hot paths
 * fold the lock into an earlier statement to save a round trip).
 */
export async function appendAuditAfter(
  tx: Conn,
  secret: string,
  head: AuditHead,
  entry: AuditEntry,
  at = new Date(),
): Promise<void> {
  if (head.shard !== shardOf(entry.entity, entry.entityId)) throw new Error('audit head of the wrong shard');
  const fields: HashedFields = {
    shard: head.shard,
    seq: head.seq + 1,
    at,
    actor_user_id: entry.actorUserId,
    action: entry.action,
    entity: entry.entity,
    entity_id: entry.entityId,
    before: toJsonValue(entry.before),
    after: toJsonValue(entry.after),
    prev_hash: head.hash,
  };
  const hash = entryHash(secret, fields);
  holdHead(tx, { shard: head.shard, seq: fields.seq, hash });
  // One round trip: the entry and the moved head in one statement.
  await tx.executeQuery(
    preparedQuery(
      'audit_append',
      appendSql,
      [
        fields.shard,
        fields.seq,
        fields.at,
        fields.actor_user_id,
        fields.action,
        fields.entity,
        fields.entity_id,
        JSON.stringify(fields.before),
        JSON.stringify(fields.after),
        fields.prev_hash,
        hash,
      ],
      { deferred: true },
    ),
  );
}

/**
 * The append statement, written once (it runs on every change of every case) and kept prepared
 * on each connection: PostgreSQL parses and plans it once per connection. Its result is not
 * read, so it is deferred (see PreparedQuery): on PostgreSQL it goes out with the transaction's
 * next statement or its COMMIT, and its failure still fails the transaction.
 */
const appendSql =
  'with "entry" as (insert into "audit_log" ("shard", "seq", "at", "actor_user_id", "action", "entity", ' +
  '"entity_id", "before", "after", "prev_hash", "hash") values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)) ' +
  'update "audit_heads" set "seq" = $2, "hash" = $11 where "shard" = $1';

export interface AuditProblem {
  shard: number;
  seq: number;
  problem: 'edited' | 'deleted' | 'inserted' | 'truncated';
  detail: string;
}

/** Walks every chain and names each entry that was edited, inserted or deleted. */
export async function verifyAudit(
  db: Db,
  secret: string,
  batch = 5_000,
): Promise<{ entries: number; problems: AuditProblem[] }> {
  const problems: AuditProblem[] = [];
  let entries = 0;
  const heads = await db.selectFrom('audit_heads').selectAll().orderBy('shard').execute();
  for (const head of heads) {
    let expectedSeq = 1;
    let prevHash = GENESIS;
    let lastSeq = 0;
    for (;;) {
      const rows = await db
        .selectFrom('audit_log')
        .selectAll()
        .where('shard', '=', head.shard)
        .where('seq', '>=', expectedSeq)
        .orderBy('seq')
        .limit(batch)
        .execute();
      if (rows.length === 0) break;
      for (const row of rows) {
        entries++;
        const seq = Number(row.seq);
        if (seq > expectedSeq) {
          problems.push({
            shard: head.shard,
            seq: expectedSeq,
            problem: 'deleted',
            detail: `entries ${expectedSeq}..${seq - 1} are missing`,
          });
        }
        const recomputed = entryHash(secret, { ...row, seq });
        if (recomputed !== row.hash) {
          problems.push({
            shard: head.shard,
            seq,
            problem: row.prev_hash === prevHash || seq > expectedSeq ? 'edited' : 'inserted',
            detail: `${row.entity} ${row.entity_id} ${row.action}: content does not match its hash`,
          });
        } else if (row.prev_hash !== prevHash && seq === expectedSeq) {
          problems.push({
            shard: head.shard,
            seq,
            problem: 'inserted',
            detail: `${row.entity} ${row.entity_id} ${row.action}: does not link to the entry before it`,
          });
        }
        prevHash = row.hash;
        expectedSeq = seq + 1;
        lastSeq = seq;
      }
    }
    if (lastSeq < Number(head.seq)) {
      problems.push({
        shard: head.shard,
        seq: lastSeq + 1,
        problem: 'truncated',
        detail: `chain ends at ${lastSeq} but its head records ${head.seq}`,
      });
    } else if (lastSeq > Number(head.seq)) {
      problems.push({
        shard: head.shard,
        seq: Number(head.seq) + 1,
        problem: 'inserted',
        detail: `entries after the head (${head.seq}) were added outside the chain`,
      });
    } else if (lastSeq > 0 && prevHash !== head.hash) {
      problems.push({
        shard: head.shard,
        seq: lastSeq,
        problem: 'edited',
        detail: 'last entry does not match the head',
      });
    }
  }
  return { entries, problems };
}
