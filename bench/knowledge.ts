/**
 * bench:knowledge — knowledge search (一网通答) over a knowledge base of a few thousand articles.
 *
 *   npm run bench:knowledge                         # 5,000 articles on PGlite (in memory)
 *   BENCH_KNOWLEDGE_ARTICLES=20000 DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npm run bench:knowledge
 *
 * Loads N published articles through createArticle (the route's own path: index rows and audit),
 * made from the demo's twelve answers × places × details (a fixed seed, so every run is the same),
 * then times, warm, searchArticles for callers' phrasings next to the floor measured in the same
 * run: one article read by primary key. Prints p50/p99, the ratio, the time of BM25's corpus figures
 * alone (kept on write in knowledge_corpus: a few rows, whatever N), the postings read per query and
 * the plan of the postings lookup (it must use knowledge_terms' primary key, not scan the table).
 * On a fresh PostgreSQL schema, dropped at the end.
 *
 * The corpus repeats twelve answers, so every bigram a caller says is in 8 % or more of the
 * articles (about 4,200 postings per query at N = 5,000): a worst case for the postings read; a real
 * knowledge base of varied answers reads far fewer. Measured on the shared 2-core machine, N = 5,000:
 * PostgreSQL p50 31 ms (p99 145) against a 1.0 ms primary-key read; PGlite p50 117 ms against 0.6 ms.
 * The corpus figures alone: p50 0.4 ms at 5,000 and at 20,000 articles on either (counted per query
 * before migration 0020: 2.3 / 9.4 ms on PostgreSQL, 3.2 / 33.6 ms on PGlite).
 */
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { freshDatabase } from '../test/db.js';
import { createArticle, searchArticles } from '../src/modules/knowledge/index.js';
import { corpusStats } from '../src/modules/knowledge/knowledge.corpus.js';
import { findPostings } from '../src/modules/knowledge/knowledge.repository.js';
import { queryTerms } from '../src/modules/knowledge/knowledge.text.js';
import type { AppContext } from '../src/platform/context.js';
import { demoArticles } from '../src/seed/data/knowledge.js';

const N = Number(process.env.BENCH_KNOWLEDGE_ARTICLES ?? 5_000);
const ROUNDS = Number(process.env.BENCH_KNOWLEDGE_ROUNDS ?? 300);

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}
const places =
  '黄村 西红门 旧宫 亦庄 瀛海 观音寺 天宫院 清源 兴丰 林校路 高米店 枣园 庞各庄 榆垡 礼贤 采育 长子营 青云店 魏善庄 安定'.split(
    ' ',
  );
const notes = '节假日 老年人 外地户籍 新建小区 老旧小区 村庄 商户 学校周边 工作日 夜间'.split(' ');
const calls = [
  '您好我们小区垃圾晚上几点之前要扔掉',
  '楼上邻居周六一大早就在装修电钻声音特别大',
  '我是外地来大兴打工的想办个居住证要带什么',
  '家里从早上开始就没有自来水了',
  '附近工地半夜还在打桩吵得睡不着',
  '路边停车明明只停了半小时却扣了我很多钱',
];

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) * p)]!;

async function main() {
  const { handle, config } = await freshDatabase();
  const ctx: AppContext = { db: handle.db, config, dbKind: handle.kind };
  try {
    const r = rng(42);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
    const t0 = performance.now();
    for (let i = 0; i < N; i++) {
      const a = demoArticles[i % demoArticles.length]!;
      const place = pick(places);
      const note = pick(notes);
      await createArticle(ctx, null, {
        title: `${place}${a.title}（${note}）`,
        questions: a.questions.map((q) => `${place}${q}`),
        keywords: [...a.keywords, place, note],
        public: false,
        answer: `${place}地区${note}：${a.answer}`,
        categoryCode: null,
        ownerUnitCode: null,
        validUntil: null,
        status: 'published',
      });
    }
    console.log(`loaded ${N} articles in ${((performance.now() - t0) / 1000).toFixed(1)} s (${handle.kind})`);
    await sql`analyze`.execute(ctx.db);

    const search: number[] = [];
    const floor: number[] = [];
    const corpus: number[] = [];
    let postings = 0;
    for (let i = 0; i < ROUNDS; i++) {
      const q = `${pick(places)}${calls[i % calls.length]!}`;
      const s = performance.now();
      const hits = await searchArticles(ctx.db, { q, limit: 5 });
      search.push(performance.now() - s);
      if (hits.length === 0) throw new Error(`no answer for ${q}`);
      if (i < calls.length) postings += (await findPostings(ctx.db, queryTerms(q).terms, new Date())).length;
      const id = 1 + Math.floor(r() * N);
      const f = performance.now();
      await ctx.db.selectFrom('knowledge_articles').selectAll().where('id', '=', id).executeTakeFirst();
      floor.push(performance.now() - f);
      const c = performance.now();
      await corpusStats(ctx.db, new Date());
      corpus.push(performance.now() - c);
    }
    const row = (name: string, xs: number[]) =>
      console.log(`${name.padEnd(28)} p50 ${pct(xs, 0.5).toFixed(2)} ms  p99 ${pct(xs, 0.99).toFixed(2)} ms`);
    row('search (postings + BM25)', search);
    row('floor: article by id', floor);
    row('corpus figures (N, avg len)', corpus);
    console.log(`ratio p50 ${(pct(search, 0.5) / pct(floor, 0.5)).toFixed(1)}×`);
    console.log(`postings read per query (mean of ${calls.length}): ${Math.round(postings / calls.length)}`);
    const terms = queryTerms(calls[0]!).terms;
    const plan = await sql<{ 'QUERY PLAN': string }>`explain (costs off)
      select t.article_id, t.tf from knowledge_terms t where t.term = any(${terms}::text[])`.execute(ctx.db);
    console.log('\nplan of the postings lookup:');
    for (const p of plan.rows) console.log(`  ${p['QUERY PLAN']}`);
  } finally {
    await handle.close();
  }
}

await main();
