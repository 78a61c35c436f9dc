import type { SparseVector } from './features.js';

/** A small deterministic PRNG (mulberry32): the same seed gives the same model. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffle<T>(items: T[], random: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

/**
 * L2-regularised L2-loss linear SVM, trained in the dual by coordinate descent (the Liblinear
 * algorithm, Hsieh et al. 2008): exact, no learning rate, a few dozen passes over the data.
 * Stops when the projected-gradient spread falls below `eps` (Liblinear's default 0.1).
 * `positiveWeight` multiplies the cost of the positive examples (class balance).
 * The bias is a constant feature of value `bias` (Liblinear's -B). Returns the weights
 * (length `dim`) followed by the bias weight.
 */
export function trainBinarySvm(
  xs: SparseVector[],
  ys: Int8Array,
  dim: number,
  c: number,
  seed: number,
  bias = 1,
  positiveWeight = 1,
  maxIter = 1000,
  eps = 0.1,
): Float64Array {
  const n = xs.length;
  const w = new Float64Array(dim + 1);
  const alpha = new Float64Array(n);
  // L2 loss: the cost C_i enters the dual as a diagonal term 1 / (2 C_i).
  const diags = Float64Array.from(ys, (y) => 0.5 / (y > 0 ? c * positiveWeight : c));
  const qd = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = bias * bias + diags[i]!;
    for (const v of xs[i]!.values) s += v * v;
    qd[i] = s;
  }
  const order = Array.from({ length: n }, (_, i) => i);
  const random = rng(seed);
  for (let iter = 0; iter < maxIter; iter++) {
    shuffle(order, random);
    let maxPg = -Infinity;
    let minPg = Infinity;
    for (const i of order) {
      const x = xs[i]!;
      const y = ys[i]!;
      let dot = w[dim]! * bias;
      for (let k = 0; k < x.indices.length; k++) dot += w[x.indices[k]!]! * x.values[k]!;
      const g = y * dot - 1 + diags[i]! * alpha[i]!;
      const pg = alpha[i] === 0 ? Math.min(g, 0) : g;
      if (pg > maxPg) maxPg = pg;
      if (pg < minPg) minPg = pg;
      if (Math.abs(pg) > 1e-12) {
        const old = alpha[i]!;
        const next = Math.max(old - g / qd[i]!, 0);
        alpha[i] = next;
        const d = (next - old) * y;
        for (let k = 0; k < x.indices.length; k++) w[x.indices[k]!]! += d * x.values[k]!;
        w[dim]! += d * bias;
      }
    }
    if (maxPg - minPg < eps) break;
  }
  return w;
}
