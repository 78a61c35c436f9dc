import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { World } from '../../../test/world.js';
import { pruneTrackingFailuresJob } from './index.js';
import { MAX_FAILURES } from './selfservice.tracking.js';
import {
  count,
  driveToResolution,
  form,
  publicClient,
  selfServiceWorld,
  staffStep,
} from './selfservice.testkit.js';

let w: World;
beforeAll(async () => {
  w = await selfServiceWorld();
});
afterAll(async () => {
  await w?.close();
});

let ip = 0;
/** Each test its own address, so the per-IP limit never mixes into what a test checks. */
const client = () => publicClient(w, `10.1.0.${++ip}`);

describe('tracking', () => {
  it('tracks with the last four digits of the phone and with the tracking code', async () => {
    const c = client();
    const filed = await c.submit(form({ contact: { name: '李四', phone: '139-0000-4321' } }));
    const byPhone = await c.track(filed.body.caseNumber, { phoneLast4: '4321' });
    expect(byPhone.status, JSON.stringify(byPhone.body)).toBe(200);
    expect(byPhone.body).toMatchObject({
      number: filed.body.caseNumber,
      status: 'received',
      statusLabel: '已受理',
      category: { code: '04-06', name: '占道经营' },
      resolvedAt: null,
      report: { text: form().text, answer: null, evaluation: null },
      canRate: false,
      canReopen: false,
    });
    expect(byPhone.body.timeline).toEqual([
      expect.objectContaining({ action: 'received', status: 'received', statusLabel: '已受理' }),
    ]);
    const code = filed.body.trackingCode.toLowerCase().replaceAll('-', ' ');
    const byCode = await c.track(filed.body.caseNumber, { trackingCode: code });
    expect(byCode.status).toBe(200);
    expect(byCode.body).toEqual(byPhone.body);
  });

  it('tracks a hotline caller’s case by phone too', async () => {
    const res = await w.app.inject({
      method: 'POST',
      url: '/api/reports',
      headers: w.users.agent.auth,
      payload: { channel: 'hotline', text: '噪音扰民', reporter: { name: '周七', phone: '13855556666' } },
    });
    const number = res.json<{ case: { number: string } }>().case.number;
    expect((await client().track(number, { phoneLast4: '6666' })).status).toBe(200);
  });

  it('answers a wrong phone or code exactly like an unknown case number', async () => {
    const c = client();
    const filed = await c.submit(form({ contact: { phone: '13900002468' } }));
    const wrongPhone = await c.track(filed.body.caseNumber, { phoneLast4: '1357' });
    const wrongCode = await c.track(filed.body.caseNumber, { trackingCode: 'AAAA-BBBB-CCCC' });
    const unknown = await c.track('110115-20200101-999999', { phoneLast4: '2468' });
    for (const res of [wrongPhone, wrongCode, unknown]) {
      expect(res.status).toBe(404);
      expect(res.body).toEqual(unknown.body);
    }
    expect(unknown.body.error?.code).toBe('case_not_found');
    // An anonymous report has no phone: only its code opens it.
    const anon = await c.submit(form({ anonymous: true }));
    expect((await c.track(anon.body.caseNumber, { phoneLast4: '1234' })).status).toBe(404);
    const proofs = await c.track(anon.body.caseNumber, {
      phoneLast4: '1234',
      trackingCode: anon.body.trackingCode,
    });
    expect(proofs.status).toBe(400);
  });

  it('locks a case number after repeated failures, across addresses, for the window', async () => {
    const filed = await client().submit(form({ contact: { phone: '13900003690' } }));
    const number = filed.body.caseNumber;
    const before = await count(w, 'tracking_failures');
    for (let i = 0; i < MAX_FAILURES; i++) {
      expect((await client().track(number, { phoneLast4: String(1000 + i) })).status).toBe(404);
    }
    expect(await count(w, 'tracking_failures')).toBe(before + MAX_FAILURES);
    // Locked: even the right proof, from another address, gets 429 — the lock is no oracle.
    const locked = await client().track(number, { phoneLast4: '3690' });
    expect(locked.status).toBe(429);
    expect(locked.body.error?.code).toBe('rate_limited');
    expect(
      (
        await client().rate(number, {
          trackingCode: filed.body.trackingCode,
          solved: true,
          satisfaction: 'satisfied',
        })
      ).status,
    ).toBe(429);
    // Other numbers are not affected.
    const other = await client().submit(form({ contact: { phone: '13900003691' } }));
    expect((await client().track(other.body.caseNumber, { phoneLast4: '3691' })).status).toBe(200);
    // Once the failures are older than the window, the right proof works again.
    await w.db
      .updateTable('tracking_failures')
      .set({ at: new Date(Date.now() - 16 * 60_000) })
      .where('case_number', '=', number)
      .execute();
    expect((await client().track(number, { phoneLast4: '3690' })).status).toBe(200);
  });

  it('holds the limit exactly under concurrent attempts', async () => {
    const filed = await client().submit(form({ contact: { phone: '13900004812' } }));
    const number = filed.body.caseNumber;
    const results = await Promise.all(
      Array.from({ length: 2 * MAX_FAILURES }, (_, i) =>
        client().track(number, { phoneLast4: String(2000 + i) }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([
      ...Array<number>(MAX_FAILURES).fill(404),
      ...Array<number>(MAX_FAILURES).fill(429),
    ]);
    const recorded = await w.db
      .selectFrom('tracking_failures')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('case_number', '=', number)
      .executeTakeFirstOrThrow();
    expect(Number(recorded.n)).toBe(MAX_FAILURES);
  });

  it('prunes failures older than a day, keeping recent ones', async () => {
    const now = Date.now();
    await w.db
      .insertInto('tracking_failures')
      .values([
        { case_number: 'old-1', at: new Date(now - 25 * 3600_000) },
        { case_number: 'recent-1', at: new Date(now - 60_000) },
      ])
      .execute();
    expect(await pruneTrackingFailuresJob.run(w.ctx)).toBeGreaterThanOrEqual(1);
    const left = await w.db.selectFrom('tracking_failures').select('case_number').execute();
    expect(left.map((r) => r.case_number)).toContain('recent-1');
    expect(left.map((r) => r.case_number)).not.toContain('old-1');
  });

  it('shows the public timeline only: no actors, no internal notes or reasons', async () => {
    const c = client();
    const filed = await c.submit(form({ contact: { phone: '13900001357' } }));
    const number = filed.body.caseNumber;
    await staffStep(w, w.users.dispatcher.auth, number, 'dispatch', { leadUnitId: w.units.s2.id });
    await staffStep(w, w.users.handlerS2.auth, number, 'return', { reason: '内部退单理由：不属本街道' });
    await driveToResolution(w, number);
    const res = await c.track(number, { phoneLast4: '1357' });
    expect(res.status).toBe(200);
    expect(res.body.timeline.map((e) => e.action)).toEqual([
      'received',
      'dispatch',
      'dispatch',
      'accept',
      'resolve',
    ]);
    for (const e of res.body.timeline) {
      expect(Object.keys(e).sort()).toEqual(['action', 'at', 'label', 'status', 'statusLabel']);
    }
    const text = JSON.stringify(res.body);
    for (const hidden of [
      '内部退单理由',
      '内部备注',
      'h_s1',
      'h_s2',
      'dispatcher',
      'actor',
      'reason',
      '"data"',
    ]) {
      expect(text).not.toContain(hidden);
    }
    expect(res.body).toMatchObject({
      status: 'verified',
      statusLabel: '已核查',
      report: { answer: '已劝离摊贩，并安排城管队员加强巡查' },
      canRate: true,
    });
    expect(res.body.resolvedAt).not.toBeNull();
  });

  it('on a merged case shows each reporter their own report and answer only', async () => {
    const c = client();
    const first = await c.submit(
      form({ text: '第一位市民：路口摊贩', contact: { name: '钱一', phone: '13900001111' } }),
    );
    const second = await c.submit(
      form({ text: '第二位市民：同一路口摊贩', contact: { name: '孙二', phone: '13900002222' } }),
    );
    const a = first.body.caseNumber;
    const b = second.body.caseNumber;
    await staffStep(w, w.users.agent.auth, b, 'merge', { intoCase: a, reason: '同一诉求' });
    await driveToResolution(w, a);
    await w.db
      .updateTable('cases')
      .set({ result_text: '已处理，回访电话13900002222已接通' })
      .where('number', '=', a)
      .execute();
    const [r1] = await w.db
      .selectFrom('reports')
      .select('id')
      .where('reporter_phone', '=', '13900001111')
      .execute();
    await w.db
      .updateTable('reports')
      .set({ answer_text: '给钱一的单独答复' })
      .where('id', '=', r1!.id)
      .execute();

    const rated = await c.rate(a, {
      phoneLast4: '1111',
      solved: true,
      satisfaction: 'satisfied',
      comment: '钱一很满意',
    });
    expect(rated.status, JSON.stringify(rated.body)).toBe(200);

    // The second reporter tracks with the number they were given; they see the case it joined.
    const mine = await c.track(b, { trackingCode: second.body.trackingCode });
    expect(mine.status).toBe(200);
    expect(mine.body).toMatchObject({
      number: a,
      report: {
        text: '第二位市民：同一路口摊贩',
        evaluation: null,
        answer: '已处理，回访电话***********已接通',
      },
      canRate: true,
    });
    const seen = JSON.stringify(mine.body);
    for (const other of ['钱一', '第一位市民', '13900001111', '给钱一的单独答复'])
      expect(seen).not.toContain(other);
    expect((await c.track(a, { phoneLast4: '2222' })).body.report.text).toBe('第二位市民：同一路口摊贩');

    const theirs = await c.track(a, { phoneLast4: '1111' });
    expect(theirs.body.report).toMatchObject({
      text: '第一位市民：路口摊贩',
      answer: '给钱一的单独答复',
      evaluation: { solved: true, satisfaction: 'satisfied', comment: '钱一很满意' },
    });
    expect(JSON.stringify(theirs.body)).not.toContain('孙二');
    expect(theirs.body.canRate).toBe(false);
    // Only the matching report was evaluated.
    const evals = await w.db
      .selectFrom('reports')
      .select(['reporter_phone', 'evaluated_at'])
      .where('reporter_phone', 'in', ['13900001111', '13900002222'])
      .orderBy('reporter_phone')
      .execute();
    expect(evals.map((e) => e.evaluated_at !== null)).toEqual([true, false]);
  });
});
