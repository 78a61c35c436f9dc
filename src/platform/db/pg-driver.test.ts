import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../../test/db.js';
import { appendAuditAfter, lockAuditHead, shardOf } from '../audit.js';
import type { DatabaseHandle } from './index.js';
import { deferredQuery, preparedQuery } from './pg-driver.js';

// Runs on both back ends: on PGlite deferred statements run at once, on PostgreSQL they go out
// with the next statement or the COMMIT; what commits, and which error a caller sees, is the same.
let handle: DatabaseHandle;
const entry = { actorUserId: null, action: 'case.test', entity: 'case', entityId: 'driver-1' };
const shard = shardOf('case', 'driver-1');
const staleHead = { shard, seq: 0, hash: '0'.repeat(64) };

beforeAll(async () => {
  ({ handle } = await freshDatabase());
  await handle.db.transaction().execute(async (tx) => {
    await appendAuditAfter(tx, 's', await lockAuditHead(tx, shard), entry);
  });
});
afterAll(async () => {
  await handle.close();
});

const settings = (key: string) =>
  handle.db.selectFrom('settings').select('key').where('key', '=', key).execute();
const chainLength = async () =>
  (await handle.db.selectFrom('audit_log').select('seq').where('shard', '=', shard).execute()).length;

describe('transactions with deferred statements', () => {
  it('a failing deferred write fails the next statement with its own error and commits nothing', async () => {
    const run = handle.db.transaction().execute(async (tx) => {
      await appendAuditAfter(tx, 's', staleHead, entry); // (shard, 1) exists: unique violation
      await tx.insertInto('settings').values({ key: 'driver-a', value: '1' }).execute();
    });
    await expect(run).rejects.toMatchObject({ code: '23505' });
    expect(await settings('driver-a')).toHaveLength(0);
    expect(await chainLength()).toBe(1);
  });

  it('a failing deferred write that ends the transaction fails the commit', async () => {
    const run = handle.db.transaction().execute(async (tx) => {
      await tx.insertInto('settings').values({ key: 'driver-b', value: '1' }).execute();
      await appendAuditAfter(tx, 's', staleHead, entry);
    });
    await expect(run).rejects.toMatchObject({ code: '23505' });
    expect(await settings('driver-b')).toHaveLength(0);
  });

  it('a deferred write is dropped with the transaction when the callback throws', async () => {
    const run = handle.db.transaction().execute(async (tx) => {
      const head = await lockAuditHead(tx, shard);
      await appendAuditAfter(tx, 's', head, entry);
      throw new Error('boom');
    });
    await expect(run).rejects.toThrow('boom');
    expect(await chainLength()).toBe(1);
  });

  it('runs several deferred writes in the order they were issued, before the next statement', async () => {
    const value = await handle.db.transaction().execute(async (tx) => {
      await tx.executeQuery(deferredQuery(tx.insertInto('settings').values({ key: 'driver-c', value: '1' })));
      await tx.executeQuery(
        deferredQuery(tx.updateTable('settings').set({ value: '2' }).where('key', '=', 'driver-c')),
      );
      await tx.executeQuery(deferredQuery(tx.insertInto('settings').values({ key: 'driver-d', value: '3' })));
      return (
        await tx.selectFrom('settings').select('value').where('key', '=', 'driver-c').executeTakeFirst()
      )?.value;
    });
    expect(value).toEqual(2);
    expect(await settings('driver-d')).toHaveLength(1);
  });

  it('commits deferred and prepared statements, and empty transactions do nothing', async () => {
    await handle.db.transaction().execute(async () => {});
    const seq = await handle.db.transaction().execute(async (tx) => {
      const head = await lockAuditHead(tx, shard);
      await appendAuditAfter(tx, 's', head, entry);
      const { rows } = await tx.executeQuery<{ seq: number }>(
        preparedQuery('driver_test_head', 'select seq from audit_heads where shard = $1', [shard]),
      );
      return rows[0]!.seq;
    });
    expect(seq).toBe(2);
    expect(await chainLength()).toBe(2);
  });

  it('links a second entry on a shard to the first without reading the head again', async () => {
    await handle.db.transaction().execute(async (tx) => {
      const head = await lockAuditHead(tx, shard);
      await appendAuditAfter(tx, 's', head, entry);
      const next = await lockAuditHead(tx, shard);
      expect(next.seq).toBe(head.seq + 1);
      await appendAuditAfter(tx, 's', next, entry);
    });
    const { rows } = await handle.db.executeQuery<{ seq: number }>(
      preparedQuery('driver_test_head', 'select seq from audit_heads where shard = $1', [shard]),
    );
    expect(Number(rows[0]!.seq)).toBe(await chainLength());
  });
});
