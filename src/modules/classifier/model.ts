import {
  defaultFeatureOptions,
  fitVectorizer,
  ngramText,
  vectorize,
  type FeatureOptions,
  type SparseVector,
  type Vectorizer,
} from './features.js';
import { confidences, fitGapLogistic, fitScale } from './calibration.js';
import { rng, shuffle, trainBinarySvm } from './linear.js';
import { ClassifierError } from './errors.js';
import { hasHan, normalizeText } from './text.js';

export interface Example {
  text: string;
  label: string;
}

export interface TrainOptions {
  features?: Partial<FeatureOptions>;
  /** SVM cost: higher fits the training data more closely. */
  c?: number;
  /** NB log-count-ratio scaling smoothing (0: plain SVM). */
  nb?: number;
  /** Cost of a label's own examples × (rest / own)^balance in its one-vs-rest SVM (0: none). */
  balance?: number;
  /** Seed of every random choice (fold split, coordinate order): same data + seed → same model. */
  seed?: number;
  /** Folds of the internal cross-validation that fits the confidence scale (0: keep `scale`). */
  calibrationFolds?: number;
  /** Softmax scale used when calibrationFolds is 0. */
  scale?: number;
  /** Fewest training examples accepted. */
  minExamples?: number;
}

/** A trained classifier: one linear scorer per label over TF-IDF character n-grams. */
export interface Model {
  labels: string[];
  vectorizer: Vectorizer;
  /**
   * Weights, feature-major: weights[j * labels.length + k] is feature j's weight for label k;
   * the last row (j = vocabulary.length) holds the biases.
   */
  weights: Float32Array;
  /**
   * Shape of the alternatives: softmax(scale × margins), the scale fitted on out-of-fold margins.
   */
  scale: number;
  /**
   * The winning label's confidence = σ(slope × (best margin − second margin)), a
   * logistic fit of "the winner was right" on out-of-fold margins; null (models trained without
   * calibration folds) falls back to the softmax. The gap to the runner-up ranks right and wrong
   * answers better than the softmax does (see docs/ARCHITECTURE.md, Classifier).
   */
  confidence: { slope: number } | null;
  /** What the model was trained with, for the summary and the registry. */
  info: {
    examples: number;
    classCounts: Record<string, number>;
    c: number;
    nb: number;
    balance: number;
    seed: number;
  };
}

export interface Classification {
  label: string;
  confidence: number;
  /** The other labels, most likely first. */
  alternatives: Array<{ label: string; confidence: number }>;
  /** The n-grams that pushed the winning label most, with their share of the evidence. */
  phrases: Array<{ text: string; weight: number }>;
}

const DEFAULTS = { balance: 0.5, nb: 0.1, c: 1, seed: 42, calibrationFolds: 5, scale: 4, minExamples: 10 };

/** Trains on (text, label) pairs; throws ClassifierError when the data cannot make a model. */
export function trainModel(examples: Example[], options: TrainOptions = {}): Model {
  const o = { ...DEFAULTS, ...options };
  const features = { ...defaultFeatureOptions, ...options.features };
  const texts: string[] = [];
  const labels: string[] = [];
  for (const e of examples) {
    if (typeof e.label !== 'string' || e.label.trim() === '') {
      throw new ClassifierError('missing_label', 'every training example needs a non-empty label');
    }
    const normalized = normalizeText(typeof e.text === 'string' ? e.text : '');
    if (!hasHan(normalized)) continue; // Nothing to learn from; classify() refuses such text too.
    texts.push(normalized);
    labels.push(e.label.trim());
  }
  if (texts.length < o.minExamples) {
    throw new ClassifierError(
      'too_few_examples',
      `${texts.length} usable training examples; at least ${o.minExamples} are needed`,
    );
  }
  const labelSet = [...new Set(labels)].sort();
  if (labelSet.length < 2) {
    throw new ClassifierError(
      'single_class',
      `all examples have the label "${labelSet[0]}"; need at least 2 classes`,
    );
  }
  const y = labels.map((l) => labelSet.indexOf(l));
  const model = fit(texts, y, labelSet, features, o.c, o.seed, o.nb, o.balance);
  if (o.calibrationFolds >= 2) {
    const folds = stratifiedFolds(y, o.calibrationFolds, o.seed);
    const margins = new Array<Float64Array>(texts.length);
    for (let f = 0; f < o.calibrationFolds; f++) {
      const train = folds.flatMap((fold, g) => (g === f ? [] : fold));
      const m = fit(
        train.map((i) => texts[i]!),
        train.map((i) => y[i]!),
        labelSet,
        features,
        o.c,
        o.seed,
        o.nb,
        o.balance,
      );
      for (const i of folds[f]!) margins[i] = scores(m, vectorize(m.vectorizer, texts[i]!));
    }
    model.scale = fitScale(margins, y);
    model.confidence = fitGapLogistic(margins, y);
  } else {
    model.scale = o.scale;
  }
  const classCounts: Record<string, number> = {};
  for (const l of labels) classCounts[l] = (classCounts[l] ?? 0) + 1;
  model.info = { examples: texts.length, classCounts, c: o.c, nb: o.nb, balance: o.balance, seed: o.seed };
  return model;
}

function fit(
  texts: string[],
  y: number[],
  labelSet: string[],
  features: FeatureOptions,
  c: number,
  seed: number,
  nb = 0,
  balance = 0,
): Model {
  const vectorizer = fitVectorizer(texts, features);
  const xs = texts.map((t) => vectorize(vectorizer, t));
  const dim = vectorizer.vocabulary.length;
  const k = labelSet.length;
  const weights = new Float32Array((dim + 1) * k);
  for (let label = 0; label < k; label++) {
    const ys = Int8Array.from(y, (l) => (l === label ? 1 : -1));
    const r = nb > 0 ? logCountRatio(xs, ys, dim, nb) : null;
    const scaled = r
      ? xs.map((x) => ({ indices: x.indices, values: x.values.map((v, t) => v * r[x.indices[t]!]!) }))
      : xs;
    const positives = y.filter((l) => l === label).length;
    const positiveWeight = balance > 0 ? ((y.length - positives) / positives) ** balance : 1;
    const w = trainBinarySvm(scaled, ys, dim, c, seed + label, 1, positiveWeight);
    // x̃ = r ⊙ x, so w · x̃ = (r ⊙ w) · x: the scaling folds into the weights.
    for (let j = 0; j < dim; j++) weights[j * k + label] = w[j]! * (r ? r[j]! : 1);
    weights[dim * k + label] = w[dim]!;
  }
  return {
    labels: labelSet,
    vectorizer,
    weights,
    scale: 1,
    confidence: null,
    info: { examples: texts.length, classCounts: {}, c, nb, balance, seed },
  };
}

/**
 * Naive-Bayes log-count ratios (NBSVM, Wang & Manning 2012): how much more often each feature
 * occurs in the positive class than in the rest, smoothed by `alpha`. Scaling features by it
 * before the SVM lets class-specific n-grams speak louder than common ones.
 */
function logCountRatio(xs: SparseVector[], ys: Int8Array, dim: number, alpha: number): Float64Array {
  const p = new Float64Array(dim).fill(alpha);
  const q = new Float64Array(dim).fill(alpha);
  xs.forEach((x, i) => {
    const target = ys[i]! > 0 ? p : q;
    for (let t = 0; t < x.indices.length; t++) target[x.indices[t]!]! += x.values[t]!;
  });
  let ps = 0;
  let qs = 0;
  for (let j = 0; j < dim; j++) {
    ps += p[j]!;
    qs += q[j]!;
  }
  return p.map((pj, j) => Math.log(pj / ps / (q[j]! / qs)));
}

/** Splits indices into k folds with each label spread evenly (stratified), deterministic by seed. */
export function stratifiedFolds(y: number[], k: number, seed: number): number[][] {
  const random = rng(seed);
  const folds: number[][] = Array.from({ length: k }, () => []);
  const byLabel = new Map<number, number[]>();
  y.forEach((l, i) => byLabel.set(l, [...(byLabel.get(l) ?? []), i]));
  let next = 0;
  for (const label of [...byLabel.keys()].sort((a, b) => a - b)) {
    for (const i of shuffle(byLabel.get(label)!, random)) folds[next++ % k]!.push(i);
  }
  return folds;
}

/** Raw one-vs-rest margins of a vector, one per label. */
export function scores(model: Model, x: SparseVector): Float64Array {
  const k = model.labels.length;
  const w = model.weights;
  const out = new Float64Array(k);
  const biasRow = model.vectorizer.vocabulary.length * k;
  for (let l = 0; l < k; l++) out[l] = w[biasRow + l]!;
  for (let t = 0; t < x.indices.length; t++) {
    const base = x.indices[t]! * k;
    const v = x.values[t]!;
    for (let l = 0; l < k; l++) out[l]! += v * w[base + l]!;
  }
  return out;
}

/** Classifies already-normalised text; see classify() for raw input. */
export function classifyNormalized(model: Model, normalized: string, phraseCount = 5): Classification {
  const x = vectorize(model.vectorizer, normalized);
  const margins = scores(model, x);
  const probs = confidences(model, margins);
  const ranked = model.labels.map((label, l) => ({ label, confidence: probs[l]!, l }));
  // Ties (the winner held at the runner-up's confidence) go to the larger margin.
  ranked.sort((a, b) => b.confidence - a.confidence || margins[b.l]! - margins[a.l]!);
  const best = ranked[0]!;
  return {
    label: best.label,
    confidence: best.confidence,
    alternatives: ranked.slice(1).map(({ label, confidence }) => ({ label, confidence })),
    phrases: phraseCount > 0 ? topPhrases(model, x, best.l, phraseCount) : [],
  };
}

/**
 * The n-grams whose contribution x_j × w_j to the winning label is largest, with their share of
 * all positive contributions. Overlapping n-grams are merged into the longest (物业费 absorbs
 * 物业 and 业费), so the list names phrases rather than fragments.
 */
function topPhrases(model: Model, x: SparseVector, label: number, count: number) {
  const k = model.labels.length;
  // Keep the strongest few candidates in a small sorted array: no sort of all features.
  const room = count * 4;
  const best: Array<{ j: number; c: number }> = [];
  let total = 0;
  for (let t = 0; t < x.indices.length; t++) {
    const c = x.values[t]! * model.weights[x.indices[t]! * k + label]!;
    if (c <= 0) continue;
    total += c;
    if (best.length === room && c <= best[room - 1]!.c) continue;
    let at = best.length === room ? room - 1 : best.length;
    best[at] = { j: x.indices[t]!, c };
    while (at > 0 && best[at - 1]!.c < c) {
      [best[at - 1], best[at]] = [best[at]!, best[at - 1]!];
      at--;
    }
  }
  const chosen: Array<{ text: string; weight: number }> = [];
  for (const p of best) {
    if (chosen.length >= count) break;
    const text = ngramText(model.vectorizer.vocabulary[p.j]!);
    let weight = p.c / total;
    const container = chosen.find((q) => q.text.includes(text));
    if (container) {
      container.weight += weight;
      continue;
    }
    // A longer n-gram absorbs the shorter ones already chosen inside it (幼儿 → 幼儿园).
    for (let i = chosen.length - 1; i >= 0; i--) {
      if (text.includes(chosen[i]!.text)) weight += chosen.splice(i, 1)[0]!.weight;
    }
    chosen.push({ text, weight });
  }
  return chosen
    .map((q) => ({ text: q.text, weight: Math.round(q.weight * 1000) / 1000 }))
    .sort((a, b) => b.weight - a.weight);
}

/** Limits of what classify() accepts. */
export const MAX_TEXT_LENGTH = 20_000;

/**
 * Classifies one raw message. Emoji, HTML and full-width forms are cleaned first; text that is
 * empty, too long or has no Chinese character after cleaning is refused with a ClassifierError
 * (`empty_text`, `text_too_long`, `not_chinese`) instead of producing a meaningless answer.
 * `phrases` is how many driving phrases to name (0 skips that work).
 */
export function classify(model: Model, text: string, options: { phrases?: number } = {}): Classification {
  if (typeof text !== 'string') throw new ClassifierError('missing_text', 'text must be a string');
  if (text.length > MAX_TEXT_LENGTH) {
    throw new ClassifierError(
      'text_too_long',
      `text has ${text.length} characters; the limit is ${MAX_TEXT_LENGTH}`,
    );
  }
  const normalized = normalizeText(text);
  if (normalized === '') throw new ClassifierError('empty_text', 'text is empty after cleaning');
  if (!hasHan(normalized)) {
    throw new ClassifierError('not_chinese', 'text has no Chinese characters; the model only reads Chinese');
  }
  return classifyNormalized(model, normalized, options.phrases ?? 5);
}
