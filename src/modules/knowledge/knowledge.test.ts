import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeWorld, type Auth, type World } from '../../../test/world.js';
import { createArticle } from './knowledge.service.js';
import type { ArticleOut } from './knowledge.schema.js';
import { publishDemoArticles } from './knowledge.testkit.js';

let w: World;
const ids = new Map<string, number>();

beforeAll(async () => {
  w = await makeWorld();
  for (const [title, id] of await publishDemoArticles(w)) ids.set(title, id);
});
afterAll(async () => {
  await w.close();
});

type Hit = { article: ArticleOut; score: number; matched: string[] };

async function search(q: string, auth: Auth = w.users.agent.auth, extra: Record<string, string> = {}) {
  const res = await w.app.inject({ url: '/api/knowledge/search', query: { q, ...extra }, headers: auth });
  return { status: res.statusCode, body: res.json<{ items: Hit[]; error?: { code: string } }>() };
}

async function call(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, auth: Auth, payload?: object) {
  const res = await w.app.inject({ method, url, headers: auth, ...(payload ? { payload } : {}) });
  return { status: res.statusCode, body: res.json<ArticleOut & { error?: { code: string } }>() };
}

describe('knowledge search', () => {
  // The caller's words, never the article's title: each must find its article first.
  const calls: Array<[string, string]> = [
    ['您好，我想问一下我们小区垃圾晚上几点之前要扔掉', '生活垃圾分类投放时间和方法'],
    ['楼上邻居星期六一大早就在装修，电钻声音特别大', '邻居装修噪音可以施工的时间'],
    ['我是外地来大兴打工的，想办个居住证要带什么', '北京市居住证怎么办理'],
    ['家里的狗要去哪里办证，一年多少钱', '养犬登记和年检'],
    ['家里从早上开始就没有自来水了', '家里突然停水怎么办'],
    ['暖气一点都不热，屋里才十五度', '供暖季起止时间和室温标准'],
    ['附近工地半夜还在打桩，吵得睡不着', '工地夜间施工扰民怎么处理'],
    ['路边停车明明只停了半小时却扣了我很多钱', '路侧停车费查询、缴纳和申诉'],
    ['搬家有个旧床垫不知道怎么处理', '大件垃圾和装修垃圾怎么清运'],
  ];
  it.each(calls)('finds the right answer first for “%s”', async (q, title) => {
    const { status, body } = await search(q);
    expect(status).toBe(200);
    expect(body.items[0]?.article.title).toBe(title);
    expect(body.items[0]!.matched.length).toBeGreaterThan(0);
    for (const m of body.items[0]!.matched) expect(q).toContain(m);
  });

  it('offers only the answer a clear question is about', async () => {
    const { body } = await search('请问大兴区办理居住证需要准备哪些材料？在哪里办理？');
    expect(body.items.map((h) => h.article.title)).toEqual(['北京市居住证怎么办理']);
  });

  it('offers nothing for words no article is about, or for question words alone', async () => {
    expect((await search('单位拖欠工资三个月了')).body.items).toEqual([]);
    expect((await search('请问一下怎么办')).body.items).toEqual([]);
  });

  it('refuses empty, oversized and wordless queries, and citizens', async () => {
    expect((await search('')).body.error?.code).toBe('validation_failed');
    expect((await search('   ')).status).toBe(400);
    expect((await search('噪'.repeat(2001))).body.error?.code).toBe('validation_failed');
    expect((await search('？！。。')).body.error?.code).toBe('validation_failed');
    expect((await search('停水', w.users.agent.auth, { limit: '99' })).status).toBe(400);
    expect((await search('停水', w.users.citizen.auth)).body.error?.code).toBe('forbidden');
    // A long call (2,000 characters) is fine: only its first bigrams are looked up.
    expect((await search('家里停水了'.repeat(400))).body.items[0]?.article.title).toBe('家里突然停水怎么办');
  });
});

describe('knowledge articles', () => {
  const admin = () => w.users.admin.auth;
  const body = {
    title: '犬只免疫点查询',
    questions: ['狗打疫苗去哪里'],
    keywords: ['犬只免疫'],
    answer: '可到区内犬只免疫点接种，名单见区农业农村局公示。',
  };

  it('keeps drafts and retired articles out of search, versions every change and audits it', async () => {
    const created = await call('POST', '/api/knowledge/articles', admin(), body);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      status: 'draft',
      version: 1,
      useCount: 0,
      createdBy: w.users.admin.id,
    });
    const titles = async () => (await search('我家狗要打疫苗')).body.items.map((h) => h.article.title);
    expect(await titles()).not.toContain(body.title);

    const id = created.body.id;
    const published = await call('PATCH', `/api/knowledge/articles/${id}`, w.users.supervisor.auth, {
      version: 1,
      status: 'published',
    });
    expect(published.body).toMatchObject({ status: 'published', version: 2 });
    expect((await titles())[0]).toBe(body.title);

    const stale = await call('PATCH', `/api/knowledge/articles/${id}`, admin(), {
      version: 1,
      title: '旧版本',
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error?.code).toBe('stale_version');

    // The index follows an edit: new words find it.
    const edited = await call('PATCH', `/api/knowledge/articles/${id}`, admin(), {
      version: 2,
      keywords: ['宠物接种点'],
    });
    expect(edited.body).toMatchObject({ version: 3, keywords: ['宠物接种点'], updatedBy: w.users.admin.id });
    const byNewWords = await search('附近有没有宠物接种点');
    expect(byNewWords.body.items[0]?.article.title).toBe(body.title);

    const retired = await call('DELETE', `/api/knowledge/articles/${id}?version=3`, admin());
    expect(retired.body).toMatchObject({ status: 'retired', version: 4 });
    expect(await titles()).not.toContain(body.title);
    expect((await call('GET', `/api/knowledge/articles/${id}`, admin())).body.status).toBe('retired');

    const audit = await w.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity', '=', 'knowledge_article')
      .where('entity_id', '=', String(id))
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'knowledge.create',
      'knowledge.publish',
      'knowledge.update',
      'knowledge.retire',
    ]);
  });

  it('stops offering an answer after its last valid day', async () => {
    const past = await call('POST', '/api/knowledge/articles', admin(), {
      ...body,
      title: '去年的供暖通知',
      questions: ['今年供暖什么时候开始'],
      validUntil: '2020-03-15',
      status: 'published',
    });
    expect(past.body).toMatchObject({ validUntil: '2020-03-15', expired: true });
    const found = (await search('今年供暖什么时候开始')).body.items.map((h) => h.article.title);
    expect(found).not.toContain('去年的供暖通知');
    expect(found[0]).toBe('供暖季起止时间和室温标准');
  });

  it('refuses bad input, unknown ids and categories, and roles that do not edit', async () => {
    expect((await call('POST', '/api/knowledge/articles', admin(), { ...body, title: '' })).status).toBe(400);
    expect((await call('POST', '/api/knowledge/articles', admin(), { ...body, extra: 1 })).status).toBe(400);
    const unknownCategory = await call('POST', '/api/knowledge/articles', admin(), {
      ...body,
      categoryCode: '99-99',
    });
    expect(unknownCategory.body.error?.code).toBe('unknown_category');
    const unknownUnit = await call('POST', '/api/knowledge/articles', admin(), {
      ...body,
      ownerUnitCode: 'nope',
    });
    expect(unknownUnit.body.error?.code).toBe('unknown_unit');
    const agent = await call('POST', '/api/knowledge/articles', w.users.agent.auth, body);
    expect(agent.body.error?.code).toBe('forbidden');
    expect((await call('GET', '/api/knowledge/articles', w.users.handlerS1.auth)).status).toBe(403);
    const missing = await call('GET', '/api/knowledge/articles/999999', admin());
    expect([missing.status, missing.body.error?.code]).toEqual([404, 'article_not_found']);
    const patchMissing = await call('PATCH', '/api/knowledge/articles/999999', admin(), { version: 1 });
    expect(patchMissing.body.error?.code).toBe('article_not_found');
    expect((await call('GET', '/api/knowledge/articles/abc', admin())).status).toBe(400);
  });

  it('lists with a filter and links a category and an owning unit', async () => {
    const linked = await call('POST', '/api/knowledge/articles', admin(), {
      ...body,
      title: '占道经营怎么举报',
      categoryCode: '04-06',
      ownerUnitCode: '110115-D02',
    });
    expect(linked.body).toMatchObject({
      category: { code: '04-06', name: '占道经营' },
      ownerUnit: { code: '110115-D02', name: '区城市管理委员会' },
    });
    const res = await w.app.inject({
      url: '/api/knowledge/articles',
      query: { q: '占道', status: 'draft' },
      headers: admin(),
    });
    const list = res.json<{ items: ArticleOut[]; total: number }>();
    expect(list.total).toBe(1);
    expect(list.items[0]!.title).toBe('占道经营怎么举报');
    const hits = await search('门口有人占道经营', w.users.agent.auth, { category: '04' });
    expect(hits.body.items).toEqual([]); // a draft: not offered, even in its category
    await call('PATCH', `/api/knowledge/articles/${linked.body.id}`, admin(), {
      version: 1,
      status: 'published',
    });
    const inBranch = await search('门口有人占道经营', w.users.agent.auth, { category: '04' });
    expect(inBranch.body.items.map((h) => h.article.title)).toEqual(['占道经营怎么举报']);
    const elsewhere = await search('门口有人占道经营', w.users.agent.auth, { category: '02' });
    expect(elsewhere.body.items).toEqual([]);
  });
});

describe('answering with an article (直接办结)', () => {
  async function consultation() {
    const res = await w.app.inject({
      method: 'POST',
      url: '/api/reports',
      headers: w.users.agent.auth,
      payload: {
        channel: 'hotline',
        kind: 'consultation',
        text: '家里停水了去哪报修',
        reporter: { anonymous: true },
      },
    });
    return res.json<{ case: { id: string; version: number } }>().case;
  }
  const answer = (c: { id: string; version: number }, payload: object) =>
    w.app.inject({
      method: 'POST',
      url: `/api/cases/${c.id}/answer`,
      headers: w.users.agent.auth,
      payload: { version: c.version, answer: '请拨打96116报修', ...payload },
    });

  it('counts a use, records the article on the timeline and shows the count in search', async () => {
    const id = ids.get('家里突然停水怎么办')!;
    const c = await consultation();
    const res = await answer(c, { articleId: id });
    expect(res.statusCode).toBe(200);
    const row = await w.db
      .selectFrom('knowledge_articles')
      .select(['use_count', 'last_used_at'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row.use_count).toBe(1);
    expect(row.last_used_at).not.toBeNull();
    const ev = await w.db
      .selectFrom('case_events')
      .select('data')
      .where('case_id', '=', c.id)
      .where('action', '=', 'answer')
      .executeTakeFirstOrThrow();
    const data = (typeof ev.data === 'string' ? JSON.parse(ev.data) : ev.data) as { articleId?: number };
    expect(data.articleId).toBe(id);
    expect((await search('停水')).body.items[0]!.article.useCount).toBe(1);
  });

  it('ranks the more used of two equally relevant answers first', async () => {
    const twin = {
      title: '公园开放时间',
      questions: ['念坛公园几点关门'],
      keywords: [],
      answer: '念坛公园6:00至21:00开放。',
      categoryCode: null,
      ownerUnitCode: null,
      validUntil: null,
      public: false,
      status: 'published' as const,
    };
    const first = await createArticle(w.ctx, w.users.admin.id, twin);
    const second = await createArticle(w.ctx, w.users.admin.id, twin);
    const order = async () =>
      (await search('念坛公园晚上几点关门')).body.items.slice(0, 2).map((h) => h.article.id);
    expect(await order()).toEqual([first.id, second.id]); // a tie: the older first
    expect((await answer(await consultation(), { articleId: second.id })).statusCode).toBe(200);
    expect(await order()).toEqual([second.id, first.id]);
  });

  it('refuses an unknown article and leaves the case unanswered', async () => {
    const c = await consultation();
    const res = await answer(c, { articleId: 999999 });
    expect(res.statusCode).toBe(404);
    expect(res.json<{ error: { code: string } }>().error.code).toBe('article_not_found');
    const row = await w.db
      .selectFrom('cases')
      .select('status')
      .where('id', '=', c.id)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('received');
  });
});
