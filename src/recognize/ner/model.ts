/** The shipped NER weights (data/ner/model.json): their JSON form, compilation for lookup, and lazy loading. */
import { readFileSync } from 'node:fs';
import { dataPath } from '../../data.js';
import { allowed, NTAGS, TAGS } from './bio.js';
import { parseFeatureName, ROLES, TEMPLATES } from './features.js';

/** On-disk form. Weights are integers; the real weight is the integer times `scale`. */
export interface NerModelJson {
  format: 'rasd-ner-perceptron';
  version: number;
  tags: string[];
  scale: number;
  /** transition weights, (NTAGS + 1) rows (row 0: sentence start) of NTAGS columns */
  trans: number[];
  /** feature string → sparse weights [tag, weight, tag, weight, …] */
  feats: Record<string, number[]>;
  /** words seen at least twice in training; others get the `unk` feature */
  vocab: string[];
  /** gazetteer bits (features.ts GAZ) → the keys that have exactly those bits, frozen at training time */
  gaz: Record<string, string[]>;
  /** how it was trained and scored (informative) */
  meta?: Record<string, unknown>;
}

export const MODEL_FORMAT = 'rasd-ner-perceptron';
export const MODEL_VERSION = 1;

/** Gazetteer bits in the JSON form of a model. */
export function gazToJson(bits: ReadonlyMap<string, number>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [k, b] of bits) {
    if (out[b] === undefined) out[b] = [];
    out[b].push(k);
  }
  return out;
}

/** Weights ready for lookup: feature value → row offset into `weights` (NTAGS floats per row). */
export interface CompiledModel {
  /** one map per template and role, at [template * ROLES + role] */
  lookup: Map<string, number>[];
  weights: Float32Array;
  /** (NTAGS + 1) × NTAGS; -Infinity where BIO forbids the transition */
  trans: Float64Array;
  vocab: Set<string>;
  gaz: Map<string, number>;
}

export function compileModel(json: NerModelJson): CompiledModel {
  if (json.format !== MODEL_FORMAT || json.version !== MODEL_VERSION) {
    throw new Error(`NER model: expected ${MODEL_FORMAT} v${MODEL_VERSION}, got ${json.format} v${json.version}`);
  }
  if (json.tags.join(' ') !== TAGS.join(' ')) throw new Error('NER model: tag set differs from the code');
  const keys = Object.keys(json.feats);
  const lookup = Array.from({ length: TEMPLATES.length * ROLES }, () => new Map<string, number>());
  const weights = new Float32Array(keys.length * NTAGS);
  for (let k = 0; k < keys.length; k++) {
    const row = k * NTAGS;
    const f = parseFeatureName(keys[k]);
    if (!f) throw new Error(`NER model: unknown feature ${JSON.stringify(keys[k])}`);
    lookup[f.template * ROLES + f.role].set(f.value, row);
    const w = json.feats[keys[k]];
    for (let j = 0; j < w.length; j += 2) weights[row + w[j]] = w[j + 1] * json.scale;
  }
  const trans = new Float64Array((NTAGS + 1) * NTAGS);
  for (let p = -1; p < NTAGS; p++) {
    for (let c = 0; c < NTAGS; c++) {
      const at = (p + 1) * NTAGS + c;
      trans[at] = allowed(p, c) ? (json.trans[at] ?? 0) * json.scale : Number.NEGATIVE_INFINITY;
    }
  }
  const gaz = new Map<string, number>();
  for (const [bits, keys] of Object.entries(json.gaz)) for (const k of keys) gaz.set(k, Number(bits));
  return { lookup, weights, trans, vocab: new Set(json.vocab), gaz };
}

let shipped: CompiledModel | null = null;

/** The shipped model, read and compiled on first use. */
export function nerModel(): CompiledModel {
  if (!shipped) {
    const json = JSON.parse(readFileSync(dataPath('ner', 'model.json'), 'utf8')) as NerModelJson;
    shipped = compileModel(json);
  }
  return shipped;
}
