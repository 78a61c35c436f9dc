import type { CliIo } from '../../cli.js';
import { writeFileSync } from 'node:fs';
import { PROPOSE_SCORE } from './similar.score.js';
import {
  groups,
  loadMessages,
  proposePairs,
  samplePairs,
  type Message,
  type Pair,
} from './similar.report.js';

type Io = Pick<CliIo, 'out' | 'err'>;

/**
 * The two hot issues the 2020 Teddy Cup problem statement names (see the data's SOURCE.md),
 * recognised by their words so the report can count where their messages land.
 */
const hotIssues = [
  {
    // 21 messages (2019-07-21 … 2019-12-04): the ten the statement lists (3601xx), their originals, one more
    name: '魅力之城小区油烟噪音扰民',
    match: (m: Message) => /魅力之城/.test(m.subject) && /油烟|噪音|噪声|扰民|烧烤|夜宵/.test(m.text),
  },
  {
    // 9 messages (2017-06-08 … 2019-11-27): internships and factory work the school imposes; 财政经济学院 is another school
    name: 'A市经济学院强制学生实习',
    match: (m: Message) =>
      /经济学院/.test(m.subject) && !/财政/.test(m.subject) && /实习|打工|工厂|社会实践/.test(m.text),
  },
];

function flag(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

const short = (s: string, n: number) => (s.length > n ? `${s.slice(0, n)}…` : s);
const cell = (s: string) => s.replace(/\s+/g, ' ').replaceAll('|', '｜');

/** `similar-report --input FILE.csv [--window-days 30] [--top 15] [--sample 50 --sample-out FILE.md]` */
export async function similarReportCommand(args: string[], io: Io): Promise<number> {
  const input = flag(args, '--input');
  if (!input) {
    io.err('similar-report needs --input FILE.csv (columns 留言编号, 留言主题, 留言时间, 留言详情)');
    return 2;
  }
  const windowDays = Number(flag(args, '--window-days') ?? 30);
  const top = Number(flag(args, '--top') ?? 15);
  const sampleSize = Number(flag(args, '--sample') ?? 0);
  const minScore = Number(flag(args, '--min-score') ?? PROPOSE_SCORE);
  if (!(windowDays > 0) || !(top > 0) || !(sampleSize >= 0) || !(minScore > 0 && minScore <= 1)) {
    io.err('--window-days, --top and --sample take positive numbers, --min-score one in (0, 1]');
    return 2;
  }
  const started = performance.now();
  const messages = loadMessages(input);
  const pairs = proposePairs(messages, windowDays, minScore);
  const gs = groups(messages.length, pairs);
  const ms = Math.round(performance.now() - started);
  io.out(
    `${messages.length} messages, window ${windowDays} days, score ≥ ${minScore}: ${pairs.length} proposed pairs, ` +
      `${gs.length} groups (${gs.reduce((n, g) => n + g.length, 0)} messages in groups), in ${ms} ms`,
  );
  io.out('');
  gs.slice(0, top).forEach((g, k) => {
    const first = messages[g[0]!]!;
    const last = messages[g[g.length - 1]!]!;
    io.out(
      `#${k + 1} — ${g.length} messages, ${first.at.toISOString().slice(0, 10)} … ${last.at.toISOString().slice(0, 10)}`,
    );
    for (const i of g.slice(0, 6)) io.out(`    ${messages[i]!.id}  ${short(messages[i]!.subject, 60)}`);
    if (g.length > 6) io.out(`    … and ${g.length - 6} more`);
  });
  io.out('');
  const groupOf = new Map<number, number>();
  gs.forEach((g, k) => g.forEach((i) => groupOf.set(i, k)));
  for (const h of hotIssues) {
    const members = messages.flatMap((m, i) => (h.match(m) ? [i] : []));
    const tally = new Map<number, number>();
    for (const i of members) {
      const k = groupOf.get(i);
      if (k !== undefined) tally.set(k, (tally.get(k) ?? 0) + 1);
    }
    const [bestGroup, inBest] = [...tally.entries()].sort((x, y) => y[1] - x[1])[0] ?? [-1, 0];
    io.out(
      `hot issue ${h.name}: ${members.length} messages by its words; ${inBest} of them in one group` +
        (bestGroup >= 0 ? ` (#${bestGroup + 1}, ${gs[bestGroup]!.length} messages)` : '') +
        `; ${members.filter((i) => !groupOf.has(i)).length} alone; ` +
        `groups holding them: ${[...tally.entries()].map(([k, n]) => `#${k + 1}×${n}`).join(' ')}`,
    );
    const outside = members.filter((i) => groupOf.get(i) !== bestGroup).map((i) => messages[i]!.id);
    if (outside.length > 0) io.out(`    not in #${bestGroup + 1}: ${outside.join(' ')}`);
  }
  const out = flag(args, '--sample-out');
  if (sampleSize > 0 && out) {
    writeFileSync(out, sampleMarkdown(messages, samplePairs(pairs, sampleSize)));
    io.out(`\n${Math.min(sampleSize, pairs.length)} sampled pairs written to ${out}`);
  }
  return 0;
}

function sampleMarkdown(messages: Message[], sample: Pair[]): string {
  const lines = [
    '| # | score | text sim | hours | message A | message B | shared names | shared phrases | same problem? |',
    '|---|---|---|---|---|---|---|---|---|',
  ];
  sample.forEach((p, k) => {
    const a = messages[p.a]!;
    const b = messages[p.b]!;
    lines.push(
      `| ${k + 1} | ${p.scored.score} | ${p.scored.evidence.textSimilarity} | ${p.scored.evidence.hoursApart} | ` +
        `${a.id} ${cell(short(a.subject, 40))} | ${b.id} ${cell(short(b.subject, 40))} | ` +
        `${cell(p.scored.evidence.sharedNames.slice(0, 3).join('、'))} | ` +
        `${cell(p.scored.evidence.sharedPhrases.slice(0, 3).join('、'))} |  |`,
    );
  });
  return `${lines.join('\n')}\n`;
}
