/**
 * bench:similar — the 并案 proposal lookup at city scale, on PostgreSQL.
 *
 *   npm run bench:similar                      # 1,000,000 cases
 *   BENCH_SIMILAR_CASES=200000 npm run bench:similar
 *
 * In a fresh schema (dropped at the end) it loads N open cases received over the last 30 days
 * with varied Chinese texts (templates × places × problems × details, generated from a fixed seed)
 * and their LSH rows (24 per case, computed by the same code intake uses), loaded in batches
 * through `unnest` arrays with the case_lsh index built afterwards, then ANALYZE. It then times,
 * warm, for new texts (half of them rewordings of loaded cases, half new problems):
 *   - the candidate lookup statement alone (the one intake runs), and
 *   - the whole proposal step (lookup + exact scoring in TypeScript),
 * next to the floor measured in the same run: one indexed lookup of a case by primary key.
 * It prints p50/p99 and the ratio, and the EXPLAIN of the lookup (it must use case_lsh_bucket).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import { loadConfig } from '../src/platform/config.js';
import type { AppContext } from '../src/platform/context.js';
import { openDatabase } from '../src/platform/db/index.js';
import { lookupCandidates, lookupSql } from '../src/modules/similar/similar.repository.js';
import { probeBuckets, rankCandidates } from '../src/modules/similar/similar.service.js';

const N = Number(process.env.BENCH_SIMILAR_CASES ?? 1_000_000);
const PROBES = Number(process.env.BENCH_SIMILAR_PROBES ?? 400);
const URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const BATCH = 5_000;
const DAY = 86_400_000;

/** A small deterministic PRNG (the texts are the same on every run). */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const roads =
  '兴华大街 黄村西大街 金星路 永华南路 清源路 林校路 兴丰大街 康庄路 义和庄东路 芦城路 海子角路 旧宫东路 亦庄路 西红门路 欣宁街 宏福路 新源大街 团河路 三海子路 瀛海路 庑殿路 育英街 念坛路 礼贤路 榆垡路 安定路 采育路 长子营路 青云店路 魏善庄路'.split(
    ' ',
  );
const places =
  '小区 花园 家园 嘉园 公寓 商业街 广场 菜市场 公交站 地铁站 学校 医院 公园 农贸市场 写字楼 工地 超市 幼儿园 村委会 停车场'.split(
    ' ',
  );
const names =
  '鸿坤 富力 金地 万科 龙湖 保利 首开 中海 远洋 绿地 融创 招商 华润 旭辉 碧桂园 金隅 住总 城建 北辰 天恒 星光 阳光 幸福 和谐 明珠 锦绣 翡翠 康城 枫丹 紫云'.split(
    ' ',
  );
const problems = [
  '有商贩占道经营，影响通行',
  '夜间施工噪音扰民，严重影响休息',
  '路灯不亮已经一周，晚上出行很危险',
  '井盖缺失，存在安全隐患',
  '垃圾堆积无人清运，气味难闻',
  '餐馆油烟直排，楼上住户无法开窗',
  '机动车乱停乱放，堵塞消防通道',
  '自来水水压低，高层住户用不上水',
  '暖气不热，室温只有十几度',
  '共享单车堆放占用盲道',
  '下水道堵塞，污水外溢',
  '树木枝杈过长遮挡窗户',
  '电梯频繁故障，老人被困',
  '广场舞音响声音过大',
  '私搭乱建违章建筑',
  '道路坑洼积水，车辆行人难以通过',
  '小广告乱贴乱画，影响市容',
  '公交车晚点严重，等车时间过长',
  '物业不作为，乱收停车费',
  '渣土车遗撒，道路扬尘严重',
  '燃气管道有异味，担心泄漏',
  '流浪狗较多，咬伤行人',
  '红绿灯时间设置不合理，早高峰拥堵',
  '河道漂浮垃圾，水质发黑发臭',
];
const openers = [
  '',
  '市民来电反映：',
  '您好，',
  '尊敬的领导，',
  '我是附近居民，',
  '来电人称，',
  '市民反映，',
];
const details = [
  '已经持续很久了',
  '多次反映未解决',
  '希望尽快处理',
  '请相关部门核实',
  '周边居民意见很大',
  '特别是早晚高峰',
  '周末尤其严重',
  '老人孩子出行不便',
  '之前打过电话没有结果',
  '希望加强管理',
];

/** One report text: opener + place + problem + details; rewording = other opener, other details. */
function makeText(
  r: () => number,
  place?: { road: string; name: string; kind: string; no: number; problem: string },
) {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const p = place ?? {
    road: pick(roads),
    name: pick(names),
    kind: pick(places),
    no: 1 + Math.floor(r() * 200),
    problem: pick(problems),
  };
  const where = r() < 0.5 ? `${p.road}${p.no}号${p.name}${p.kind}` : `${p.name}${p.kind}（${p.road}附近）`;
  const text = `${pick(openers)}${where}${p.problem}，${pick(details)}，${pick(details)}。`;
  return { text, place: p };
}

function timed(ms: number[]) {
  const s = [...ms].sort((a, b) => a - b);
  const at = (q: number) => Math.round(s[Math.min(s.length - 1, Math.floor(q * s.length))]! * 1000) / 1000;
  return { p50: at(0.5), p99: at(0.99) };
}

interface Sample {
  id: string;
  place: ReturnType<typeof makeText>['place'];
  lon: number;
  lat: number;
  categoryId: number | null;
}

async function load(client: pg.Client, now: number): Promise<Sample[]> {
  const r = rng(42);
  const samples: Sample[] = [];
  const cats = (await client.query<{ id: number }>(`select id from categories where is_leaf order by id`))
    .rows;
  for (let start = 0; start < N; start += BATCH) {
    const n = Math.min(BATCH, N - start);
    const id: string[] = [];
    const num: string[] = [];
    const text: string[] = [];
    const at: string[] = [];
    const lon: number[] = [];
    const lat: number[] = [];
    const cat: (number | null)[] = [];
    const lBucket: number[] = [];
    const lAt: string[] = [];
    const lCase: string[] = [];
    for (let i = 0; i < n; i++) {
      const k = start + i;
      const caseId = randomUUID();
      const { text: t, place } = makeText(r);
      const received = new Date(now - 30 * DAY + ((k + r()) / N) * 30 * DAY).toISOString();
      id.push(caseId);
      num.push(`S-${k}`);
      text.push(t);
      at.push(received);
      lon.push(116.19 + r() * 0.57);
      lat.push(39.42 + r() * 0.44);
      cat.push(cats.length ? cats[Math.floor(r() * cats.length)]!.id : null);
      for (const b of probeBuckets({
        text: t,
        lon: lon.at(-1)!,
        lat: lat.at(-1)!,
        categoryId: null,
        areaUnitId: null,
        at: new Date(),
      }).index) {
        lBucket.push(b);
        lAt.push(received);
        lCase.push(caseId);
      }
      if (k % 997 === 0)
        samples.push({ id: caseId, place, lon: lon.at(-1)!, lat: lat.at(-1)!, categoryId: cat.at(-1)! });
    }
    await client.query(
      `insert into cases (id, number, status, title, description, category_id, lon, lat, channel, received_at, updated_at)
       select i, n, 'dispatched', left(t, 40), t, c, x, y, 'hotline', a, a
       from unnest($1::uuid[], $2::text[], $3::text[], $4::int[], $5::float8[], $6::float8[], $7::timestamptz[])
         as u(i, n, t, c, x, y, a)`,
      [id, num, text, cat, lon, lat, at],
    );
    await client.query(
      `insert into case_lsh (bucket, received_at, case_id)
       select * from unnest($1::int8[], $2::timestamptz[], $3::uuid[])`,
      [lBucket, lAt, lCase],
    );
    if ((start / BATCH) % 20 === 0)
      process.stdout.write(`\r  loaded ${(start + n).toLocaleString('en')} cases`);
  }
  process.stdout.write('\n');
  return samples;
}

async function main(): Promise<void> {
  const schema = `bench_similar_${randomBytes(3).toString('hex')}`;
  const config = loadConfig({
    DATA_DIR: ':memory:',
    LOG_LEVEL: 'silent',
    DATABASE_URL: URL,
    DATABASE_SCHEMA: schema,
  });
  const handle = await openDatabase(config);
  const ctx: AppContext = { db: handle.db, config, dbKind: handle.kind };
  const client = new pg.Client({ connectionString: URL, options: `-c search_path=${schema}` });
  await client.connect();
  try {
    await client.query(`insert into categories (code, name, level, is_leaf)
      select 'S' || g, '基准类' || g, 1, true from generate_series(1, 30) g`);
    const now = Date.now();
    // A bulk load builds the index once at the end instead of maintaining it row by row.
    await client.query('drop index case_lsh_bucket');
    let t0 = performance.now();
    const samples = await load(client, now);
    const loadMs = performance.now() - t0;
    t0 = performance.now();
    await client.query('create index case_lsh_bucket on case_lsh (bucket, received_at) include (case_id)');
    await client.query('vacuum analyze case_lsh');
    await client.query('vacuum analyze cases');
    const indexMs = performance.now() - t0;
    const size = await client.query<{ rows: string; heap: string; idx: string }>(
      `select (select count(*) from case_lsh)::text as rows,
        pg_size_pretty(pg_relation_size('case_lsh')) as heap,
        pg_size_pretty(pg_relation_size('case_lsh_bucket')) as idx`,
    );
    console.log(
      `${N.toLocaleString('en')} cases, ${Number(size.rows[0]!.rows).toLocaleString('en')} LSH rows ` +
        `(heap ${size.rows[0]!.heap}, index ${size.rows[0]!.idx}); load ${(loadMs / 1000).toFixed(1)} s, ` +
        `index + vacuum analyze ${(indexMs / 1000).toFixed(1)} s`,
    );

    // Probes: half reword a loaded case (same place and problem), half are new texts.
    const r = rng(7);
    const probes = Array.from({ length: PROBES }, (_, i) => {
      const like = samples[Math.floor(r() * samples.length)]!;
      if (i % 2 === 0) return { text: makeText(r).text, lon: 116.4, lat: 39.6, categoryId: null };
      // a rewording of a loaded case, 30 m from it, same category
      return { ...like, text: makeText(r, like.place).text, lat: like.lat + 0.0003 };
    });
    const since = new Date(now - 30 * DAY);
    const at = new Date(now);
    type ProbeText = (typeof probes)[number];
    const lookup = (t: ProbeText) =>
      lookupCandidates(handle.db, {
        buckets: probeBuckets({ ...t, title: null, areaUnitId: null, at }).lookup,
        since,
        at,
        insertFor: null,
        exclude: null,
      });
    for (const t of probes.slice(0, 50)) await lookup(t); // warm-up
    const lookupMs: number[] = [];
    const proposeMs: number[] = [];
    let candidates = 0;
    let found = 0;
    let foundOriginal = 0;
    let candidateOriginal = 0;
    for (const [i, t] of probes.entries()) {
      let s = performance.now();
      const rows = await lookup(t);
      lookupMs.push(performance.now() - s);
      candidates += rows.length;
      if (i % 2 === 1 && rows.some((x) => x.id === (t as Sample).id)) candidateOriginal++;
      s = performance.now();
      const proposals = rankCandidates(ctx, { ...t, title: null, areaUnitId: null, at }, await lookup(t));
      proposeMs.push(performance.now() - s);
      if (proposals.length > 0) found++;
      if (i % 2 === 1 && proposals.some((x) => x.caseId === (t as Sample).id)) foundOriginal++;
    }
    const floorMs: number[] = [];
    for (let i = 0; i < 50; i++) await client.query('select 1');
    for (let i = 0; i < PROBES; i++) {
      const s = performance.now();
      await handle.db
        .selectFrom('cases')
        .selectAll()
        .where('id', '=', samples[i % samples.length]!.id)
        .executeTakeFirst();
      floorMs.push(performance.now() - s);
    }
    const l = timed(lookupMs);
    const p = timed(proposeMs);
    const f = timed(floorMs);
    console.log(
      `\nproposal lookup for ${PROBES} new texts (${(candidates / PROBES).toFixed(1)} candidates each on average, ` +
        `${found} with proposals; the reworded case a candidate for ${candidateOriginal} and proposed for ${foundOriginal} of the ${PROBES / 2} rewordings):`,
    );
    console.table([
      { step: 'candidate lookup (intake statement)', ...l, vs_floor_p50: `${(l.p50 / f.p50).toFixed(1)}×` },
      { step: 'lookup + exact scoring', ...p, vs_floor_p50: `${(p.p50 / f.p50).toFixed(1)}×` },
      { step: 'floor: one case by primary key', ...f, vs_floor_p50: '1.0×' },
    ]);
    // Intake plans the statement per call (a custom plan with the actual values).
    await client.query('set plan_cache_mode = force_custom_plan');
    await client.query(`prepare lookup as ${lookupSql}`);
    const plan = await client.query<{ 'QUERY PLAN': string }>(
      `explain (analyze, buffers, costs off) execute lookup('{${probeBuckets({ ...probes[1]!, title: null, areaUnitId: null, at }).lookup.join(',')}}', ` +
        `'${at.toISOString()}', null, '${since.toISOString()}', 40, null, '{}')`,
    );
    console.log('\nEXPLAIN ANALYZE of the lookup statement (planned per call, as intake runs it):');
    for (const row of plan.rows) console.log(`  ${row['QUERY PLAN']}`);
    const usesIndex = plan.rows.some((row) => /case_lsh_bucket/.test(row['QUERY PLAN']));
    console.log(`uses the (bucket, received_at) index: ${usesIndex ? 'yes' : 'NO'}`);
  } finally {
    await client.end();
    await handle.close();
    const admin = new pg.Client({ connectionString: URL });
    await admin.connect();
    await admin.query(`drop schema if exists ${schema} cascade`);
    await admin.end();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
