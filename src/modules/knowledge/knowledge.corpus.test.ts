import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeWorld, type World } from '../../../test/world.js';
import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/auth.js';
import * as m0020 from '../../platform/db/migrations/0020_knowledge_corpus.js';
import type { Conn } from '../../platform/db/index.js';
import { corpusStats } from './knowledge.corpus.js';
import { endOfBeijingDay } from './knowledge.presenter.js';
import type { CreateArticle } from './knowledge.schema.js';
import { searchArticles } from './knowledge.search.js';
import { createArticle, updateArticle } from './knowledge.service.js';

let w: World;
let actor: Actor;

beforeAll(async () => {
  w = await makeWorld();
  actor = { id: w.users.admin.id } as Actor;
});
afterAll(async () => {
  await w.close();
});

/** The figures counted the slow way, over every live article (what search used to do per query). */
async function counted(db: Conn, at: Date, categoryCode?: string) {
  let q = db
    .selectFrom('knowledge_articles as a')
    .where('a.status', '=', 'published')
    .where((eb) => eb.or([eb('a.valid_until', 'is', null), eb('a.valid_until', '>', at)]));
  if (categoryCode) {
    q = q
      .innerJoin('categories as c', 'c.id', 'a.category_id')
      .where((eb) => eb.or([eb('c.code', '=', categoryCode), eb('c.code', 'like', `${categoryCode}-%`)]));
  }
  const row = await q
    .select((eb) => [eb.fn.countAll<string>().as('docs'), eb.fn.avg<string>('a.doc_length').as('avg')])
    .executeTakeFirstOrThrow();
  return { docs: Number(row.docs), avgLength: Number(row.avg ?? 0) };
}

/** The kept figures equal the counted ones, overall and in each branch, at each instant. */
async function expectFiguresRight(...instants: Date[]) {
  for (const at of instants) {
    for (const branch of [undefined, '04', '04-06', '02', '02-01', '99']) {
      const kept = await corpusStats(w.db, at, branch);
      const truth = await counted(w.db, at, branch);
      expect({ at, branch, docs: kept.docs }).toEqual({ at, branch, docs: truth.docs });
      expect(kept.avgLength).toBeCloseTo(truth.avgLength, 6);
    }
  }
}

const article = (n: number, extra: Partial<CreateArticle> = {}): CreateArticle => ({
  title: `夜间施工噪音第${n}问`,
  questions: [`半夜工地打桩吵得睡不着${'怎么办'.repeat(n % 3)}`],
  keywords: ['施工噪音'],
  answer: `夜间22时至次日6时禁止产生噪声的施工。${'可拨打12345。'.repeat(n)}`,
  categoryCode: null,
  ownerUnitCode: null,
  validUntil: null,
  public: false,
  status: 'published',
  ...extra,
});

const dayAfter = (d: string, days: number) =>
  new Date(Date.parse(`${d}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

describe('BM25 corpus figures kept on write', () => {
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  const soon = dayAfter(today, 2);
  const later = dayAfter(today, 30);
  const now = () => new Date();
  // Just after `soon` ends (its articles have expired), and just after `later` ends.
  const afterSoon = new Date(endOfBeijingDay(soon).getTime() + 1);
  const afterLater = new Date(endOfBeijingDay(later).getTime() + 1);

  it('follow create, edit, publish, back to draft, retire and expiry', async () => {
    await expectFiguresRight(now());
    expect((await corpusStats(w.db, now())).docs).toBe(0);

    const plain = await createArticle(w.ctx, actor.id, article(1));
    const stall = await createArticle(w.ctx, actor.id, article(2, { categoryCode: '04-06' }));
    const noise = await createArticle(
      w.ctx,
      actor.id,
      article(3, { categoryCode: '02-01', validUntil: soon }),
    );
    const draft = await createArticle(
      w.ctx,
      actor.id,
      article(4, { categoryCode: '04-06', status: 'draft' }),
    );
    await createArticle(w.ctx, actor.id, article(5, { validUntil: '2020-01-01' }));
    await createArticle(w.ctx, actor.id, article(6, { categoryCode: '04-06', validUntil: later }));
    expect((await corpusStats(w.db, now())).docs).toBe(4);
    // Expiry needs no write: `noise` is gone from the figures after its last day, the other later.
    expect((await corpusStats(w.db, afterSoon)).docs).toBe(3);
    expect((await corpusStats(w.db, afterSoon, '02')).docs).toBe(0);
    expect((await corpusStats(w.db, afterLater, '04')).docs).toBe(1);
    await expectFiguresRight(now(), afterSoon, afterLater);

    // Longer text, another category, another expiry: the share moves.
    await updateArticle(w.ctx, actor, plain.id, { version: 1, answer: '更长的答复。'.repeat(40) });
    await updateArticle(w.ctx, actor, stall.id, { version: 1, categoryCode: '02-01' });
    await updateArticle(w.ctx, actor, noise.id, { version: 1, validUntil: later, categoryCode: null });
    await expectFiguresRight(now(), afterSoon, afterLater);

    await updateArticle(w.ctx, actor, draft.id, { version: 1, status: 'published' });
    await expectFiguresRight(now(), afterSoon);
    await updateArticle(w.ctx, actor, draft.id, { version: 2, status: 'draft' });
    await updateArticle(w.ctx, actor, stall.id, { version: 2, status: 'retired' });
    await expectFiguresRight(now(), afterSoon, afterLater);
    expect((await corpusStats(w.db, now(), '04')).docs).toBe(1);
  });

  it('are rebuilt the same by the migration from the articles already there', async () => {
    const rows = () =>
      w.db
        .selectFrom('knowledge_corpus')
        .select([
          'category_id',
          'docs',
          'length_sum',
          (eb) => eb.cast<string>('valid_until', 'text').as('until'),
        ])
        .orderBy('until')
        .orderBy('category_id')
        .execute();
    const kept = await rows();
    expect(kept.length).toBeGreaterThan(2);
    await m0020.down(w.db as unknown as Kysely<unknown>);
    await m0020.up(w.db as unknown as Kysely<unknown>);
    expect(await rows()).toEqual(kept);
  });

  it('drop a figure row when its last article leaves, and stay right under concurrent writers', async () => {
    const made = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        createArticle(
          w.ctx,
          actor.id,
          article(10 + i, { categoryCode: i % 2 ? '04-06' : '02-01', validUntil: i % 3 ? null : later }),
        ),
      ),
    );
    await expectFiguresRight(now(), afterLater);
    // Several writers at once, each moving shares between the same rows in different directions.
    await Promise.all(
      made.map((a, i) =>
        updateArticle(w.ctx, actor, a.id, {
          version: 1,
          ...(i % 2 ? { categoryCode: '02-01' } : { categoryCode: '04-06', validUntil: null }),
        }),
      ),
    );
    await expectFiguresRight(now(), afterLater);
    await Promise.all(made.map((a) => updateArticle(w.ctx, actor, a.id, { version: 2, status: 'retired' })));
    await expectFiguresRight(now(), afterLater);

    // Retire everything still published: no figure row is left behind.
    const live = await w.db
      .selectFrom('knowledge_articles')
      .select(['id', 'version'])
      .where('status', '=', 'published')
      .execute();
    for (const a of live) await updateArticle(w.ctx, actor, a.id, { version: a.version, status: 'retired' });
    expect(await w.db.selectFrom('knowledge_corpus').selectAll().execute()).toEqual([]);
    expect(await corpusStats(w.db, now())).toEqual({ docs: 0, avgLength: 0 });
  });

  it('are what search ranks with', async () => {
    const a = await createArticle(w.ctx, actor.id, article(1, { title: '工地夜间打桩扰民' }));
    await createArticle(w.ctx, actor.id, article(2));
    const before = await searchArticles(w.db, { q: '工地半夜打桩', limit: 5 });
    expect(before[0]?.article.id).toBe(a.id);
    // BM25's idf depends on N: two more articles without these words change the scores.
    await createArticle(w.ctx, actor.id, { ...article(3), title: '养犬登记', questions: ['狗证去哪办'] });
    await createArticle(w.ctx, actor.id, { ...article(4), title: '居住证', questions: ['居住证怎么办'] });
    const after = await searchArticles(w.db, { q: '工地半夜打桩', limit: 5 });
    expect(after.map((h) => h.article.id)).toEqual(before.map((h) => h.article.id));
    expect(after[0]!.score).toBeGreaterThan(before[0]!.score);
  });
});
