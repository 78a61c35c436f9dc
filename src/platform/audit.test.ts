import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../test/db.js';
import { appendAudit, canonicalJson, lockAuditHeads, shardOf, verifyAudit } from './audit.js';
import type { DatabaseHandle } from './db/index.js';

const SECRET = 'test-secret-123';
let handle: DatabaseHandle;

beforeAll(async () => {
  ({ handle } = await freshDatabase());
});
afterAll(async () => {
  await handle.close();
});

async function write(n: number, entity = 'case') {
  for (let i = 0; i < n; i++) {
    await handle.db.transaction().execute((tx) =>
      appendAudit(tx, SECRET, {
        actorUserId: 1,
        action: 'case.dispatch',
        entity,
        entityId: `e${i % 5}`,
        before: { status: 'received', n: i },
        after: { status: 'dispatched', n: i, nested: { b: 1, a: [1, 'x'] } },
      }),
    );
  }
}

/** The (shard, seq) of the entries of entity e0, which all share one chain. */
async function chainOf(entityId: string) {
  const shard = shardOf('case', entityId);
  const rows = await handle.db
    .selectFrom('audit_log')
    .select(['seq'])
    .where('shard', '=', shard)
    .orderBy('seq')
    .execute();
  return { shard, seqs: rows.map((r) => Number(r.seq)) };
}

describe('audit chain', () => {
  it('canonical JSON ignores key order', () => {
    expect(canonicalJson({ b: 1, a: { d: 2, c: 3 } })).toBe(canonicalJson({ a: { c: 3, d: 2 }, b: 1 }));
  });

  it('verifies an untouched log', async () => {
    await write(40);
    const result = await verifyAudit(handle.db, SECRET);
    expect(result.entries).toBe(40);
    expect(result.problems).toEqual([]);
  });

  it('chains many entries over many shards in one transaction after locking the heads together', async () => {
    const before = (await verifyAudit(handle.db, SECRET)).entries;
    const ids = Array.from({ length: 30 }, (_, i) => `batch-${i}`);
    await handle.db.transaction().execute(async (tx) => {
      await lockAuditHeads(
        tx,
        ids.map((id) => shardOf('case', id)),
      );
      for (const id of [...ids, ...ids])
        await appendAudit(tx, SECRET, {
          actorUserId: null,
          action: 'case.test',
          entity: 'case',
          entityId: id,
        });
    });
    const result = await verifyAudit(handle.db, SECRET);
    expect(result.entries).toBe(before + 60);
    expect(result.problems).toEqual([]);
  });

  it('fails verification with the wrong secret', async () => {
    const result = await verifyAudit(handle.db, 'another-secret');
    expect(result.problems.length).toBeGreaterThan(0);
  });

  it('pinpoints an edited entry', async () => {
    const { shard, seqs } = await chainOf('e1');
    const target = seqs[1]!;
    await sql`update audit_log set after = jsonb_set(after, '{status}', '"closed"') where shard = ${shard} and seq = ${target}`.execute(
      handle.db,
    );
    const { problems } = await verifyAudit(handle.db, SECRET);
    expect(problems).toEqual([expect.objectContaining({ shard, seq: target, problem: 'edited' })]);
    await sql`update audit_log set after = jsonb_set(after, '{status}', '"dispatched"') where shard = ${shard} and seq = ${target}`.execute(
      handle.db,
    );
    expect((await verifyAudit(handle.db, SECRET)).problems).toEqual([]);
  });

  it('pinpoints a deleted entry, a truncated tail and an inserted entry', async () => {
    const { shard, seqs } = await chainOf('e2');
    const middle = seqs[1]!;
    const saved = await handle.db
      .selectFrom('audit_log')
      .selectAll()
      .where('shard', '=', shard)
      .where('seq', '=', middle)
      .executeTakeFirstOrThrow();
    await handle.db.deleteFrom('audit_log').where('shard', '=', shard).where('seq', '=', middle).execute();
    expect((await verifyAudit(handle.db, SECRET)).problems).toEqual([
      expect.objectContaining({ shard, seq: middle, problem: 'deleted' }),
    ]);
    await handle.db
      .insertInto('audit_log')
      .values({ ...saved, before: JSON.stringify(saved.before), after: JSON.stringify(saved.after) })
      .execute();

    const last = seqs[seqs.length - 1]!;
    await handle.db.deleteFrom('audit_log').where('shard', '=', shard).where('seq', '=', last).execute();
    expect((await verifyAudit(handle.db, SECRET)).problems).toEqual([
      expect.objectContaining({ shard, seq: last, problem: 'truncated' }),
    ]);

    // a forged entry appended after the head, with a made-up hash
    const other = await chainOf('e3');
    const next = other.seqs[other.seqs.length - 1]! + 1;
    await handle.db
      .insertInto('audit_log')
      .values({
        shard: other.shard,
        seq: next,
        at: new Date(),
        actor_user_id: 1,
        action: 'case.close',
        entity: 'case',
        entity_id: 'e3',
        before: 'null',
        after: 'null',
        prev_hash: 'f'.repeat(64),
        hash: 'a'.repeat(64),
      })
      .execute();
    const problems = (await verifyAudit(handle.db, SECRET)).problems;
    expect(problems).toContainEqual(
      expect.objectContaining({ shard: other.shard, seq: next, problem: 'inserted' }),
    );
  });
});
