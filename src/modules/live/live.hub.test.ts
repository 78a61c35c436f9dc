import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../../test/db.js';
import type { DatabaseHandle, Db } from '../../platform/db/index.js';
import { makeCase, makeOrg, type Org } from '../metrics/metrics.factories.js';
import { LiveHub, type LiveEvent } from './live.hub.js';

let handle: DatabaseHandle;
let db: Db;
let org: Org;
let inDistrict: string;
let elsewhere: string;

beforeAll(async () => {
  handle = (await freshDatabase()).handle;
  db = handle.db;
  org = await makeOrg(db);
  inDistrict = await makeCase(db, { lead: org.a1, dispatchedAt: new Date() });
  // A case of another district of the city: its lead unit lies outside 大兴区's path.
  elsewhere = await makeCase(db, {
    lead: { id: org.city.id, path: '110000/110105/', name: '朝阳区' },
    dispatchedAt: new Date(),
    area_unit_id: null,
    area_path: '110000/110105/',
    withAssignment: false,
  });
});
afterAll(async () => {
  await handle.close();
});

/** Writes a timeline entry with the given number, as a transaction that took it would commit it. */
async function entry(caseId: string, seq: number, action: string): Promise<void> {
  await sql`insert into case_events (id, case_id, at, action, data, seq) overriding system value
    values (${randomUUID()}, ${caseId}, now(), ${action}, '{}', ${seq})`.execute(db);
}

function listener(hub: LiveHub, scopePath: string, after?: number) {
  const got: LiveEvent[] = [];
  let resets = 0;
  const subscribed = hub.subscribe(
    { scopePath, send: (e) => got.push(e), reset: () => (resets += 1) },
    after,
  );
  return { got, subscribed, resets: () => resets };
}

describe('LiveHub', () => {
  it('sends new entries in the scope once, and an entry that commits after a higher number too', async () => {
    // Polled by hand: the timer is an hour.
    const hub = new LiveHub(
      db,
      (err) => {
        throw err;
      },
      3_600_000,
    );
    const district = listener(hub, org.district.path);
    const chaoyang = listener(hub, '110000/110105/');
    await district.subscribed;
    await chaoyang.subscribed;

    await entry(inDistrict, 1, 'received');
    await entry(inDistrict, 3, 'accept'); // number 2 is taken by a transaction still open
    await entry(elsewhere, 4, 'received');
    expect(await hub.poll()).toBe(3);
    expect(district.got.map((e) => [e.seq, e.action])).toEqual([
      [1, 'received'],
      [3, 'accept'],
    ]);
    expect(chaoyang.got.map((e) => e.seq)).toEqual([4]);
    expect(district.got[0]!.case).toMatchObject({ id: inDistrict, number: expect.any(String) as string });

    await entry(inDistrict, 2, 'dispatch'); // … and commits now
    await hub.poll();
    await hub.poll();
    expect(district.got.map((e) => e.seq)).toEqual([1, 3, 2]);
    expect(chaoyang.got.map((e) => e.seq)).toEqual([4]);
    hub.close();
  });

  it('replays what a returning client missed, then goes on live without sending anything twice', async () => {
    const hub = new LiveHub(
      db,
      (err) => {
        throw err;
      },
      3_600_000,
    );
    await entry(inDistrict, 10, 'resolve');
    const back = listener(hub, org.district.path, 2);
    await back.subscribed;
    expect(back.got.map((e) => e.seq)).toEqual([3, 10]);
    await entry(inDistrict, 11, 'verify');
    await hub.poll();
    expect(back.got.map((e) => e.seq)).toEqual([3, 10, 11]);
    expect(back.resets()).toBe(0);
    hub.close();
  });
});
