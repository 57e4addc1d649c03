/**
 * A trained linear model as data (data/models/*.json): the class list, a bias and a weight per class for each
 * feature name. Written deterministically (features sorted, weights rounded, one feature a line) so the same
 * training data gives the same bytes; read back into a map for cheap inference (a lookup per feature).
 */
import { readFileSync } from 'node:fs';
import { type SoftmaxWeights, softmaxInPlace } from './softmax.js';
import type { Dictionary } from './sparse.js';

export const MODEL_FORMAT = 'rasd.model';
export const MODEL_VERSION = 1;

export interface ModelJson {
  format: typeof MODEL_FORMAT;
  version: typeof MODEL_VERSION;
  /** which decision it makes (src/learn/decide.ts) */
  task: string;
  classes: string[];
  /** two classes: the second is chosen where its probability is at least this */
  threshold?: number;
  /** what it was trained on and how; never the text of an article */
  training: Record<string, string | number | boolean>;
  bias: number[];
  /** feature name → one weight per class */
  weights: Record<string, number[]>;
}

/** Weights rounded to this many decimals: stable bytes, and a model a tenth the size. */
const DECIMALS = 4;
const round = (x: number) => {
  const r = Math.round(x * 10 ** DECIMALS) / 10 ** DECIMALS;
  return Object.is(r, -0) ? 0 : r;
};

export function toModelJson(
  task: string,
  classes: readonly string[],
  dict: Dictionary,
  w: SoftmaxWeights,
  training: ModelJson['training'],
  threshold?: number,
): ModelJson {
  const k = classes.length;
  const weights: Record<string, number[]> = {};
  dict.names.forEach((name, f) => {
    const row = Array.from(w.weights.subarray(f * k, f * k + k), round);
    if (row.some((v) => v !== 0)) weights[name] = row;
  });
  return {
    format: MODEL_FORMAT,
    version: MODEL_VERSION,
    task,
    classes: [...classes],
    ...(threshold === undefined ? {} : { threshold: round(threshold) }),
    training,
    bias: Array.from(w.bias, round),
    weights,
  };
}

/** The JSON text: the header fields on a line each, then one line per feature in sorted order. */
export function serializeModel(m: ModelJson): string {
  const head = Object.entries(m)
    .filter(([k]) => k !== 'weights')
    .map(([k, v]) => ` ${JSON.stringify(k)}: ${JSON.stringify(v)}`);
  const names = Object.keys(m.weights).sort();
  const rows = names.map((n) => `  ${JSON.stringify(n)}: ${JSON.stringify(m.weights[n])}`);
  return `{\n${head.join(',\n')},\n "weights": {\n${rows.join(',\n')}\n }\n}\n`;
}

/** A feature's weights, one per class, and the last example that counted them. */
interface Weights {
  readonly row: Float64Array;
  scored: number;
}

export class LinearModel {
  readonly task: string;
  readonly classes: readonly string[];
  readonly threshold: number;
  readonly #bias: Float64Array;
  readonly #weights: Map<string, Weights>;
  /** the number of examples scored so far: a row added to this one's score holds it as its `scored` */
  #scored = 0;

  constructor(m: ModelJson) {
    if (m.format !== MODEL_FORMAT || m.version !== MODEL_VERSION)
      throw new Error(`not a ${MODEL_FORMAT} version ${MODEL_VERSION} model: ${m.format} ${m.version}`);
    if (m.bias.length !== m.classes.length)
      throw new Error(`model ${m.task}: ${m.bias.length} biases for ${m.classes.length} classes`);
    this.task = m.task;
    this.classes = m.classes;
    this.threshold = m.threshold ?? 0.5;
    this.#bias = Float64Array.from(m.bias);
    this.#weights = new Map();
    for (const [name, row] of Object.entries(m.weights)) {
      if (row.length !== m.classes.length)
        throw new Error(`model ${m.task}: feature ${name} has ${row.length} weights`);
      this.#weights.set(name, { row: Float64Array.from(row), scored: -1 });
    }
  }

  static read(file: string): LinearModel {
    return new LinearModel(JSON.parse(readFileSync(file, 'utf8')) as ModelJson);
  }

  /**
   * Class scores (logits) of an example given by its feature names (unknown names count for nothing, a repeated
   * name once). Rows are added in the order their names first occur, so the sums are those of the order given.
   */
  scores(features: Iterable<string>): Float64Array {
    const z = Float64Array.from(this.#bias);
    const example = this.#scored++;
    for (const f of features) {
      const w = this.#weights.get(f);
      if (w === undefined || w.scored === example) continue;
      w.scored = example;
      const row = w.row;
      for (let c = 0; c < z.length; c++) z[c] += row[c];
    }
    return z;
  }

  /** Class probabilities of an example given by its feature names (unknown names count for nothing). */
  probabilities(features: Iterable<string>): Float64Array {
    return softmaxInPlace(this.scores(features));
  }

  /** The most probable class among `allowed` (all where not given). */
  best(features: Iterable<string>, allowed?: ReadonlySet<string>): string {
    const p = this.probabilities(features);
    let best = -1;
    for (let c = 0; c < p.length; c++) {
      if (allowed && !allowed.has(this.classes[c])) continue;
      if (best < 0 || p[c] > p[best]) best = c;
    }
    return this.classes[Math.max(0, best)];
  }

  /** A two-class model's yes: the second class's probability reaches the threshold. */
  yes(features: Iterable<string>): boolean {
    return this.probabilities(features)[1] >= this.threshold;
  }
}
