import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { World } from '../../../test/world.js';
import { MAX_FAILURES } from './selfservice.tracking.js';
import { driveToResolution, form, publicClient, selfServiceWorld } from './selfservice.testkit.js';

let w: World;
beforeAll(async () => {
  // A shorter window than the default 7 days, so the tests show the setting is read.
  w = await selfServiceWorld({ REOPEN_WINDOW_DAYS: '3' });
});
afterAll(async () => {
  await w?.close();
});

let ip = 0;
let phone = 13700000000;
const client = () => publicClient(w, `10.2.0.${++ip}`);

/** A fresh self-service case and the proof of its reporter. */
async function filed() {
  const p = String(++phone);
  const res = await client().submit(form({ contact: { name: '吴八', phone: p } }));
  expect(res.status).toBe(201);
  return { number: res.body.caseNumber, proof: { phoneLast4: p.slice(-4) }, code: res.body.trackingCode };
}

async function caseRow(number: string) {
  return w.db.selectFrom('cases').selectAll().where('number', '=', number).executeTakeFirstOrThrow();
}

async function resolvedDaysAgo(number: string, days: number) {
  await w.db
    .updateTable('cases')
    .set({ resolved_at: new Date(Date.now() - days * 86_400_000) })
    .where('number', '=', number)
    .execute();
}

describe('rating after resolution', () => {
  it('is refused before the case is resolved and verified', async () => {
    const c = await filed();
    const early = await client().rate(c.number, { ...c.proof, solved: true, satisfaction: 'satisfied' });
    expect(early.status).toBe(409);
    expect(early.body.error?.code).toBe('invalid_transition');
    await driveToResolution(w, c.number, { verify: false });
    const unverified = await client().rate(c.number, { ...c.proof, solved: true, satisfaction: 'satisfied' });
    expect(unverified.status).toBe(409);
    expect((await caseRow(c.number)).eval_count).toBe(0);
  });

  it('records the reporter’s rating on their report through the callback action, once', async () => {
    const c = await filed();
    await driveToResolution(w, c.number);
    const res = await client().rate(c.number, {
      trackingCode: c.code,
      solved: true,
      satisfaction: 'basically_satisfied',
      comment: '处理及时',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({
      status: 'evaluated',
      statusLabel: '已回访',
      report: { evaluation: { solved: true, satisfaction: 'basically_satisfied', comment: '处理及时' } },
      canRate: false,
      canReopen: false,
    });
    expect(res.body.timeline.at(-1)).toMatchObject({ action: 'evaluate' });
    const row = await caseRow(c.number);
    expect(row).toMatchObject({ status: 'evaluated', eval_count: 1, solved_count: 1, satisfied_count: 1 });
    const again = await client().rate(c.number, { ...c.proof, solved: false, satisfaction: 'unsatisfied' });
    expect(again.status).toBe(409);
    expect(again.body.error?.code).toBe('duplicate');
    const invalid = await client().rate(c.number, { ...c.proof, solved: true, satisfaction: 'great' });
    expect(invalid.body.error?.code).toBe('validation_failed');
  });

  it('needs the same proof as tracking, and counts failures toward the same lock', async () => {
    const c = await filed();
    await driveToResolution(w, c.number);
    for (let i = 0; i < MAX_FAILURES; i++) {
      const wrong = await client().rate(c.number, {
        phoneLast4: '0000',
        solved: false,
        satisfaction: 'unsatisfied',
      });
      expect(wrong.status).toBe(404);
      expect(wrong.body.error?.code).toBe('case_not_found');
    }
    expect((await client().track(c.number, c.proof)).status).toBe(429);
    expect((await client().reopen(c.number, { ...c.proof, reason: '没有解决' })).status).toBe(429);
    expect((await caseRow(c.number)).eval_count).toBe(0);
  });
});

describe('reopening when unsatisfied', () => {
  it('reopens within the window through the 重办 action', async () => {
    const c = await filed();
    await driveToResolution(w, c.number);
    const rated = await client().rate(c.number, { ...c.proof, solved: false, satisfaction: 'unsatisfied' });
    expect(rated.body).toMatchObject({ canReopen: true });
    await resolvedDaysAgo(c.number, 2);
    const res = await client().reopen(c.number, { ...c.proof, reason: '摊贩第二天又回来了' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({
      status: 'dispatched',
      statusLabel: '已派单',
      resolvedAt: null,
      canReopen: false,
    });
    expect(res.body.timeline.at(-1)).toMatchObject({ action: 'reopen', label: '已重新办理' });
    expect(JSON.stringify(res.body)).not.toContain('摊贩第二天又回来了');
    const row = await caseRow(c.number);
    expect(row).toMatchObject({ status: 'dispatched', reopen_count: 1, lead_unit_id: w.units.s1.id });
    const event = await w.db
      .selectFrom('case_events')
      .select(['reason', 'actor_user_id'])
      .where('case_id', '=', row.id)
      .where('action', '=', 'reopen')
      .executeTakeFirstOrThrow();
    expect(event.reason).toBe('摊贩第二天又回来了');
    expect(event.actor_user_id).toBe(row.created_by);
  });

  it('refuses after the window with its own code, changing nothing', async () => {
    const c = await filed();
    await driveToResolution(w, c.number);
    await client().rate(c.number, { ...c.proof, solved: true, satisfaction: 'unsatisfied' });
    await resolvedDaysAgo(c.number, 4);
    const before = await caseRow(c.number);
    expect((await client().track(c.number, c.proof)).body.canReopen).toBe(false);
    const res = await client().reopen(c.number, { ...c.proof, reason: '仍未解决' });
    expect(res.status).toBe(409);
    expect(res.body.error?.code).toBe('reopen_window_closed');
    const after = await caseRow(c.number);
    expect(after).toMatchObject({ status: 'evaluated', reopen_count: 0, version: before.version });
  });

  it('refuses a reporter who was satisfied, and a case not yet rated', async () => {
    const c = await filed();
    await driveToResolution(w, c.number);
    const notRated = await client().reopen(c.number, { ...c.proof, reason: '想重办' });
    expect(notRated.status).toBe(409);
    expect(notRated.body.error?.code).toBe('invalid_transition');
    await client().rate(c.number, { ...c.proof, solved: true, satisfaction: 'satisfied' });
    const happy = await client().reopen(c.number, { ...c.proof, reason: '想重办' });
    expect(happy.status).toBe(409);
    expect(happy.body.error?.code).toBe('invalid_transition');
    expect((await caseRow(c.number)).reopen_count).toBe(0);
  });
});
