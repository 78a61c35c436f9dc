import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import type { CliIo } from '../../cli.js';
import { CsvError, readCsvRecords } from './csv.js';
import { ClassifierError } from './errors.js';
import { loadModel, serializeModel } from './format.js';
import { classify, trainModel, type Example, type Model } from './model.js';

/** What the commands need of the CLI's surroundings. */
type ClassifierIo = Pick<CliIo, 'out' | 'err'>;

/** How the model turns margins into confidences, for the training summary. */
function confidenceSummary(model: Model): string {
  if (!model.confidence) return `softmax × ${model.scale.toFixed(3)}`;
  return `σ(${model.confidence.slope.toFixed(3)} × gap to the runner-up)`;
}

/** Rows fewer than this cannot make a model worth shipping. */
export const MIN_TRAINING_EXAMPLES = 10;

export const trainUsage =
  'train --input FILE.csv --text-column COL --label-column COL --out MODEL [--skip-unlabelled] [--seed N]';
export const classifyUsage = 'classify --model MODEL [--explain] < lines.jsonl';

/**
 * `train`: reads a CSV with a header row, trains, writes the model file. Exit codes: 0 written,
 * 2 bad arguments, 1 bad data (missing file or columns, unlabelled rows, one class, too few rows).
 * The summary goes to stderr; stdout stays empty so scripts can rely on it.
 */
export async function runTrainCommand(args: string[], io: ClassifierIo): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      options: {
        input: { type: 'string' },
        'text-column': { type: 'string' },
        'label-column': { type: 'string' },
        out: { type: 'string' },
        'skip-unlabelled': { type: 'boolean', default: false },
        seed: { type: 'string' },
      },
    }));
  } catch (error) {
    io.err(`${(error as Error).message}\nusage: ${trainUsage}`);
    return 2;
  }
  const { input, out } = values;
  const textColumn = values['text-column'];
  const labelColumn = values['label-column'];
  if (!input || !textColumn || !labelColumn || !out) {
    io.err(`train needs --input, --text-column, --label-column and --out\nusage: ${trainUsage}`);
    return 2;
  }
  const seed = values.seed === undefined ? undefined : Number(values.seed);
  if (seed !== undefined && !Number.isInteger(seed)) {
    io.err('--seed must be an integer');
    return 2;
  }
  if (!existsSync(input)) {
    io.err(`input file not found: ${input}`);
    return 1;
  }
  const started = Date.now();
  let header: string[];
  let records: Array<Record<string, string>>;
  try {
    ({ header, records } = readCsvRecords(readFileSync(input, 'utf8')));
  } catch (error) {
    if (error instanceof CsvError) {
      io.err(`${input}: malformed CSV: ${error.message}`);
      return 1;
    }
    throw error;
  }
  const missing = [textColumn, labelColumn].filter((c) => !header.includes(c));
  if (missing.length > 0) {
    io.err(
      `${input}: no column ${missing.map((c) => `"${c}"`).join(' or ')}; the header has: ${header.join(', ')}`,
    );
    return 1;
  }
  const unlabelled = records.flatMap((r, i) => (r[labelColumn]!.trim() === '' ? [i + 1] : []));
  if (unlabelled.length > 0 && !values['skip-unlabelled']) {
    io.err(
      `${input}: ${unlabelled.length} row(s) have an empty "${labelColumn}" (data rows ${preview(unlabelled)}); ` +
        'label them or pass --skip-unlabelled to leave them out',
    );
    return 1;
  }
  const examples: Example[] = records
    .filter((r) => r[labelColumn]!.trim() !== '')
    .map((r) => ({ text: r[textColumn]!, label: r[labelColumn]!.trim() }));
  let model: Model;
  try {
    model = trainModel(examples, {
      minExamples: MIN_TRAINING_EXAMPLES,
      ...(seed === undefined ? {} : { seed }),
    });
  } catch (error) {
    if (error instanceof ClassifierError) {
      io.err(`${input}: cannot train: ${error.message}`);
      return 1;
    }
    throw error;
  }
  const bytes = serializeModel(model);
  // Write then rename, so a crash never leaves a half-written model where the old one was.
  writeFileSync(`${out}.tmp`, bytes);
  renameSync(`${out}.tmp`, out);
  const skippedText = examples.length - model.info.examples;
  const classes = Object.entries(model.info.classCounts)
    .map(([l, n]) => `${l} ${n}`)
    .join(', ');
  io.err(
    `trained on ${model.info.examples} messages, ${model.labels.length} classes (${classes})` +
      (unlabelled.length > 0 ? `; skipped ${unlabelled.length} unlabelled row(s)` : '') +
      (skippedText > 0 ? `; skipped ${skippedText} row(s) without Chinese text` : '') +
      `\n${model.vectorizer.vocabulary.length} features, confidence ${confidenceSummary(model)}, ` +
      `${(bytes.length / 1e6).toFixed(2)} MB written to ${out} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  return 0;
}

function preview(rows: number[]): string {
  return rows.length <= 10 ? rows.join(', ') : `${rows.slice(0, 10).join(', ')}, …`;
}

/** Longest input line read as a message; longer lines get an error line, never a crash. */
const MAX_LINE_BYTES = 1_000_000;

/**
 * `classify`: one JSON line in → one JSON line out, in order. A line that cannot be classified
 * (not JSON, no text, text empty/too long/without Chinese after cleaning) yields
 * `{"id":…,"error":{"code":…,"message":…}}` and the stream goes on. Output is written in
 * chunks with back-pressure, so memory stays bounded whatever the input length.
 */
export async function runClassifyCommand(
  args: string[],
  io: ClassifierIo,
  stdin: Readable,
  stdout: Writable,
): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      options: { model: { type: 'string' }, explain: { type: 'boolean', default: false } },
    }));
  } catch (error) {
    io.err(`${(error as Error).message}\nusage: ${classifyUsage}`);
    return 2;
  }
  if (!values.model) {
    io.err(`classify needs --model\nusage: ${classifyUsage}`);
    return 2;
  }
  if (!existsSync(values.model)) {
    io.err(`model file not found: ${values.model}`);
    return 1;
  }
  let model: Model;
  try {
    model = loadModel(readFileSync(values.model));
  } catch (error) {
    if (error instanceof ClassifierError) {
      io.err(`${values.model}: ${error.message}`);
      return 1;
    }
    throw error;
  }
  const explain = values.explain;
  let chunk: string[] = [];
  let chunkLength = 0;
  const flush = async () => {
    if (chunk.length === 0) return;
    const data = chunk.join('');
    chunk = [];
    chunkLength = 0;
    if (!closed && !stdout.write(data)) {
      await new Promise<void>((resolve) => {
        stdout.once('drain', resolve);
        stdout.once('error', resolve);
      });
    }
  };
  const lines = createInterface({ input: stdin, crlfDelay: Infinity });
  // A reader that stops early (`| head`) closes the pipe: stop quietly instead of crashing on EPIPE.
  let closed = false;
  stdout.on('error', () => {
    closed = true;
    lines.close();
  });
  let count = 0;
  let errors = 0;
  for await (const line of lines) {
    if (closed) break;
    const answer = classifyLine(model, line, explain);
    if ('error' in answer) errors++;
    count++;
    const text = `${JSON.stringify(answer)}\n`;
    chunk.push(text);
    chunkLength += text.length;
    if (chunkLength >= 65536) await flush();
  }
  await flush();
  if (errors > 0) io.err(`classified ${count - errors} of ${count} line(s); ${errors} error line(s)`);
  return 0;
}

type LineAnswer =
  | { id: unknown; error: { code: string; message: string } }
  | {
      id: unknown;
      label: string;
      confidence: number;
      alternatives: Array<{ label: string; confidence: number }>;
      phrases?: Array<{ text: string; weight: number }>;
    };

/** Classifies one input line; every failure becomes an error answer with a stable code. */
export function classifyLine(model: Model, line: string, explain = false): LineAnswer {
  const fail = (id: unknown, code: string, message: string): LineAnswer => ({ id, error: { code, message } });
  if (Buffer.byteLength(line) > MAX_LINE_BYTES)
    return fail(null, 'line_too_long', `line over ${MAX_LINE_BYTES} bytes`);
  if (line.trim() === '') return fail(null, 'empty_line', 'empty line');
  let input: unknown;
  try {
    input = JSON.parse(line);
  } catch {
    return fail(null, 'invalid_json', 'line is not valid JSON');
  }
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return fail(null, 'invalid_json', 'line is not a JSON object');
  }
  const { id = null, text } = input as { id?: unknown; text?: unknown };
  if (typeof text !== 'string') return fail(id, 'missing_text', 'no "text" string in the line');
  try {
    const r = classify(model, text, { phrases: explain ? 5 : 0 });
    return {
      id,
      label: r.label,
      confidence: round(r.confidence),
      alternatives: r.alternatives.map((a) => ({ label: a.label, confidence: round(a.confidence) })),
      ...(explain ? { phrases: r.phrases } : {}),
    };
  } catch (error) {
    if (error instanceof ClassifierError) return fail(id, error.code, error.message);
    throw error;
  }
}

function round(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}
