import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeWorld, type World } from '../../../test/world.js';
import type { ArticleOut } from './knowledge.schema.js';
import { createArticle } from './knowledge.service.js';
import { publishDemoArticles } from './knowledge.testkit.js';

/** Self-service Q&A: citizens see public, published, unexpired answers, without logging in. */
let w: World;
let dogs: number;
let internal: number;

beforeAll(async () => {
  w = await makeWorld();
  dogs = (await publishDemoArticles(w)).get('养犬登记和年检')!;
  // Guidance for agents only: how to escalate a dangerous-dog call. Never on the portal.
  internal = (
    await createArticle(w.ctx, w.users.admin.id, {
      title: '烈性犬伤人来电的内部转办口径',
      questions: ['狗咬人了怎么办', '小区有人养烈性犬'],
      keywords: ['烈性犬', '伤人', '转派公安'],
      answer: '先登记伤者情况，直接转派属地派出所并电话通知，不要向来电人承诺处理时限。',
      categoryCode: null,
      ownerUnitCode: null,
      validUntil: null,
      public: false,
      status: 'published',
    })
  ).id;
});
afterAll(async () => {
  await w.close();
});

type PublicAnswer = { id: number; title: string; answer: string; matched: string[] };

async function ask(q: string, extra: Record<string, string> = {}) {
  const res = await w.app.inject({ url: '/api/public/answers', query: { q, ...extra } });
  return { status: res.statusCode, body: res.json<{ items: PublicAnswer[]; error?: { code: string } }>() };
}

async function helpful(id: number | string) {
  const res = await w.app.inject({ method: 'POST', url: `/api/public/answers/${id}/helpful` });
  return {
    status: res.statusCode,
    code: res.body ? res.json<{ error?: { code: string } }>().error?.code : undefined,
  };
}

async function article(id: number) {
  const res = await w.app.inject({ url: `/api/knowledge/articles/${id}`, headers: w.users.admin.auth });
  return res.json<ArticleOut>();
}

describe('self-service Q&A (public answers)', () => {
  it('answers a citizen without a login, with the answer and the matched words only', async () => {
    const { status, body } = await ask('家里的狗要去哪里办证，一年多少钱');
    expect(status).toBe(200);
    const first = body.items[0]!;
    expect(first.title).toBe('养犬登记和年检');
    expect(first.answer.length).toBeGreaterThan(20);
    expect(first.matched.length).toBeGreaterThan(0);
    // Nothing of the back office: owner, counts, editors, status.
    expect(Object.keys(first).sort()).toEqual(['answer', 'category', 'id', 'matched', 'title', 'validUntil']);
    expect(body.items.length).toBeLessThanOrEqual(3);
  });

  it('never offers a staff-only article, which agents still find', async () => {
    const q = '小区有人养烈性犬，狗咬人了怎么办';
    expect((await ask(q)).body.items.map((a) => a.id)).not.toContain(internal);
    const staff = await w.app.inject({
      url: '/api/knowledge/search',
      query: { q },
      headers: w.users.agent.auth,
    });
    expect(staff.json<{ items: Array<{ article: { id: number } }> }>().items[0]?.article.id).toBe(internal);
  });

  it('follows the editor: unpublished or made staff-only, an answer leaves the portal', async () => {
    const q = '养狗要办证吗';
    expect((await ask(q)).body.items[0]?.id).toBe(dogs);
    const edit = async (patch: object) =>
      w.app.inject({
        method: 'PATCH',
        url: `/api/knowledge/articles/${dogs}`,
        headers: w.users.admin.auth,
        payload: { version: (await article(dogs)).version, ...patch },
      });
    expect((await edit({ public: false })).json<ArticleOut>().public).toBe(false);
    expect((await ask(q)).body.items.map((a) => a.id)).not.toContain(dogs);
    expect((await helpful(dogs)).status).toBe(404);
    await edit({ public: true, status: 'draft' });
    expect((await ask(q)).body.items.map((a) => a.id)).not.toContain(dogs);
    await edit({ status: 'published' });
    expect((await ask(q)).body.items[0]?.id).toBe(dogs);
  });

  it('counts a citizen for whom the answer settled the question', async () => {
    const before = (await article(dogs)).helpfulCount;
    expect(await helpful(dogs)).toEqual({ status: 204, code: undefined });
    expect(await helpful(dogs)).toEqual({ status: 204, code: undefined });
    expect((await article(dogs)).helpfulCount).toBe(before + 2);
  });

  it('refuses bad input with stable codes and counts nothing for unknown or staff-only articles', async () => {
    expect((await ask('')).body.error?.code).toBe('validation_failed');
    expect((await ask('？！。。')).body.error?.code).toBe('validation_failed');
    expect((await ask('养狗'.repeat(251))).body.error?.code).toBe('validation_failed');
    expect((await ask('养狗', { limit: '6' })).status).toBe(400);
    expect(await helpful(internal)).toEqual({ status: 404, code: 'article_not_found' });
    expect(await helpful(999_999)).toEqual({ status: 404, code: 'article_not_found' });
    expect((await helpful('abc')).code).toBe('validation_failed');
    expect((await article(internal)).helpfulCount).toBe(0);
  });
});
