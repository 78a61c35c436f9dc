/**
 * Calibration: how a model's one-vs-rest margins become confidences. The softmax scale and the
 * gap logistic are fitted on out-of-fold margins at training (see trainModel).
 */
import type { Model } from './model.js';

export function softmax(margins: Float64Array, scale: number): Float64Array {
  let max = -Infinity;
  for (const m of margins) max = Math.max(max, m);
  const out = new Float64Array(margins.length);
  let sum = 0;
  for (let l = 0; l < margins.length; l++) sum += out[l] = Math.exp(scale * (margins[l]! - max));
  for (let l = 0; l < margins.length; l++) out[l]! /= sum;
  return out;
}

/** The softmax scale minimising the log-loss of out-of-fold margins (golden-section search). */
export function fitScale(margins: Float64Array[], y: number[]): number {
  const loss = (s: number) => {
    let total = 0;
    margins.forEach((m, i) => (total -= Math.log(Math.max(softmax(m, s)[y[i]!]!, 1e-12))));
    return total;
  };
  let lo = 0.1;
  let hi = 50;
  const phi = (Math.sqrt(5) - 1) / 2;
  for (let iter = 0; iter < 60; iter++) {
    const a = hi - phi * (hi - lo);
    const b = lo + phi * (hi - lo);
    if (loss(a) < loss(b)) hi = b;
    else lo = a;
  }
  return (lo + hi) / 2;
}

/** The two largest margins' labels, best first. */
function topTwo(margins: Float64Array): [number, number] {
  let best = 0;
  let second = -1;
  for (let l = 1; l < margins.length; l++) {
    if (margins[l]! > margins[best]!) {
      second = best;
      best = l;
    } else if (second < 0 || margins[l]! > margins[second]!) second = l;
  }
  return [best, second < 0 ? (best === 0 ? 1 : 0) : second];
}

/**
 * Fits P(the winning label is right) = σ(slope × gap), gap = best − second margin, by Newton's
 * method on out-of-fold margins. No intercept: when the two best margins tie, the winner is a coin
 * flip between them (the free fit on the Teddy Cup messages puts it at 0.1, i.e. 0.53). A fixed
 * ridge keeps the slope finite when the out-of-fold answers are all right, as on small clean
 * training sets, so text the model knows nothing about still gets a low confidence. Deterministic.
 */
export function fitGapLogistic(margins: Float64Array[], y: number[]): { slope: number } {
  const gaps: number[] = [];
  const right: number[] = [];
  margins.forEach((m, i) => {
    const [best, second] = topTwo(m);
    gaps.push(m[best]! - m[second]!);
    right.push(best === y[i] ? 1 : 0);
  });
  const ridge = 1;
  let a = 1;
  for (let iter = 0; iter < 100; iter++) {
    // Gradient and curvature of the negative log-likelihood + ridge × a² / 2.
    let grad = ridge * a;
    let curv = ridge;
    gaps.forEach((g, i) => {
      const p = 1 / (1 + Math.exp(-a * g));
      grad += (p - right[i]!) * g;
      curv += p * (1 - p) * g * g;
    });
    const step = grad / curv;
    a -= step;
    if (Math.abs(step) < 1e-12) break;
  }
  // A model no better than chance out of fold gets a flat (still positive) slope: about 0.5 always.
  return { slope: Math.max(a, 1e-6) };
}

/**
 * Confidences of every label: the winner's from the gap logistic (or the softmax without one),
 * the rest of the mass shared among the others in proportion to their softmax. The winner never
 * gets less than the runner-up.
 */
export function confidences(model: Model, margins: Float64Array): Float64Array {
  const probs = softmax(margins, model.scale);
  if (!model.confidence) return probs;
  const [best, second] = topTwo(margins);
  let others = 0;
  for (let l = 0; l < probs.length; l++) if (l !== best) others += probs[l]!;
  const share = (l: number) => (others > 0 ? probs[l]! / others : 1 / (probs.length - 1));
  const sigma = 1 / (1 + Math.exp(-model.confidence.slope * (margins[best]! - margins[second]!)));
  const top = Math.max(sigma, share(second) / (1 + share(second)));
  for (let l = 0; l < probs.length; l++) probs[l] = l === best ? top : (1 - top) * share(l);
  return probs;
}
