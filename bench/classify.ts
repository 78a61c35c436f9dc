/**
 * Cross-validated quality and speed of the text classifier on the 2020 Teddy Cup messages.
 *
 *   npm run bench:classify [-- --folds 5 --seed 2020 --data ../shared/data/teddycup2020-c-zhihui-zhengwu]
 *
 * Stratified k-fold on 附件2_train.csv only (the sealed held-out set is never read): each fold
 * trains exactly as `zhicheng train` does (including the internal cross-validation that fits the
 * confidence scale) on the other folds and classifies the held-out fold. Prints macro-F1,
 * accuracy, per-class F1, accuracy on the 90 % most confident, the auto-dispatch share and its
 * accuracy at several confidence thresholds; then the training time and model size of a model
 * trained on the whole file, and single-core classification speed next to a physical floor (a
 * bare loop over the same texts' characters, and text normalisation alone).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { readCsvRecords } from '../src/modules/classifier/csv.js';
import { serializeModel } from '../src/modules/classifier/format.js';
import {
  classify,
  classifyNormalized,
  stratifiedFolds,
  trainModel,
  type TrainOptions,
} from '../src/modules/classifier/model.js';
import { normalizeText } from '../src/modules/classifier/text.js';

const { values } = parseArgs({
  options: {
    folds: { type: 'string', default: '5' },
    seed: { type: 'string', default: '2020' },
    data: { type: 'string', default: '../shared/data/teddycup2020-c-zhihui-zhengwu' },
    options: { type: 'string', default: '{}' },
  },
});
const file = join(values.data, 'csv', '附件2_train.csv');
if (!existsSync(file)) {
  console.error(`${file} not found: the bench needs the shared Teddy Cup data (see its SOURCE.md)`);
  process.exit(1);
}
const k = Number(values.folds);
const seed = Number(values.seed);
const trainOptions = JSON.parse(values.options) as TrainOptions;
const { records } = readCsvRecords(readFileSync(file, 'utf8'));
const examples = records.map((r) => ({ text: r.text!, label: r['一级标签']!.trim() }));
const labels = [...new Set(examples.map((e) => e.label))].sort();
const y = examples.map((e) => labels.indexOf(e.label));

console.log(`${examples.length} messages, ${labels.length} classes; ${k}-fold stratified CV, seed ${seed}`);
const predictions: Array<{ predicted: number; actual: number; confidence: number }> = [];
const cvStarted = Date.now();
stratifiedFolds(y, k, seed).forEach((test, f, folds) => {
  const train = folds.flatMap((fold, g) => (g === f ? [] : fold));
  const model = trainModel(
    train.map((i) => examples[i]!),
    trainOptions,
  );
  for (const i of test) {
    const r = classify(model, examples[i]!.text);
    predictions.push({ predicted: labels.indexOf(r.label), actual: y[i]!, confidence: r.confidence });
  }
});
const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
const accuracy = (ps: typeof predictions) => ps.filter((p) => p.predicted === p.actual).length / ps.length;
const f1s = labels.map((_, l) => {
  const tp = predictions.filter((p) => p.predicted === l && p.actual === l).length;
  const fp = predictions.filter((p) => p.predicted === l && p.actual !== l).length;
  const fn = predictions.filter((p) => p.predicted !== l && p.actual === l).length;
  return tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
});
const macroF1 = f1s.reduce((a, b) => a + b, 0) / f1s.length;
const byConfidence = [...predictions].sort((a, b) => b.confidence - a.confidence);
const top90 = byConfidence.slice(0, Math.round(predictions.length * 0.9));
console.log(`\ncross-validated (${((Date.now() - cvStarted) / 1000).toFixed(0)} s):`);
console.log(`  macro-F1                          ${macroF1.toFixed(4)}`);
console.log(`  accuracy                          ${accuracy(predictions).toFixed(4)}`);
console.log(
  `  accuracy on the 90 % most confident ${accuracy(top90).toFixed(4)} (confidence ≥ ${top90.at(-1)!.confidence.toFixed(3)})`,
);
console.log('  per-class F1:');
labels.forEach((l, i) =>
  console.log(
    `    ${l.padEnd(8, '　')} ${f1s[i]!.toFixed(4)}  (${y.filter((v) => v === i).length} messages)`,
  ),
);
console.log('  auto-dispatch above a confidence threshold: share of messages, accuracy on them');
for (const t of [0.5, 0.6, 0.7, 0.8, 0.9, 0.95]) {
  const above = predictions.filter((p) => p.confidence >= t);
  console.log(
    `    ≥ ${t.toFixed(2)}   share ${pct(above.length / predictions.length).padStart(7)}   accuracy ${above.length ? pct(accuracy(above)) : '—'}`,
  );
}

// Training time and size of the model `npm run model:demo` ships.
const trainStarted = Date.now();
const model = trainModel(examples, trainOptions);
const trainSeconds = (Date.now() - trainStarted) / 1000;
const size = serializeModel(model).length;
console.log(
  `\nfull training file: trained in ${trainSeconds.toFixed(1)} s, model ${(size / 1e6).toFixed(2)} MB`,
);

// Speed on one core: the same texts, classified in a plain loop after a warm-up pass. Rates are
// per second of this process's CPU time (the loop is single-threaded), so other load on a shared
// machine does not count against it; wall-clock rates are shown beside them.
const texts = examples.map((e) => e.text);
const time = (passes: number, fn: (t: string) => unknown) => {
  for (const t of texts) fn(t);
  const wall = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  for (let p = 0; p < passes; p++) for (const t of texts) fn(t);
  const used = process.cpuUsage(cpu);
  const n = texts.length * passes;
  return {
    cpu: n / ((used.user + used.system) / 1e6),
    wall: n / (Number(process.hrtime.bigint() - wall) / 1e9),
  };
};
let sink = 0;
const floor = time(20, (t) => {
  for (let i = 0; i < t.length; i++) sink += t.charCodeAt(i);
});
const normalizeOnly = time(5, (t) => normalizeText(t));
const cliPath = time(5, (t) => classifyNormalized(model, normalizeText(t), 0));
const full = time(5, (t) => classify(model, t));
const avg = texts.reduce((s, t) => s + t.length, 0) / texts.length;
const row = (name: string, r: { cpu: number; wall: number }, note = '') =>
  console.log(
    `  ${name.padEnd(40)} ${r.cpu.toFixed(0).padStart(8)} /s CPU  ${r.wall.toFixed(0).padStart(8)} /s wall${note}`,
  );
console.log(`classification speed, one core (messages of ${avg.toFixed(0)} characters on average):`);
row('classify (CLI: label + alternatives)', cliPath);
row('classify() with the driving phrases', full);
row(
  'normalisation alone',
  normalizeOnly,
  `  (classify takes ${(normalizeOnly.cpu / cliPath.cpu).toFixed(1)}× its time)`,
);
row(
  'bare loop over the characters',
  floor,
  `  (classify takes ${(floor.cpu / cliPath.cpu).toFixed(0)}× its time)${sink < 0 ? '' : ''}`,
);
