import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeWorld, type World } from '../../../test/world.js';
import { countSimilarTermsJob } from './similar.jobs.js';
import { NAME_BAND, nameBuckets } from './similar.names.js';

type Auth = { authorization: string };
interface CaseOut {
  id: string;
  number: string;
  status: string;
  version: number;
  counts: Record<string, number>;
}
interface SimilarOut {
  case: { id: string; number: string };
  proposals: Array<{
    case: { id: string; number: string; status: string };
    score: number;
    evidence: {
      textSimilarity: number;
      sharedPhrases: string[];
      metresApart: number | null;
      hoursApart: number;
      sameCategory: boolean | null;
    };
    merge: { method: string; path: string; body: { intoCase: string } };
  }>;
  atIntake: Array<{ case: { id: string }; score: number; rejected: boolean }>;
  error?: { code: string };
}

const stallA = '西红门鸿坤广场东门有流动摊贩占道经营，晚高峰影响通行，请尽快处理';
const stallB = '鸿坤广场东门晚上又有流动摊贩占道经营，严重影响行人通行';
const noise = '黄村镇政府附近工地夜间施工噪音扰民，凌晨还在施工';
const here = { lon: 116.3301, lat: 39.7889 };
const twentyMetresAway = { lon: 116.3303, lat: 39.789 };

async function makeSimilarWorld(overrides: Record<string, string> = {}) {
  const w = await makeWorld(overrides);
  await w.db
    .insertInto('settings')
    .values({
      key: 'district.bbox',
      value: JSON.stringify({ minLon: 116.19, maxLon: 116.76, minLat: 39.42, maxLat: 39.86 }),
    })
    .execute();
  return w;
}

function client(w: World) {
  async function post(auth: Auth, url: string, payload?: unknown) {
    const res = await w.app.inject({
      method: 'POST',
      url,
      ...(payload === undefined ? {} : { payload: payload as object }),
      headers: auth,
    });
    return { status: res.statusCode, body: res.json<{ case: CaseOut; error?: { code: string } }>() };
  }
  return {
    post,
    async file(extra: Record<string, unknown>) {
      const res = await post(w.users.agent.auth, '/api/reports', {
        channel: 'hotline',
        categoryCode: '04-06',
        areaCode: '110115104001',
        ...extra,
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return res.body.case;
    },
    async step(auth: Auth, c: CaseOut, action: string, body: Record<string, unknown> = {}) {
      const res = await post(auth, `/api/cases/${c.id}/${action}`, { version: c.version, ...body });
      expect(res.status, `${action}: ${JSON.stringify(res.body)}`).toBe(200);
      return res.body.case;
    },
    async similar(c: { id: string }, auth: Auth = w.users.dispatcher.auth) {
      const res = await w.app.inject({ url: `/api/cases/${c.id}/similar`, headers: auth });
      return { status: res.statusCode, body: res.json<SimilarOut>() };
    },
    async timeline(c: { id: string }) {
      const res = await w.app.inject({ url: `/api/cases/${c.id}`, headers: w.users.supervisor.auth });
      return res.json<{
        case: CaseOut;
        timeline: Array<{ action: string; reason: string | null; data: Record<string, unknown> }>;
      }>();
    },
  };
}

describe('并案 proposals at intake and on the case', () => {
  let w: World;
  let c: ReturnType<typeof client>;
  let a: CaseOut;
  let b: CaseOut;
  beforeAll(async () => {
    w = await makeSimilarWorld({ SIMILAR_AUTO_MERGE_SCORE: '0.9' }); // the production default
    c = client(w);
    a = await c.file({ text: stallA, ...here });
    b = await c.file({ text: stallB, ...twentyMetresAway });
  });
  afterAll(async () => {
    await w.close();
  });

  it('proposes the open case nearby for a report in other words, with the evidence', async () => {
    expect(b.id).not.toBe(a.id); // a paraphrase is proposed, not merged by itself
    const r = await c.similar(b);
    expect(r.status).toBe(200);
    expect(r.body.proposals).toHaveLength(1);
    const p = r.body.proposals[0]!;
    expect(p.case.number).toBe(a.number);
    expect(p.score).toBeGreaterThan(0.5);
    expect(p.score).toBeLessThan(0.9);
    expect(p.evidence.metresApart).toBeGreaterThan(10);
    expect(p.evidence.metresApart).toBeLessThan(40);
    expect(p.evidence.sameCategory).toBe(true);
    expect(p.evidence.sharedPhrases.join('|')).toContain('流动摊贩占道经营');
    // accepting is the existing merge action: the later case into the earlier one
    expect(p.merge).toEqual({
      method: 'POST',
      path: `/api/cases/${b.number}/merge`,
      body: { intoCase: a.number },
    });
    // intake recorded the same proposal on the report's `received` entry
    expect(r.body.atIntake.map((x) => x.case.id)).toEqual([a.id]);
    const t = await c.timeline(b);
    expect(t.timeline[0]!.data.similar).toMatchObject([{ caseId: a.id, number: a.number }]);
    // and the earlier case sees the later one
    expect((await c.similar(a)).body.proposals.map((x) => x.case.id)).toEqual([b.id]);
  });

  it('proposes nothing for a different problem at the same place', async () => {
    const n = await c.file({ text: noise, categoryCode: '02-01', ...here });
    const r = await c.similar(n);
    expect(r.body.proposals).toEqual([]);
    expect(r.body.atIntake).toEqual([]);
    expect((await c.timeline(n)).timeline[0]!.data.similar).toBeUndefined();
    expect((await c.similar(a)).body.proposals.map((x) => x.case.id)).not.toContain(n.id);
  });

  it('never proposes a closed case', async () => {
    const well = '兴华大街12号门口井盖缺失，晚上很危险，有老人差点掉进去';
    let old = await c.file({ text: well, categoryCode: '02-01', lon: 116.34, lat: 39.75 });
    old = await c.step(w.users.agent.auth, old, 'answer', { answer: '已通知产权单位补装井盖' });
    old = await c.step(w.users.agent.auth, old, 'evaluate', { solved: true, satisfaction: 'satisfied' });
    old = await c.step(w.users.supervisor.auth, old, 'close');
    expect(old.status).toBe('closed');
    const again = await c.file({ text: well, categoryCode: '02-01', lon: 116.34, lat: 39.75 });
    expect(again.id).not.toBe(old.id); // not even an automatic merge: the case is closed
    expect((await c.similar(again)).body.proposals).toEqual([]);
  });

  it('joins the open case by itself above the threshold, and the timeline and audit say why', async () => {
    const before = (await c.timeline(a)).case;
    const same = await c.file({ text: stallA, ...here, reporter: { name: '李四', phone: '13900000000' } });
    expect(same.id).toBe(a.id);
    expect(same.counts.reports).toBe(before.counts.reports! + 1);
    const t = await c.timeline(a);
    const merged = t.timeline.find((e) => e.action === 'report_merged')!;
    expect(merged.reason).toMatch(/^系统自动并案/);
    expect(merged.data).toMatchObject({ automatic: true, evidence: { metresApart: 0, sameCategory: true } });
    expect(merged.data.score as number).toBeGreaterThanOrEqual(0.9);
    const audit = await w.db
      .selectFrom('audit_log')
      .select(['after'])
      .where('action', '=', 'case.report_merged')
      .where('entity_id', '=', a.id)
      .executeTakeFirstOrThrow();
    expect(audit.after).toMatchObject({ automatic: true, reason: merged.reason });
    // the report's words now find the case it joined: no stray index rows for a case never opened
    const orphans = await w.db
      .selectFrom('case_lsh as l')
      .leftJoin('cases as c', 'c.id', 'l.case_id')
      .select('l.case_id')
      .where('c.id', 'is', null)
      .execute();
    expect(orphans).toEqual([]);
  });

  it('a rejected pair is never proposed again, either way round', async () => {
    const handler = await c.post(w.users.handlerS1.auth, `/api/cases/${b.id}/similar/${a.id}/reject`, {});
    expect(handler.status).toBe(403);
    const self = await c.post(w.users.dispatcher.auth, `/api/cases/${b.id}/similar/${b.number}/reject`, {});
    expect([self.status, self.body.error?.code]).toEqual([400, 'validation_failed']);
    const unknown = await c.post(
      w.users.dispatcher.auth,
      `/api/cases/${b.id}/similar/110115-20990101-999999/reject`,
      {},
    );
    expect([unknown.status, unknown.body.error?.code]).toEqual([404, 'case_not_found']);
    const none = await w.db.selectFrom('merge_proposals').selectAll().execute();
    expect(none).toEqual([]); // refusals wrote nothing

    const ok = await c.post(w.users.dispatcher.auth, `/api/cases/${b.number}/similar/${a.number}/reject`, {
      reason: '同一地点，但不是同一摊位',
    });
    expect(ok.status).toBe(200);
    expect((await c.similar(b)).body.proposals).toEqual([]);
    expect((await c.similar(b)).body.atIntake).toMatchObject([{ case: { id: a.id }, rejected: true }]);
    expect((await c.similar(a)).body.proposals.map((x) => x.case.id)).not.toContain(b.id);
    const t = await c.timeline(b);
    expect(t.timeline.at(-1)).toMatchObject({ action: 'merge_rejected', reason: '同一地点，但不是同一摊位' });
    // again without a body: the same decision, still one row
    const again = await c.post(w.users.agent.auth, `/api/cases/${b.id}/similar/${a.id}/reject`);
    expect(again.status, JSON.stringify(again.body)).toBe(200);
    expect(await w.db.selectFrom('merge_proposals').selectAll().execute()).toHaveLength(1);
  });

  it('is for staff: citizens cannot list proposals', async () => {
    expect((await c.similar(a, w.users.citizen.auth)).status).toBe(403);
    expect((await c.similar({ id: '110115-20990101-999999' })).body.error?.code).toBe('case_not_found');
  });
});

describe('automatic merging switched off', () => {
  let w: World;
  afterAll(async () => {
    await w.close();
  });

  it('files the same report as a new case with a proposal when SIMILAR_AUTO_MERGE_SCORE=0', async () => {
    w = await makeSimilarWorld({ SIMILAR_AUTO_MERGE_SCORE: '0' });
    const c = client(w);
    const first = await c.file({ text: stallA, ...here });
    const second = await c.file({ text: stallA, ...here });
    expect(second.id).not.toBe(first.id);
    const p = (await c.similar(second)).body.proposals;
    expect(p.map((x) => x.case.id)).toEqual([first.id]);
    expect(p[0]!.score).toBeGreaterThan(0.99);
  });
});

describe('accepting a proposal is the merge action', () => {
  let w: World;
  afterAll(async () => {
    await w.close();
  });

  it('marks the pair accepted, either way round, and moves the merged case’s index rows to the case that lives on', async () => {
    w = await makeSimilarWorld({ SIMILAR_AUTO_MERGE_SCORE: '0' });
    const c = client(w);
    const a = await c.file({ text: stallA, ...here });
    let b = await c.file({ text: stallB, ...twentyMetresAway });
    const rowsOf = async (id: string) =>
      (await w.db.selectFrom('case_lsh').select('bucket').where('case_id', '=', id).execute()).length;
    const [aRows, bRows] = [await rowsOf(a.id), await rowsOf(b.id)];
    expect(bRows).toBeGreaterThan(0);
    // a dispatcher first refused the pair from the earlier case's side, then changed their mind
    const no = await c.post(w.users.dispatcher.auth, `/api/cases/${a.id}/similar/${b.id}/reject`, {});
    expect(no.status).toBe(200);
    b = await c.step(w.users.dispatcher.auth, b, 'merge', { intoCase: a.number, reason: '同一摊位' });
    expect(b.status).toBe('merged');
    const decisions = await w.db.selectFrom('merge_proposals').selectAll().execute();
    expect(decisions).toHaveLength(1);
    expect(decisions[0]).toMatchObject({
      case_id: a.id,
      candidate_case_id: b.id,
      status: 'accepted',
      decided_by: w.users.dispatcher.id,
      reason: '同一摊位',
    });
    expect(await rowsOf(b.id)).toBe(0);
    expect(await rowsOf(a.id)).toBe(aRows + bRows);

    // a merge nobody was proposed or refused before still leaves an accepted row, from → into
    let d = await c.file({ text: stallB, ...twentyMetresAway });
    expect(d.id).not.toBe(a.id);
    d = await c.step(w.users.agent.auth, d, 'merge', { intoCase: a.number });
    const row = await w.db
      .selectFrom('merge_proposals')
      .selectAll()
      .where('case_id', '=', d.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ candidate_case_id: a.id, status: 'accepted', decided_by: w.users.agent.id });
    expect(row.score).toBeGreaterThan(0.5);
    expect(await rowsOf(d.id)).toBe(0);
  });
});

describe('rare names at intake, once the terms are counted', () => {
  let w: World;
  afterAll(async () => {
    await w.close();
  });

  it('proposes the case a placeless report names the same estate of, and indexes the name', async () => {
    w = await makeSimilarWorld({ SIMILAR_AUTO_MERGE_SCORE: '0.9' });
    const c = client(w);
    const nowhere = { areaCode: undefined }; // no address, no point: nothing but the words tells the place
    for (const text of [
      '黄村路口积水严重，出行很不方便',
      '西红门路灯不亮，晚上走路很危险',
      '旧宫垃圾没人清运，味道很大',
      '亦庄施工噪音扰民，晚上还在施工',
      '瀛海门口有人占道经营，影响通行',
    ]) {
      await c.file({ text, ...nowhere });
    }
    const first = await c.file({
      text: '劳动东路魅力之城小区临街门面烧烤夜宵摊24小时经营，油烟扰民，晚上吵得睡不着',
      ...nowhere,
    });
    expect(await countSimilarTermsJob.run(w.ctx)).toBe(0);
    const counted = await w.db.selectFrom('similar_term_docs').selectAll().executeTakeFirstOrThrow();
    expect(counted.docs).toBe(6);
    const second = await c.file({
      text: '万科魅力之城小区楼下烧烤油烟扰民，凌晨还在经营，吵得睡不着觉',
      ...nowhere,
    });
    expect(second.id).not.toBe(first.id); // no place known: a name never merges by itself
    const p = (await c.similar(second)).body.proposals;
    expect(p.map((x) => x.case.id)).toEqual([first.id]);
    expect((p[0]!.evidence as { sharedNames?: string[] }).sharedNames).toEqual(['魅力之城']);
    const nameRows = await w.db
      .selectFrom('case_lsh')
      .select('bucket')
      .where('case_id', '=', second.id)
      .where('bucket', '>=', NAME_BAND * 2 ** 32)
      .execute();
    expect(nameRows.map((r) => Number(r.bucket))).toEqual(nameBuckets(['魅力之城']));
    // a second pass within the hour leaves the count alone
    await countSimilarTermsJob.run(w.ctx);
    expect((await w.db.selectFrom('similar_term_docs').selectAll().executeTakeFirstOrThrow()).docs).toBe(6);
  });
});
