import { classify, trainModel, type Example, type TrainOptions } from '../classifier/index.js';
import { stratifiedFolds } from '../classifier/model.js';

/** Cross-validated quality of a training set, in the terms a 12345 centre decides by. */
export interface Evaluation {
  folds: number;
  examples: number;
  accuracy: number;
  macroF1: number;
  perClassF1: Record<string, number>;
  /** At the auto-dispatch threshold: the share of reports above it and the accuracy on them. */
  autoDispatch: { threshold: number; share: number; accuracy: number };
}

/** Stratified k-fold cross-validation: every example is predicted by a model that never saw it. */
export function crossValidate(
  examples: Example[],
  threshold: number,
  folds = 5,
  options: TrainOptions = {},
): Evaluation {
  const steps = crossValidation(examples, threshold, folds, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** One fold done, of how many. */
export interface FoldDone {
  fold: number;
  folds: number;
}

/**
 * The same cross-validation one fold at a time: it yields after each fold, so a caller on the
 * server's event loop can report progress and let requests through between folds.
 */
export function* crossValidation(
  examples: Example[],
  threshold: number,
  folds = 5,
  options: TrainOptions = {},
): Generator<FoldDone, Evaluation> {
  const labels = [...new Set(examples.map((e) => e.label))].sort();
  const y = examples.map((e) => labels.indexOf(e.label));
  const k = Math.max(2, Math.min(folds, ...labels.map((_, i) => y.filter((v) => v === i).length)));
  const split = stratifiedFolds(y, k, options.seed ?? 42);
  const predicted = new Array<{ label: string; confidence: number }>(examples.length);
  for (const [f, test] of split.entries()) {
    if (f > 0) yield { fold: f, folds: k };
    const held = new Set(test);
    const model = trainModel(
      examples.filter((_, i) => !held.has(i)),
      { ...options, minExamples: 2 },
    );
    for (const i of test) {
      const c = classify(model, examples[i]!.text);
      predicted[i] = { label: c.label, confidence: c.confidence };
    }
  }
  yield { fold: k, folds: k };
  let correct = 0;
  let above = 0;
  let aboveCorrect = 0;
  const tp = new Map<string, number>();
  const fp = new Map<string, number>();
  const fn = new Map<string, number>();
  const bump = (m: Map<string, number>, key: string) => m.set(key, (m.get(key) ?? 0) + 1);
  examples.forEach((e, i) => {
    const p = predicted[i]!;
    const ok = p.label === e.label;
    if (ok) {
      correct++;
      bump(tp, e.label);
    } else {
      bump(fp, p.label);
      bump(fn, e.label);
    }
    if (p.confidence >= threshold) {
      above++;
      if (ok) aboveCorrect++;
    }
  });
  const perClassF1: Record<string, number> = {};
  for (const label of labels) {
    const t = tp.get(label) ?? 0;
    const denominator = 2 * t + (fp.get(label) ?? 0) + (fn.get(label) ?? 0);
    perClassF1[label] = denominator === 0 ? 0 : (2 * t) / denominator;
  }
  const f1s = Object.values(perClassF1);
  return {
    folds: k,
    examples: examples.length,
    accuracy: correct / examples.length,
    macroF1: f1s.reduce((a, b) => a + b, 0) / f1s.length,
    perClassF1,
    autoDispatch: {
      threshold,
      share: above / examples.length,
      accuracy: above === 0 ? 0 : aboveCorrect / above,
    },
  };
}
