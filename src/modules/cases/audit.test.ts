import { afterAll, beforeAll, expect, it } from 'vitest';
import { fileReport, makeWorld, type World } from '../../../test/world.js';

let w: World;
let caseId: string;
beforeAll(async () => {
  w = await makeWorld();
  caseId = (await fileReport(w, { text: '西红门路边占道经营', autoDispatch: true })).id;
});
afterAll(async () => {
  await w.close();
});

it('shows a case’s audit-chain entries, oldest first, to supervisors, leaders and admins', async () => {
  for (const who of [w.users.supervisor, w.users.leader, w.users.admin]) {
    const res = await w.app.inject({ url: `/api/cases/${caseId}/audit`, headers: who.auth });
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json<{ items: Array<{ action: string; actorName: string | null; hash: string }> }>()
      .items;
    expect(items.map((i) => i.action).slice(0, 2)).toEqual(['case.received', 'case.dispatch']);
    expect(items[0]!.hash).toMatch(/^[0-9a-f]{64}$/);
  }
});

it('refuses the audit trail to other roles (403) and unknown cases (404)', async () => {
  for (const who of [w.users.agent, w.users.handlerS1, w.users.citizen]) {
    const res = await w.app.inject({ url: `/api/cases/${caseId}/audit`, headers: who.auth });
    expect(res.statusCode).toBe(403);
    expect(res.json<{ error: { code: string } }>().error.code).toBe('forbidden');
  }
  const missing = await w.app.inject({ url: '/api/cases/2099-999999/audit', headers: w.users.admin.auth });
  expect(missing.statusCode).toBe(404);
});
