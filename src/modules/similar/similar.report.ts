import { readFileSync } from 'node:fs';
import { parseCsv } from './similar.csv.js';
import { PER_BUCKET } from './similar.repository.js';
import { PROPOSE_SCORE, scorePair, type Probe, type Scored } from './similar.score.js';
import { countTerms, nameBuckets, namesIn, termStats, type TermStats } from './similar.names.js';
import { normalise, textBuckets } from './similar.text.js';

/**
 * similar-report: the same similarity intake uses, run over a table of real messages (no
 * coordinates, no categories: text and time only), to show what it gathers. Every message is
 * looked up against the earlier ones in the window through the same LSH buckets, scored with the
 * same scorePair, and pairs at or above PROPOSE_SCORE are proposals; groups are the connected
 * components of the proposals (what a dispatcher would end up merging by accepting them).
 */
export interface Message {
  id: string;
  subject: string;
  text: string;
  at: Date;
}

export interface Pair {
  a: number;
  b: number;
  scored: Scored;
}

/** Reads a message table (留言编号, 留言主题, 留言时间, 留言详情), oldest first. */
export function loadMessages(path: string): Message[] {
  const rows = parseCsv(readFileSync(path, 'utf8'));
  const out: Message[] = [];
  for (const r of rows) {
    const subject = (r['留言主题'] ?? '').trim();
    const detail = (r['留言详情'] ?? '').trim();
    const at = parseChinaTime(r['留言时间'] ?? '');
    if (!subject && !detail) continue;
    if (!at) throw new Error(`message ${r['留言编号'] ?? '?'}: unreadable time ${r['留言时间']}`);
    out.push({ id: r['留言编号'] ?? String(out.length + 1), subject, text: `${subject}。${detail}`, at });
  }
  return out.sort((x, y) => x.at.getTime() - y.at.getTime());
}

/** `2019/2/28 11:25:05` (China time) → Date. */
function parseChinaTime(s: string): Date | null {
  const m = /^(\d{4})[/-](\d{1,2})[/-](\d{1,2})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?/.exec(s.trim());
  if (!m) return null;
  const p = (x: string | undefined, n = 2) => (x ?? '0').padStart(n, '0');
  return new Date(`${m[1]}-${p(m[2])}-${p(m[3])}T${p(m[4])}:${p(m[5])}:${p(m[6])}+08:00`);
}

/**
 * Finds the proposals among messages in time order: each message's candidates are the earlier
 * messages in the window sharing a bucket, at most `perBucket` most recent per bucket (as the
 * database lookup reads them).
 */
export function proposePairs(
  messages: Message[],
  windowDays: number,
  minScore = PROPOSE_SCORE,
  perBucket = PER_BUCKET,
  terms: TermStats = messageTerms(messages),
): Pair[] {
  const windowMs = windowDays * 86_400_000;
  const index = new Map<number, number[]>();
  const pairs: Pair[] = [];
  // One probe per message, so its shingles and names are worked out once, not once per pair.
  const probes: Probe[] = messages.map((x) => ({
    text: x.text,
    title: x.subject,
    lon: null,
    lat: null,
    categoryId: null,
    areaUnitId: null,
    at: x.at,
  }));
  messages.forEach((m, i) => {
    const keys = [...textBuckets(m.text, m.subject), ...nameBuckets(namesIn(normalise(m.text), terms))];
    const seen = new Set<number>();
    for (const k of keys) {
      const list = index.get(k) ?? [];
      for (let j = list.length - 1, n = 0; j >= 0 && n < perBucket; j--, n++) {
        const c = list[j]!;
        if (m.at.getTime() - messages[c]!.at.getTime() <= windowMs) seen.add(c);
      }
      list.push(i);
      index.set(k, list);
    }
    for (const c of seen) {
      const scored = scorePair(probes[i]!, probes[c]!, windowMs, terms);
      if (scored && scored.score >= minScore) pairs.push({ a: c, b: i, scored });
    }
  });
  return pairs;
}

/** Bigram document frequencies over the messages themselves (what the index job counts over recent cases). */
export function messageTerms(messages: readonly Message[]): TermStats {
  return termStats(countTerms(messages.map((m) => normalise(m.text))));
}

/** Connected components of the proposal graph, largest first (singletons left out). */
export function groups(count: number, pairs: readonly Pair[]): number[][] {
  const parent = Array.from({ length: count }, (_, i) => i);
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]!]!;
      x = parent[x]!;
    }
    return x;
  };
  for (const p of pairs) parent[find(p.a)] = find(p.b);
  const byRoot = new Map<number, number[]>();
  for (let i = 0; i < count; i++) {
    const r = find(i);
    byRoot.set(r, [...(byRoot.get(r) ?? []), i]);
  }
  return [...byRoot.values()].filter((g) => g.length > 1).sort((x, y) => y.length - x.length);
}

/** A deterministic sample of `n` pairs (a fixed-seed shuffle), for checking by hand. */
export function samplePairs(pairs: readonly Pair[], n: number, seed = 20260601): Pair[] {
  let s = seed >>> 0;
  const rand = () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
  const copy = [...pairs];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy.slice(0, n);
}
