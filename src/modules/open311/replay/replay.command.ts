import { parseArgs } from 'node:util';
import type { CliIo } from '../../../cli.js';
import { replayOpen311, type Format, type ReplayOptions, type ReplayReport } from './replay.js';
import { defaultDataDir } from './us311.js';

/** The report as the lines the command prints. */
export function formatReport(r: ReplayReport, options: ReplayOptions, maxDiffs = 10): string[] {
  const rate = (n: number, s: number) => (s > 0 ? `${Math.round(n / s)}/s` : '-');
  const lines = [
    `posted ${r.posted}/${r.total} to requests.${options.format} in ${r.postSeconds.toFixed(1)} s ` +
      `(${rate(r.posted, r.postSeconds)}), ${r.failures.length} failed`,
    `read back intact in ${r.readSeconds.toFixed(1)} s: ` +
      Object.entries(r.intact)
        .map(([k, n]) => `${k} ${n}/${r.posted}`)
        .join(', '),
    `mismatches: ${r.diffs.length}${r.throttled ? ` (${r.throttled} throttled answers waited out)` : ''}`,
  ];
  for (const f of r.failures.slice(0, maxDiffs))
    lines.push(`  POST ${f.sourceId}: HTTP ${f.status}: ${f.body}`);
  for (const d of r.diffs.slice(0, maxDiffs)) {
    lines.push(
      `  ${d.read} ${d.id} (${d.sourceId}) ${d.field}: expected ${JSON.stringify(d.expected)}, got ${JSON.stringify(d.actual)}`,
    );
  }
  return lines;
}

/** Whether every request was posted and read back intact in every read. */
export function replayClean(r: ReplayReport): boolean {
  return (
    r.failures.length === 0 &&
    r.diffs.length === 0 &&
    r.posted === r.total &&
    Object.values(r.intact).every((n) => n === r.posted)
  );
}

export const replayUsage =
  'open311-replay [--base-url URL] [--api-key K] [--limit N] [--format xml|json] [--concurrency N] [--data DIR]';

/** `npm run zhicheng -- open311-replay …`: exit 0 when clean, 1 on any failure or mismatch, 2 on usage. */
export async function runReplayCommand(args: string[], io: CliIo): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      options: {
        'base-url': { type: 'string' },
        'api-key': { type: 'string' },
        limit: { type: 'string' },
        format: { type: 'string', default: 'xml' },
        concurrency: { type: 'string', default: '8' },
        data: { type: 'string' },
        jurisdiction: { type: 'string' },
      },
    }));
  } catch (err) {
    io.err(`${err instanceof Error ? err.message : String(err)}\nusage: ${replayUsage}`);
    return 2;
  }
  const apiKey = values['api-key'] ?? io.env.OPEN311_DEMO_API_KEY;
  const limit = values.limit === undefined ? undefined : Number(values.limit);
  const concurrency = Number(values.concurrency);
  const problems = [
    !apiKey && 'an API key is needed: --api-key or OPEN311_DEMO_API_KEY',
    values.format !== 'xml' && values.format !== 'json' && '--format is xml or json',
    limit !== undefined && !(Number.isInteger(limit) && limit > 0) && '--limit is a positive integer',
    !(Number.isInteger(concurrency) && concurrency > 0 && concurrency <= 64) && '--concurrency is 1 to 64',
  ].filter(Boolean);
  if (problems.length > 0) {
    io.err(`${problems.join('; ')}\nusage: ${replayUsage}`);
    return 2;
  }
  const options: ReplayOptions = {
    baseUrl: values['base-url'] ?? `http://127.0.0.1:${io.env.PORT ?? 8080}/open311/v2`,
    apiKey: apiKey!,
    jurisdictionId: values.jurisdiction ?? io.env.DISTRICT_CODE ?? '110115',
    format: values.format as Format,
    limit,
    concurrency,
    dataDir: values.data ?? io.env.US311_DATA_DIR ?? defaultDataDir,
    batchSize: 50,
  };
  io.out(`open311-replay: US 311 samples from ${options.dataDir} → ${options.baseUrl}`);
  const report = await replayOpen311(options, (line) => io.out(line));
  const clean = replayClean(report);
  for (const line of formatReport(report, options)) {
    if (clean) io.out(line);
    else io.err(line);
  }
  return clean ? 0 : 1;
}
