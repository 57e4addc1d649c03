/**
 * Training the learned decisions from annotated articles: the rules run on each article with a recorder in place
 * of the models; their events are aligned to the gold as the scorer aligns them (a compatible place and date, then
 * the most agreeing fields: src/eval/score.ts's match); each event gives an example for each decision.
 */

import { match, type PyVal, pyJsonLoads } from '../eval/score.js';
import type { Candidate } from '../events/candidates.js';
import type { SubType } from '../events/taxonomy.js';
import { SUB_TYPES } from '../events/taxonomy.js';
import { extract } from '../extract.js';
import type { DocumentInput, ExtractionResult } from '../types.js';
import type { EventDecider, Models } from './decide.js';
import { keepFeatures, subtypeFeatures } from './event-features.js';
import { LinearModel, type ModelJson, toModelJson } from './model.js';
import { type Example, logits, softmaxInPlace, trainSoftmax } from './softmax.js';
import { Dictionary } from './sparse.js';

export interface GoldEvent {
  subtype?: string[];
  optional?: boolean;
  [k: string]: unknown;
}

export interface Article {
  input: DocumentInput & { id: string };
  /** the gold line as the scorer reads it */
  gold: PyVal;
  goldEvents: GoldEvent[];
}

export interface KeepExample {
  features: string[];
  /** matched to a required gold event */
  keep: boolean;
}

export interface SubtypeExample {
  features: string[];
  /** the sub-types the gold accepts */
  gold: string[];
}

export interface Collected {
  id: string;
  keep: KeepExample[];
  subtype: SubtypeExample[];
  /** required gold events of the article */
  goldRequired: number;
  /** the rules' output line */
  output: string;
}

const get = (v: PyVal, k: string): PyVal => (v instanceof Map ? (v.get(k) ?? null) : null);

/** The events of a result that the scorer scores (placed ones), with their indices in the result. */
function placed(result: ExtractionResult): { index: number; py: PyVal }[] {
  return result.events
    .map((e, index) => ({ index, e }))
    .filter(({ e }) => e.location && e.location.lat !== null && e.location.lon !== null)
    .map(({ index, e }) => ({ index, py: pyJsonLoads(JSON.stringify(e)) }));
}

/** [gold index, result event index] pairs, as the scorer pairs them. */
export function alignEvents(result: ExtractionResult, gold: PyVal): [number, number][] {
  const sys = placed(result);
  return match(
    sys.map((s) => s.py),
    get(gold, 'events') ?? [],
  ).map(([g, s]) => [g, sys[s].index]);
}

/** Runs the rules on an article and reads one example per event and decision. */
export function collect(article: Article): Collected {
  const recorded: { keep: string[]; subtype: string[] }[] = [];
  const recorder: EventDecider = {
    events(events: Candidate[], a) {
      events.forEach((c, index) => {
        recorded.push({ keep: keepFeatures(c, a, { index, events }), subtype: subtypeFeatures(c) });
      });
      return events;
    },
    subtype: (_c, _a, rule: SubType) => rule,
  };
  const result = extract({ ...article.input }, article.input.id, { models: recorder });
  const pairs = alignEvents(result, article.gold);
  const matched = new Map(pairs.map(([g, s]) => [s, g]));
  const keep: KeepExample[] = [];
  const subtype: SubtypeExample[] = [];
  result.events.forEach((e, i) => {
    if (!e.location) return;
    const g = matched.get(i);
    const ge = g === undefined ? undefined : article.goldEvents[g];
    if (!ge?.optional) keep.push({ features: recorded[i].keep, keep: ge !== undefined });
    const accepted = (ge?.subtype ?? []).filter((s) => (SUB_TYPES as readonly string[]).includes(s));
    if (accepted.length > 0) subtype.push({ features: recorded[i].subtype, gold: accepted });
  });
  return {
    id: article.input.id,
    keep,
    subtype,
    goldRequired: article.goldEvents.filter((g) => !g.optional).length,
    output: JSON.stringify(result),
  };
}

export interface TrainOptions {
  /** a feature seen in fewer training examples is left out */
  minCount: number;
  l2: number;
  rounds: number;
  /** inner folds that choose the keep threshold */
  thresholdFolds: number;
}

export const DEFAULTS: TrainOptions = { minCount: 2, l2: 0.01, rounds: 300, thresholdFolds: 5 };

/** A deterministic fold of an article: FNV-1a of its id. */
export function foldOf(id: string, folds: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h % folds;
}

function fitKeep(examples: KeepExample[], o: TrainOptions) {
  const dict = Dictionary.build(
    examples.map((e) => e.features),
    o.minCount,
  );
  const data: Example[] = examples.map((e) => ({ x: dict.encode(e.features), y: [e.keep ? 1 : 0] }));
  const w = trainSoftmax(data, dict.size, 2, { l2: o.l2, rounds: o.rounds });
  return { dict, w };
}

/**
 * The probability threshold that maximises event F1 over the documents' keep examples, from inner folds' held-out
 * probabilities: a dropped match is a lost true positive, a dropped non-match one false positive fewer.
 */
function chooseThreshold(docs: Collected[], o: TrainOptions): number {
  const scored: { p: number; keep: boolean }[] = [];
  for (let k = 0; k < o.thresholdFolds; k++) {
    const train = docs.filter((d) => foldOf(`${d.id}#inner`, o.thresholdFolds) !== k).flatMap((d) => d.keep);
    const held = docs.filter((d) => foldOf(`${d.id}#inner`, o.thresholdFolds) === k).flatMap((d) => d.keep);
    if (train.length === 0 || held.length === 0) continue;
    const { dict, w } = fitKeep(train, o);
    for (const e of held) scored.push({ p: softmaxInPlace(logits(w, dict.encode(e.features), 2))[1], keep: e.keep });
  }
  const gold = docs.reduce((n, d) => n + d.goldRequired, 0);
  let best = 0;
  let bestF1 = -1;
  for (let t = 0; t <= 0.7 + 1e-9; t += 0.025) {
    const kept = scored.filter((s) => s.p >= t);
    const tp = kept.filter((s) => s.keep).length;
    const f1 = gold + kept.length > 0 ? (2 * tp) / (gold + kept.length) : 0;
    if (f1 > bestF1 + 1e-12) {
      bestF1 = f1;
      best = t;
    }
  }
  return Math.round(best * 1000) / 1000;
}

export function trainKeep(docs: Collected[], o: TrainOptions = DEFAULTS): ModelJson {
  const examples = docs.flatMap((d) => d.keep);
  const { dict, w } = fitKeep(examples, o);
  const threshold = chooseThreshold(docs, o);
  return toModelJson(
    'keep',
    ['drop', 'keep'],
    dict,
    w,
    {
      learner: 'softmax-l2-adagrad',
      articles: docs.length,
      examples: examples.length,
      positives: examples.filter((e) => e.keep).length,
      l2: o.l2,
      rounds: o.rounds,
      min_count: o.minCount,
    },
    threshold,
  );
}

export function trainSubtype(docs: Collected[], o: TrainOptions = DEFAULTS): ModelJson {
  const examples = docs.flatMap((d) => d.subtype);
  const dict = Dictionary.build(
    examples.map((e) => e.features),
    o.minCount,
  );
  const classIndex = new Map(SUB_TYPES.map((s, i) => [s as string, i]));
  const data: Example[] = examples.map((e) => ({
    x: dict.encode(e.features),
    y: e.gold.map((g) => classIndex.get(g)!),
  }));
  const w = trainSoftmax(data, dict.size, SUB_TYPES.length, { l2: o.l2, rounds: o.rounds });
  return toModelJson('subtype', [...SUB_TYPES], dict, w, {
    learner: 'softmax-l2-adagrad',
    articles: docs.length,
    examples: examples.length,
    l2: o.l2,
    rounds: o.rounds,
    min_count: o.minCount,
  });
}

export type Tasks = readonly ('keep' | 'subtype')[];

export function trainModels(docs: Collected[], tasks: Tasks, o: TrainOptions = DEFAULTS): Record<string, ModelJson> {
  const out: Record<string, ModelJson> = {};
  if (tasks.includes('keep')) out.keep = trainKeep(docs, o);
  if (tasks.includes('subtype')) out.subtype = trainSubtype(docs, o);
  return out;
}

export function modelsOf(json: Record<string, ModelJson>): Models {
  const m: Models = {};
  if (json.keep) m.keep = new LinearModel(json.keep);
  if (json.subtype) m.subtype = new LinearModel(json.subtype);
  return m;
}
