import { spawn, type ChildProcess } from 'node:child_process';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeWorld, type World } from '../../../test/world.js';
import { fireDueTimers } from './cases.jobs.js';

let w: World;
beforeAll(async () => {
  w = await makeWorld();
});
afterAll(async () => {
  await w.close();
});

async function dispatchedCases(n: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const res = await w.app.inject({
      method: 'POST',
      url: '/api/reports',
      headers: w.users.agent.auth,
      payload: {
        channel: 'hotline',
        text: `占道经营 ${i}`,
        categoryCode: '04-06',
        areaCode: '110115104001',
        autoDispatch: true,
      },
    });
    const body = res.json<{ case: { id: string; status: string } }>();
    expect(body.case.status).toBe('dispatched');
    ids.push(body.case.id);
  }
  return ids;
}

/** Moves every unfired timer of these cases into the past, as if the runners had been down. */
async function makeDue(ids: string[]) {
  await w.db
    .updateTable('timers')
    .set({ fire_at: sql`fire_at - interval '30 days'` })
    .where('case_id', 'in', ids)
    .execute();
}

async function firedOncePerTimer(ids: string[]) {
  const timers = await w.db.selectFrom('timers').selectAll().where('case_id', 'in', ids).execute();
  const events = await w.db
    .selectFrom('case_events')
    .select(sql<string>`data->>'timerId'`.as('timer'))
    .where('case_id', 'in', ids)
    .where('action', 'in', ['response_warning', 'response_overdue', 'resolve_warning', 'resolve_overdue'])
    .execute();
  const perTimer = new Map<string, number>();
  for (const e of events) perTimer.set(e.timer, (perTimer.get(e.timer) ?? 0) + 1);
  return { timers, perTimer };
}

describe('deadline timers', () => {
  it('mark warnings and overdue once, and not after the case was handled', async () => {
    const [late, handled] = await dispatchedCases(2);
    // `handled` makes first contact before its deadline passes
    const c = await w.app.inject({ url: `/api/cases/${handled}`, headers: w.users.handlerS1.auth });
    let version = c.json<{ case: { version: number } }>().case.version;
    for (const [action, body] of [
      ['accept', {}],
      ['contact', { note: '已联系' }],
    ] as const) {
      const r = await w.app.inject({
        method: 'POST',
        url: `/api/cases/${handled}/${action}`,
        headers: w.users.handlerS1.auth,
        payload: { version, ...body },
      });
      version = r.json<{ case: { version: number } }>().case.version;
    }
    await makeDue([late!, handled!]);
    expect(await fireDueTimers(w.ctx)).toBeGreaterThan(0);
    expect(await fireDueTimers(w.ctx)).toBe(0);

    const rows = await w.db.selectFrom('cases').selectAll().where('id', 'in', [late!, handled!]).execute();
    const lateRow = rows.find((r) => r.id === late)!;
    const handledRow = rows.find((r) => r.id === handled)!;
    expect(lateRow.response_overdue).toBe(true);
    expect(lateRow.responded_in_time).toBe(false);
    expect(lateRow.resolve_overdue).toBe(true);
    expect(handledRow.response_overdue).toBe(false);
    expect(handledRow.responded_in_time).toBe(true);
    const notices = await w.app.inject({ url: '/api/notices', headers: w.users.handlerS1.auth });
    const kinds = notices
      .json<{ items: Array<{ kind: string; case: { id: string } }> }>()
      .items.filter((n) => n.case.id === late)
      .map((n) => n.kind)
      .sort();
    expect(kinds).toEqual(['overdue', 'overdue', 'warning', 'warning']);
  });

  it.runIf(process.env.DATABASE_URL)(
    'two timer processes on one PostgreSQL fire each deadline exactly once',
    async () => {
      const ids = await dispatchedCases(60);
      await makeDue(ids);
      const env = {
        ...process.env,
        DATABASE_URL: w.ctx.config.DATABASE_URL,
        DATABASE_SCHEMA: w.ctx.config.DATABASE_SCHEMA,
        ROLES: 'worker',
        DEMO_SEED: 'false',
        TIMER_INTERVAL_MS: '20',
        LOG_LEVEL: 'warn',
      };
      const start = () => spawn(process.execPath, ['scripts/launch.mjs', 'main'], { env, stdio: 'inherit' });
      const workers: ChildProcess[] = [start(), start()];
      try {
        const deadline = Date.now() + 60_000;
        for (;;) {
          const left = await w.db
            .selectFrom('timers')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('case_id', 'in', ids)
            .where('fired_at', 'is', null)
            .where('cancelled_at', 'is', null)
            .executeTakeFirstOrThrow();
          if (Number(left.n) === 0) break;
          if (Date.now() > deadline) throw new Error(`${left.n} timers never fired`);
          await new Promise((r) => setTimeout(r, 200));
        }
      } finally {
        for (const worker of workers) worker.kill('SIGTERM');
      }
      const { timers, perTimer } = await firedOncePerTimer(ids);
      expect(timers).toHaveLength(ids.length * 4);
      expect(timers.every((t) => t.fired_at != null)).toBe(true);
      expect([...perTimer.values()].every((n) => n === 1)).toBe(true);
      expect(perTimer.size).toBe(ids.length * 4);
      const runners = new Set(timers.map((t) => t.fired_by));
      console.log(`timers fired by ${runners.size} runner(s): ${[...runners].join(', ')}`);
    },
  );
});
