import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../../test/db.js';
import type { AppContext } from '../../platform/context.js';
import type { DatabaseHandle } from '../../platform/db/index.js';
import { importDistrict } from '../org/index.js';
import { resolveAddress, type Resolution } from './geo.resolver.js';
import { getGeoIndex, type GeoIndex } from './geo.service.js';

/**
 * The hand-written address set (testdata/addresses.daxing.json) against the real 大兴区 tree
 * imported from the national division codes: accuracy at the intake threshold (speed: npm run bench:geo).
 */
interface Case {
  address: string;
  street: string | null;
  community?: string;
  expect: 'resolved' | 'ambiguous' | 'other_district' | 'district_only' | 'unresolved';
}

const { addresses } = JSON.parse(
  readFileSync(new URL('./testdata/addresses.daxing.json', import.meta.url), 'utf8'),
) as { addresses: Case[] };
const THRESHOLD = 0.6;

let handle: DatabaseHandle;
let index: GeoIndex;

beforeAll(async () => {
  const db = await freshDatabase({ SCRYPT_COST_LOG2: '10' });
  handle = db.handle;
  await importDistrict(handle.db, '110115', db.config.AUDIT_SECRET);
  const ctx: AppContext = { db: handle.db, config: db.config, dbKind: handle.kind };
  index = await getGeoIndex(ctx);
}, 120_000);
afterAll(async () => handle.close());

function judge(c: Case, r: Resolution): { street?: boolean; community?: boolean; other?: boolean } {
  const street = r.status === 'resolved' && r.confidence >= THRESHOLD ? (r.street?.name ?? null) : null;
  switch (c.expect) {
    case 'resolved': {
      const community =
        r.status === 'resolved' && r.communityConfidence >= THRESHOLD ? (r.community?.name ?? null) : null;
      return {
        street: street === c.street,
        ...(c.community ? { community: community === c.community } : {}),
      };
    }
    case 'ambiguous':
      return { other: r.status === 'resolved' && street === null && r.alternatives.length > 0 };
    case 'other_district':
      return { other: r.status === 'other_district' };
    case 'district_only':
      return { other: r.status === 'district_only' };
    case 'unresolved':
      return { other: street === null && r.status !== 'other_district' };
  }
}

describe('hand-written 大兴区 addresses', () => {
  it('has at least 200 addresses naming real units', () => {
    expect(addresses.length).toBeGreaterThanOrEqual(200);
    const names = new Set([...index.gazetteer.units.values()].map((u) => u.name));
    for (const c of addresses) {
      if (c.street) expect(names, c.address).toContain(c.street);
      if (c.community) expect(names, c.address).toContain(c.community);
    }
  });

  it('resolves streets and communities above the measured floors', () => {
    const tally: Record<'street' | 'community' | 'other', [number, number]> = {
      street: [0, 0],
      community: [0, 0],
      other: [0, 0],
    };
    const misses: string[] = [];
    for (const c of addresses) {
      const r = resolveAddress(index.gazetteer, c.address);
      for (const [k, ok] of Object.entries(judge(c, r)) as Array<[keyof typeof tally, boolean]>) {
        tally[k][1]++;
        if (ok) tally[k][0]++;
        else
          misses.push(
            `${k}: ${c.address} → ${r.status} ${r.street?.name ?? '-'} ${r.confidence} ${r.community?.name ?? '-'} ${r.communityConfidence}`,
          );
      }
    }
    const pct = ([ok, n]: [number, number]) => `${ok}/${n} = ${((100 * ok) / n).toFixed(1)} %`;
    console.log(
      `address set (${addresses.length}): street ${pct(tally.street)}, community ${pct(tally.community)}, ` +
        `unresolved/elsewhere/ambiguous ${pct(tally.other)}\n  ${misses.join('\n  ')}`,
    );
    expect(tally.street[1]).toBeGreaterThanOrEqual(200);
    expect(tally.street[0] / tally.street[1]).toBeGreaterThanOrEqual(0.98);
    expect(tally.community[0] / tally.community[1]).toBeGreaterThanOrEqual(0.97);
    expect(tally.other[0] / tally.other[1]).toBeGreaterThanOrEqual(0.95);
  });
});
