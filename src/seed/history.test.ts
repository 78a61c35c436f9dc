import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../test/db.js';
import { summary, monthPeriod } from '../modules/metrics/index.js';
import { verifyAudit } from '../platform/audit.js';
import type { AppContext } from '../platform/context.js';
import type { DatabaseHandle } from '../platform/db/index.js';
import { statuses } from '../modules/cases/cases.state.js';
import { seedDemo, type DemoSeed } from './demo.js';

// The history ends at a fixed moment (10:00 Beijing time on 10 November 2026), so its cases,
// their states and the figures below are the same on every run.
const END = new Date('2026-11-10T02:00:00Z');
const DAYS = 40;

let handle: DatabaseHandle;
let ctx: AppContext;
let seeded: DemoSeed | null;

beforeAll(async () => {
  const fresh = await freshDatabase({
    SCRYPT_COST_LOG2: '10',
    DEMO_HISTORY_DAYS: String(DAYS),
    DEMO_HISTORY_PER_DAY: '6',
    // As on a real first start: similar reports join open cases by themselves.
    SIMILAR_AUTO_MERGE_SCORE: '0.9',
  });
  handle = fresh.handle;
  ctx = { db: handle.db, config: fresh.config, dbKind: handle.kind, clock: { now: () => new Date(END) } };
  seeded = await seedDemo(ctx);
}, 600_000);
afterAll(async () => handle.close());

async function countBy(column: 'status' | 'channel') {
  const { rows } = await sql<{ key: string; n: number }>`
    select ${sql.ref(column)} as key, count(*)::int as n from cases group by 1`.execute(handle.db);
  return Object.fromEntries(rows.map((r) => [r.key, r.n]));
}

describe('the demo history', () => {
  it('files the planned reports through the real services, all before the end', async () => {
    const h = seeded!.history!;
    console.log(
      `demo history: ${h.reports} reports, ${h.cases} cases in ${(h.ms / 1000).toFixed(1)} s on ${handle.kind}`,
    );
    const { rows } = await sql<{
      cases: number;
      reports: number;
      first: Date;
      last: Date;
      events_last: Date;
    }>`
      select (select count(*)::int from cases) as cases, (select count(*)::int from reports) as reports,
             (select min(received_at) from cases) as first, (select max(received_at) from cases) as last,
             (select max(at) from case_events) as events_last`.execute(handle.db);
    const r = rows[0]!;
    expect(r.cases).toBe(h.cases);
    expect(r.reports).toBe(h.reports);
    expect(h.cases).toBeGreaterThan(150);
    expect(new Date(r.first).getTime()).toBeGreaterThanOrEqual(END.getTime() - DAYS * 86_400_000);
    expect(new Date(r.last).getTime()).toBeLessThan(END.getTime());
    expect(new Date(r.events_last).getTime()).toBeLessThanOrEqual(END.getTime());
  });

  it('leaves cases in every lifecycle status, from every channel', async () => {
    const byStatus = await countBy('status');
    for (const s of statuses) expect(byStatus[s], s).toBeGreaterThan(0);
    expect(byStatus.closed).toBeGreaterThan(byStatus.in_progress!);
    expect(Object.keys(await countBy('channel')).sort()).toEqual(['grid', 'hotline', 'iot', 'web', 'wechat']);
  });

  it('takes the side paths: returns, re-dispatch, extensions, urges, reopening, overdue marks, merges', async () => {
    const { rows } = await sql<{ action: string; n: number }>`
      select action, count(*)::int as n from case_events group by action`.execute(handle.db);
    const events = Object.fromEntries(rows.map((r) => [r.action, r.n]));
    for (const a of [
      'received',
      'dispatch',
      'accept',
      'contact',
      'return',
      'resolve',
      'verify',
      'verify_failed',
      'evaluate',
      'reopen',
      'close',
      'request_extension',
      'urge',
      'response_overdue',
      'resolve_overdue',
      'answer',
      'invalidate',
      'merge',
    ]) {
      expect(events[a], a).toBeGreaterThan(0);
    }
    // Auto-dispatch at intake (hotline, grid, sensors, confident suggestions) and by the dispatcher.
    const { rows: queued } = await sql<{ n: number }>`
      select count(*)::int as n from cases where status = 'received'`.execute(handle.db);
    expect(queued[0]!.n).toBeGreaterThan(0);
  });

  it('gives last month plausible 三率', async () => {
    const m = await summary(handle.db, { ...monthPeriod('2026-10'), scopePath: null });
    console.log('2026-10', m.counts, m.rates);
    expect(m.rates.responseRate).toBeGreaterThan(0.75);
    expect(m.rates.responseRate).toBeLessThan(1);
    expect(m.rates.solveRate).toBeGreaterThan(0.75);
    expect(m.rates.solveRate).toBeLessThan(1);
    expect(m.rates.satisfactionRate).toBeGreaterThan(0.75);
    expect(m.rates.satisfactionRate).toBeLessThan(1);
  });

  it('keeps the audit chain intact', async () => {
    const { entries, problems } = await verifyAudit(handle.db, ctx.config.AUDIT_SECRET);
    expect(problems).toEqual([]);
    expect(entries).toBeGreaterThan(seeded!.history!.cases * 5);
  });

  it('is deterministic: the same plan gives the same counts', async () => {
    const byStatus = await countBy('status');
    // Recorded from this test's first run: a change to the plan or the services shows here.
    expect({ cases: seeded!.history!.cases, ...byStatus }).toMatchInlineSnapshot(`
      {
        "accepted": 2,
        "cases": 211,
        "closed": 163,
        "dispatched": 2,
        "evaluated": 3,
        "in_progress": 19,
        "invalid": 2,
        "merged": 10,
        "received": 2,
        "resolved": 2,
        "returned": 1,
        "verified": 5,
      }
    `);
  });
});
