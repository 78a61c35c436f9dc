import { loadUs311, spread, toPost, type ReplayPost } from './us311.js';
import { readList } from './xml-read.js';

/**
 * open311-replay: posts the US 311 samples to an Open311 endpoint over real HTTP, form-encoded
 * as FixMyStreet's Open311.pm does, then reads every request back by id in XML and in JSON, one
 * by one and in batches (`requests.{fmt}?service_request_id=a,b,c`), and compares each record
 * field by field with what was sent.
 */

export type Format = 'xml' | 'json';

export interface ReplayOptions {
  /** The endpoint's base URL, e.g. http://localhost:8080/open311/v2 (no trailing slash needed). */
  baseUrl: string;
  apiKey: string;
  jurisdictionId: string;
  /** Which POST endpoint to use: requests.xml (FixMyStreet's default) or requests.json. */
  format: Format;
  /** Replay this many rows spread evenly over the file; all when absent. */
  limit?: number;
  concurrency: number;
  dataDir: string;
  /** Ids per batched read. */
  batchSize: number;
}

/** One field whose read-back differs from what was sent. */
export interface Diff {
  sourceId: string;
  id: string | null;
  /** Which read: xml, json, batch xml, batch json (or post). */
  read: string;
  field: string;
  expected: unknown;
  actual: unknown;
}

export interface ReplayReport {
  total: number;
  posted: number;
  failures: Array<{ sourceId: string; status: number; body: string }>;
  /** Records that came back with every field as sent, per kind of read. */
  intact: Record<'xml' | 'json' | 'batch xml' | 'batch json', number>;
  diffs: Diff[];
  /** 429 answers waited out and retried. */
  throttled: number;
  postSeconds: number;
  readSeconds: number;
}

interface Answer {
  status: number;
  type: string;
  text: string;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Fetches, waiting out 429s as their Retry-After says (a polite client's behaviour). */
async function call(url: string, init: RequestInit, stats: { throttled: number }): Promise<Answer> {
  for (let attempt = 0; ; attempt++) {
    const res = await fetch(url, init);
    const text = await res.text();
    if (res.status === 429 && attempt < 10) {
      stats.throttled++;
      const wait = Number(res.headers.get('retry-after'));
      await sleep(Math.min(Number.isFinite(wait) && wait > 0 ? wait : 1, 60) * 1000);
      continue;
    }
    return { status: res.status, type: res.headers.get('content-type') ?? '', text };
  }
}

/** Runs `fn` over `items` with at most `n` in flight. */
async function pool<T>(items: readonly T[], n: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await fn(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(n, items.length) }, worker));
}

/** The request records of a GeoReport list answer in either format. */
export function readRecords(answer: Answer, format: Format): Array<Record<string, unknown>> {
  if (format === 'json') {
    const value = JSON.parse(answer.text) as unknown;
    if (!Array.isArray(value)) throw new Error('JSON answer is not a top-level array');
    return value as Array<Record<string, unknown>>;
  }
  if (!answer.text.startsWith('<?xml')) throw new Error('XML answer has no declaration');
  return readList(answer.text, 'service_requests', 'request');
}

/** The descriptions of a GeoReport `errors` answer, else its raw body. */
function errorText(answer: Answer, format: Format): string {
  try {
    const errors =
      format === 'json'
        ? (JSON.parse(answer.text) as Array<Record<string, unknown>>)
        : readList(answer.text, 'errors', 'error');
    return errors.map((e) => String(e.description)).join('; ');
  } catch {
    return answer.text;
  }
}

const W3C = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const HOUR_MS = 3_600_000;

/**
 * The differences between a read-back record and the POST it came from. Both formats must carry
 * the same values; JSON must also keep ids and codes as strings and coordinates as numbers.
 */
export function compareRecord(
  post: ReplayPost,
  id: string,
  record: Record<string, unknown>,
  read: string,
  window: { from: number; to: number },
): Diff[] {
  const diffs: Diff[] = [];
  const json = read.endsWith('json');
  const diff = (field: string, expected: unknown, actual: unknown) =>
    diffs.push({ sourceId: post.sourceId, id, read, field, expected, actual });
  const same = (field: string, expected: unknown) => {
    if (record[field] !== expected) diff(field, expected, record[field]);
  };
  same('service_request_id', id);
  same('service_code', post.serviceCode);
  same('status', 'open');
  same('description', post.description);
  same('address', post.address);
  if (!record.service_name) diff('service_name', '(the category name)', record.service_name);
  for (const [field, expected] of [
    ['lat', post.lat],
    ['long', post.long],
  ] as const) {
    const actual = record[field];
    if (expected === undefined) {
      if (actual !== null && actual !== undefined) diff(field, null, actual);
    } else if (json && typeof actual !== 'number') {
      diff(field, expected, actual);
    } else if (!(Math.abs(Number(actual) - expected) <= 1e-6)) {
      diff(field, expected, actual);
    }
  }
  const at = record.requested_datetime;
  const t = typeof at === 'string' && W3C.test(at) ? Date.parse(at) : NaN;
  if (!(t >= window.from - HOUR_MS && t <= window.to + HOUR_MS)) {
    diff('requested_datetime', 'W3C datetime with zone, at posting time', at);
  }
  return diffs;
}

const contentTypes: Record<Format, string> = { xml: 'text/xml', json: 'application/json' };

/** Posts and reads back; never throws for a failed request (it is counted), only for bad setup. */
export async function replayOpen311(
  options: ReplayOptions,
  progress: (line: string) => void = () => {},
): Promise<ReplayReport> {
  const base = options.baseUrl.replace(/\/+$/, '');
  const rows = await loadUs311(options.dataDir);
  const posts = spread(rows, options.limit).map(({ row, index }) =>
    toPost(row, index, options.jurisdictionId, options.apiKey),
  );
  const stats = { throttled: 0 };
  const report: ReplayReport = {
    total: posts.length,
    posted: 0,
    failures: [],
    intact: { xml: 0, json: 0, 'batch xml': 0, 'batch json': 0 },
    diffs: [],
    throttled: 0,
    postSeconds: 0,
    readSeconds: 0,
  };
  const ids = new Map<ReplayPost, string>();
  const started = Date.now();

  await pool(posts, options.concurrency, async (post) => {
    const fail = (status: number, body: string) => {
      report.failures.push({ sourceId: post.sourceId, status, body: body.slice(0, 300) });
    };
    try {
      const answer = await call(
        `${base}/requests.${options.format}`,
        {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
          body: new URLSearchParams(post.form).toString(),
        },
        stats,
      );
      if (answer.status !== 200 && answer.status !== 201) {
        return fail(answer.status, errorText(answer, options.format));
      }
      const id = readRecords(answer, options.format)[0]?.service_request_id;
      if (typeof id !== 'string' || id === '')
        return fail(answer.status, `no service_request_id: ${answer.text}`);
      ids.set(post, id);
      report.posted++;
      if (report.posted % 500 === 0) progress(`  posted ${report.posted}/${posts.length}`);
    } catch (err) {
      fail(0, err instanceof Error ? err.message : String(err));
    }
  });
  const posted = Date.now();
  report.postSeconds = (posted - started) / 1000;
  const window = { from: started, to: posted };
  const jurisdiction = `jurisdiction_id=${encodeURIComponent(options.jurisdictionId)}`;

  /** Checks one read's answer: status, content type, then each expected record. */
  const check = (read: string, format: Format, answer: Answer, expected: Array<[ReplayPost, string]>) => {
    const fail = (post: ReplayPost, field: string, want: unknown, got: unknown) =>
      report.diffs.push({
        sourceId: post.sourceId,
        id: ids.get(post)!,
        read,
        field,
        expected: want,
        actual: got,
      });
    if (answer.status !== 200 || !answer.type.startsWith(contentTypes[format])) {
      for (const [post] of expected)
        fail(post, 'http', `200 ${contentTypes[format]}`, `${answer.status} ${answer.type}`);
      return;
    }
    let records: Array<Record<string, unknown>>;
    try {
      records = readRecords(answer, format);
    } catch (err) {
      for (const [post] of expected) fail(post, 'body', 'a GeoReport request list', String(err));
      return;
    }
    const byId = new Map(records.map((r) => [r.service_request_id, r]));
    if (records.length !== expected.length) {
      fail(expected[0]![0], 'record count', expected.length, records.length);
    }
    for (const [post, id] of expected) {
      const record = byId.get(id);
      if (!record) {
        fail(post, 'service_request_id', id, '(missing)');
        continue;
      }
      const diffs = compareRecord(post, id, record, read, window);
      report.diffs.push(...diffs);
      if (diffs.length === 0) report.intact[read as keyof ReplayReport['intact']]++;
    }
  };

  // A refused connection is a failed read of the records it was for, not the end of the run.
  const read = (url: string): Promise<Answer> =>
    call(url, {}, stats).catch((err: unknown) => ({ status: 0, type: '', text: String(err) }));
  const done = [...ids.entries()];
  await pool(done, options.concurrency, async ([post, id]) => {
    for (const format of ['xml', 'json'] as const) {
      const url = `${base}/requests/${encodeURIComponent(id)}.${format}?${jurisdiction}`;
      check(format, format, await read(url), [[post, id]]);
    }
  });
  const batches: Array<Array<[ReplayPost, string]>> = [];
  for (let i = 0; i < done.length; i += options.batchSize) batches.push(done.slice(i, i + options.batchSize));
  await pool(batches, options.concurrency, async (batch) => {
    const list = batch.map(([, id]) => encodeURIComponent(id)).join(',');
    for (const format of ['xml', 'json'] as const) {
      const url = `${base}/requests.${format}?service_request_id=${list}&${jurisdiction}`;
      check(`batch ${format}`, format, await read(url), batch);
    }
  });
  report.readSeconds = (Date.now() - posted) / 1000;
  report.throttled = stats.throttled;
  return report;
}
