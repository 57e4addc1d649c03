/**
 * L2-regularised logistic regression (softmax over classes; two classes for a yes/no decision), trained by
 * full-batch AdaGrad for a fixed number of rounds: no randomness, so the same examples give the same weights.
 * An example may accept several classes (the gold accepts either type): its loss is −log of their summed probability.
 */

export interface Example {
  /** feature indices (Dictionary.encode) */
  x: readonly number[];
  /** the classes it accepts (indices into the class list), at least one */
  y: readonly number[];
}

export interface SoftmaxOptions {
  /** L2 penalty per example (the loss is the mean over examples plus l2/2 · |w|²) */
  l2?: number;
  rounds?: number;
  rate?: number;
}

export interface SoftmaxWeights {
  /** weights[f * classes + c] */
  weights: Float64Array;
  bias: Float64Array;
}

/** Class scores (logits) of an example. */
export function logits(w: SoftmaxWeights, x: readonly number[], classes: number): Float64Array {
  const z = Float64Array.from(w.bias);
  for (const f of x) {
    const o = f * classes;
    for (let c = 0; c < classes; c++) z[c] += w.weights[o + c];
  }
  return z;
}

/** Probabilities from logits, in place. */
export function softmaxInPlace(z: Float64Array): Float64Array {
  let max = Number.NEGATIVE_INFINITY;
  for (const v of z) if (v > max) max = v;
  let sum = 0;
  for (let c = 0; c < z.length; c++) {
    z[c] = Math.exp(z[c] - max);
    sum += z[c];
  }
  for (let c = 0; c < z.length; c++) z[c] /= sum;
  return z;
}

export function trainSoftmax(
  examples: readonly Example[],
  features: number,
  classes: number,
  opts: SoftmaxOptions = {},
): SoftmaxWeights {
  const l2 = opts.l2 ?? 0.01;
  const rounds = opts.rounds ?? 300;
  const rate = opts.rate ?? 0.3;
  const w: SoftmaxWeights = { weights: new Float64Array(features * classes), bias: new Float64Array(classes) };
  const gw = new Float64Array(features * classes);
  const gb = new Float64Array(classes);
  const hw = new Float64Array(features * classes);
  const hb = new Float64Array(classes);
  const n = Math.max(1, examples.length);
  for (let round = 0; round < rounds; round++) {
    gw.fill(0);
    gb.fill(0);
    for (const ex of examples) {
      const p = softmaxInPlace(logits(w, ex.x, classes));
      let accepted = 0;
      for (const c of ex.y) accepted += p[c];
      // d(−log Σ_{c∈y} p_c)/dz_c = p_c − [c∈y]·p_c/Σ_{y} p
      const d = Float64Array.from(p);
      for (const c of ex.y) d[c] -= p[c] / accepted;
      for (let c = 0; c < classes; c++) gb[c] += d[c] / n;
      for (const f of ex.x) {
        const o = f * classes;
        for (let c = 0; c < classes; c++) gw[o + c] += d[c] / n;
      }
    }
    for (let i = 0; i < gw.length; i++) {
      const g = gw[i] + l2 * w.weights[i];
      if (g === 0) continue;
      hw[i] += g * g;
      w.weights[i] -= (rate * g) / Math.sqrt(hw[i]);
    }
    for (let c = 0; c < classes; c++) {
      hb[c] += gb[c] * gb[c];
      if (hb[c] > 0) w.bias[c] -= (rate * gb[c]) / Math.sqrt(hb[c]);
    }
  }
  return w;
}
