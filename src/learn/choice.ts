/**
 * A choice among the options of a group (a conditional logit): each option is a sparse binary feature vector, its
 * score the sum of its features' weights, the probability of an option the softmax of the scores over its group.
 * L2-regularised, trained by full-batch AdaGrad for a fixed number of rounds: no randomness, so the same groups give
 * the same weights. A group may accept several options: its loss is −log of their summed probability.
 */

export interface Group {
  /** each option's feature indices (Dictionary.encode) */
  options: readonly (readonly number[])[];
  /** the options the gold accepts (indices into options), at least one */
  accepted: readonly number[];
}

export interface ChoiceOptions {
  /** L2 penalty (the loss is the mean over groups plus l2/2 · |w|²) */
  l2?: number;
  rounds?: number;
  rate?: number;
}

/** Option scores of a group. */
export function scoresOf(w: Float64Array, options: readonly (readonly number[])[]): Float64Array {
  const z = new Float64Array(options.length);
  options.forEach((x, i) => {
    for (const f of x) z[i] += w[f];
  });
  return z;
}

export function trainChoice(groups: readonly Group[], features: number, opts: ChoiceOptions = {}): Float64Array {
  const l2 = opts.l2 ?? 0.01;
  const rounds = opts.rounds ?? 300;
  const rate = opts.rate ?? 0.3;
  const w = new Float64Array(features);
  const g = new Float64Array(features);
  const h = new Float64Array(features);
  const n = Math.max(1, groups.length);
  for (let round = 0; round < rounds; round++) {
    g.fill(0);
    for (const grp of groups) {
      const z = scoresOf(w, grp.options);
      let max = Number.NEGATIVE_INFINITY;
      for (const v of z) if (v > max) max = v;
      let sum = 0;
      for (let i = 0; i < z.length; i++) {
        z[i] = Math.exp(z[i] - max);
        sum += z[i];
      }
      let accepted = 0;
      for (const i of grp.accepted) accepted += z[i] / sum;
      // d(−log Σ_{i∈y} p_i)/dz_i = p_i − [i∈y]·p_i/Σ_{y} p
      const inY = new Set(grp.accepted);
      grp.options.forEach((x, i) => {
        const p = z[i] / sum;
        const d = p - (inY.has(i) ? p / accepted : 0);
        if (d !== 0) for (const f of x) g[f] += d / n;
      });
    }
    for (let i = 0; i < g.length; i++) {
      const gi = g[i] + l2 * w[i];
      if (gi === 0) continue;
      h[i] += gi * gi;
      w[i] -= (rate * gi) / Math.sqrt(h[i]);
    }
  }
  return w;
}
