/**
 * Training the learned decisions from annotated articles: the rules run on each article with a recorder in place
 * of the models; their events are aligned to the gold as the scorer aligns them (a compatible place and date, then
 * the most agreeing fields: src/eval/score.ts's match); each event gives an example for each decision.
 */

import { match, nameMatch, type PyVal, pyJsonLoads } from '../eval/score.js';
import type { Candidate } from '../events/candidates.js';
import type { SubType } from '../events/taxonomy.js';
import { SUB_TYPES } from '../events/taxonomy.js';
import { extract } from '../extract.js';
import type { ResolvedPlace } from '../geo/resolve.js';
import type { DocumentInput, ExtractionResult } from '../types.js';
import { type Group, trainChoice } from './choice.js';
import type { EventDecider, Models } from './decide.js';
import { keepFeatures, subtypeFeatures } from './event-features.js';
import { LinearModel, type ModelJson, toModelJson } from './model.js';
import { placeOptions } from './place-features.js';
import { ROLE_CLASSES, roleOptions } from './roles.js';
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
  place: PlaceExample[];
  roles: RoleExample[];
  /** the rules' true positives and scored system events in the article */
  tp: number;
  sys: number;
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

/** The actors an event's sentences offer (roles.ts), each labelled with the roles the gold gives it. */
export interface RoleExample {
  options: { features: string[]; perpetrator: boolean; target: boolean }[];
  /** the features of choosing none */
  none: string[];
  /** the gold names no perpetrator (or no target): none, or an unidentified group, is right */
  nullPerpetrator: boolean;
  nullTarget: boolean;
}

export interface PlaceExample {
  /** one per option (place-features.ts); true where placing the event there matches a gold event left unmatched */
  options: { features: string[]; match: boolean }[];
}

interface GoldPlace {
  lat?: number | null;
  lon?: number | null;
  country?: string | null;
  precision?: number | null;
}

const RAD = Math.PI / 180;
function km(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const h =
    Math.sin(((b.lat - a.lat) * RAD) / 2) ** 2 +
    Math.cos(a.lat * RAD) * Math.cos(b.lat * RAD) * Math.sin(((b.lon - a.lon) * RAD) / 2) ** 2;
  return 6371 * 2 * Math.asin(Math.sqrt(Math.min(1, h)));
}

/** The scorer's compatibility of a place and a date with a gold event (score.py loc_compatible, date_compatible). */
function compatible(
  place: { lat: number; lon: number; country: string; precision: number },
  date: { start: string; end: string } | null,
  g: GoldEvent,
): boolean {
  const gl = g.location as GoldPlace | null | undefined;
  const gd = g.date as { start?: string; end?: string } | undefined;
  if (!gl || gl.lat == null || gl.lon == null || !date || !gd?.start) return false;
  const near =
    place.precision === 3 || gl.precision === 3
      ? place.country.toUpperCase() === (gl.country ?? '').toUpperCase()
      : km(place, { lat: gl.lat, lon: gl.lon }) <= 50;
  if (!near) return false;
  const day = (x: string) => Date.parse(x.slice(0, 10)) / 86_400_000;
  const [a0, a1, b0, b1] = [day(date.start), day(date.end), day(gd.start), day(gd.end ?? gd.start)];
  return a0 - 1 <= b1 + 1 && b0 - 1 <= a1 + 1;
}

/** Runs the rules on an article and reads one example per event and decision. */
export function collect(article: Article): Collected {
  const recorded: {
    keep: string[];
    subtype: string[];
    options: { features: string[]; place: ResolvedPlace }[];
    date: { start: string; end: string } | null;
  }[] = [];
  const roleOpts: { options: { features: string[]; names: string[] }[]; none: string[] }[] = [];
  const recorder: EventDecider = {
    events(events: Candidate[], a) {
      events.forEach((c, index) => {
        recorded.push({
          keep: keepFeatures(c, a, { index, events }),
          subtype: subtypeFeatures(c),
          options: c.place ? [] : placeOptions(c, a, { index, events }),
          date: c.date,
        });
      });
      return events;
    },
    subtype: (_c, _a, rule: SubType) => rule,
    roles(events, a, speakers) {
      for (const c of events) {
        const r = roleOptions(c, a, speakers);
        roleOpts.push({
          options: r.options.map((o) => ({ features: o.features, names: [o.ref.name, o.ref.name_ar] })),
          none: r.none,
        });
      }
    },
  };
  const result = extract({ ...article.input }, article.input.id, { models: recorder });
  const pairs = alignEvents(result, article.gold);
  const matched = new Map(pairs.map(([g, s]) => [s, g]));
  const matchedGold = new Set(pairs.map(([g]) => g));
  const keep: KeepExample[] = [];
  const subtype: SubtypeExample[] = [];
  const place: PlaceExample[] = [];
  const roles: RoleExample[] = [];
  let tp = 0;
  let sys = 0;
  result.events.forEach((e, i) => {
    if (!e.location) {
      const open = article.goldEvents.filter((g, gi) => !g.optional && !matchedGold.has(gi));
      const options = recorded[i].options.map((o) => ({
        features: o.features,
        match: open.some((g) =>
          compatible(
            {
              lat: o.place.entry.lat,
              lon: o.place.entry.lon,
              country: o.place.entry.country,
              precision: o.place.precision,
            },
            recorded[i].date,
            g,
          ),
        ),
      }));
      if (options.length > 0) place.push({ options });
      return;
    }
    const g = matched.get(i);
    const ge = g === undefined ? undefined : article.goldEvents[g];
    if (!ge?.optional) {
      keep.push({ features: recorded[i].keep, keep: ge !== undefined });
      sys++;
      if (ge) tp++;
    }
    if (ge && roleOpts[i]) {
      const aliases = (k: string) => (ge[k] ?? null) as PyVal;
      const [perp, target] = [aliases('perpetrator'), aliases('target')];
      roles.push({
        options: roleOpts[i].options.map((o) => ({
          features: o.features,
          perpetrator: perp !== null && nameMatch(o.names, perp),
          target: target !== null && nameMatch(o.names, target),
        })),
        none: roleOpts[i].none,
        nullPerpetrator: perp === null,
        nullTarget: target === null,
      });
    }
    const accepted = (ge?.subtype ?? []).filter((s) => (SUB_TYPES as readonly string[]).includes(s));
    if (accepted.length > 0) subtype.push({ features: recorded[i].subtype, gold: accepted });
  });
  return {
    id: article.input.id,
    keep,
    subtype,
    place,
    roles,
    tp,
    sys,
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
  /**
   * the least probability that places an event: below an even chance a place is more often wrong than right, and
   * F1 on articles where the rules are more precise than in training pays for such guesses less (the threshold
   * inner cross-validation chooses is never lower)
   */
  minPlaceThreshold: number;
}

export const DEFAULTS: TrainOptions = { minCount: 2, l2: 0.01, rounds: 300, thresholdFolds: 5, minPlaceThreshold: 0.5 };

/** A deterministic fold of an article: FNV-1a of its id. */
export function foldOf(id: string, folds: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h % folds;
}

function fitBinary(examples: { features: string[]; yes: boolean }[], o: TrainOptions) {
  const dict = Dictionary.build(
    examples.map((e) => e.features),
    o.minCount,
  );
  const data: Example[] = examples.map((e) => ({ x: dict.encode(e.features), y: [e.yes ? 1 : 0] }));
  const w = trainSoftmax(data, dict.size, 2, { l2: o.l2, rounds: o.rounds });
  return { dict, w, p: (features: string[]) => softmaxInPlace(logits(w, dict.encode(features), 2))[1] };
}

/** What a yes/no decision does to the event counts, per threshold: each item is one decision's held-out outcome. */
interface Outcome {
  /** the probability the model gave */
  p: number;
  /** what saying yes changes: true positives and scored system events */
  tp: number;
  sys: number;
}

/**
 * The threshold that maximises event F1 over the documents, from inner folds' held-out probabilities (`outcomes`
 * gives, for the documents held out, each decision's probability and what a yes does to the counts).
 */
function chooseThreshold(
  docs: Collected[],
  o: TrainOptions,
  outcomes: (train: Collected[], held: Collected[]) => Outcome[],
  base: (d: Collected) => { tp: number; sys: number },
  grid: number[],
): number {
  const all: Outcome[] = [];
  for (let k = 0; k < o.thresholdFolds; k++) {
    const train = docs.filter((d) => foldOf(`${d.id}#inner`, o.thresholdFolds) !== k);
    const held = docs.filter((d) => foldOf(`${d.id}#inner`, o.thresholdFolds) === k);
    if (train.length > 0 && held.length > 0) all.push(...outcomes(train, held));
  }
  const gold = docs.reduce((n, d) => n + d.goldRequired, 0);
  const tp0 = docs.reduce((n, d) => n + base(d).tp, 0);
  const sys0 = docs.reduce((n, d) => n + base(d).sys, 0);
  let best = grid[0];
  let bestF1 = -1;
  for (const t of grid) {
    const yes = all.filter((x) => x.p >= t);
    const tp = tp0 + yes.reduce((n, x) => n + x.tp, 0);
    const sys = sys0 + yes.reduce((n, x) => n + x.sys, 0);
    const f1 = gold + sys > 0 ? (2 * tp) / (gold + sys) : 0;
    if (f1 > bestF1 + 1e-12) {
      bestF1 = f1;
      best = t;
    }
  }
  return best;
}

const GRID = Array.from({ length: 41 }, (_, i) => i / 40);

const keepExamples = (docs: Collected[]) =>
  docs.flatMap((d) => d.keep.map((e) => ({ features: e.features, yes: e.keep })));

export function trainKeep(docs: Collected[], o: TrainOptions = DEFAULTS): ModelJson {
  const examples = keepExamples(docs);
  const { dict, w } = fitBinary(examples, o);
  // dropping an event: one scored event fewer, and one true positive fewer where it matched
  const threshold = chooseThreshold(
    docs,
    o,
    (train, held) => {
      const m = fitBinary(keepExamples(train), o);
      return held.flatMap((d) => d.keep.map((e) => ({ p: 1 - m.p(e.features), tp: e.keep ? -1 : 0, sys: -1 })));
    },
    (d) => d,
    GRID,
  );
  // chosen as a threshold on the drop probability; kept as one on the keep probability
  return toModelJson(
    'keep',
    ['drop', 'keep'],
    dict,
    w,
    {
      learner: 'softmax-l2-adagrad',
      articles: docs.length,
      examples: examples.length,
      positives: examples.filter((e) => e.yes).length,
      l2: o.l2,
      rounds: o.rounds,
      min_count: o.minCount,
    },
    1 - threshold,
  );
}

const placeExamples = (docs: Collected[]) =>
  docs.flatMap((d) => d.place.flatMap((e) => e.options.map((x) => ({ features: x.features, yes: x.match }))));

export function trainPlace(docs: Collected[], o: TrainOptions = DEFAULTS): ModelJson {
  const examples = placeExamples(docs);
  const { dict, w } = fitBinary(examples, o);
  // placing an event: one scored event more, and one true positive more where its best option matches
  const threshold = chooseThreshold(
    docs,
    o,
    (train, held) => {
      const m = fitBinary(placeExamples(train), o);
      return held.flatMap((d) =>
        d.place.map((e) => {
          const scored = e.options.map((x) => ({ p: m.p(x.features), match: x.match }));
          const best = scored.reduce((b, x) => (x.p > b.p ? x : b));
          return { p: best.p, tp: best.match ? 1 : 0, sys: 1 };
        }),
      );
    },
    (d) => d,
    GRID.map((t) => t + 1 / 80).filter((t) => t < 1 && t >= o.minPlaceThreshold),
  );
  return toModelJson(
    'place',
    ['no', 'yes'],
    dict,
    w,
    {
      learner: 'softmax-l2-adagrad',
      articles: docs.length,
      events: docs.reduce((n, d) => n + d.place.length, 0),
      options: examples.length,
      positives: examples.filter((e) => e.yes).length,
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

/** The roles model's L2 penalty and its margin for a second actor in a role (both by 5-fold CV on corpus/train). */
export const ROLE_L2 = 0.03;
export const ROLE_SECOND = 1;

/**
 * The roles model: for each role a scorer of the options (a conditional logit over an event's options and none,
 * choice.ts); an event whose gold actor is none of its options teaches nothing for that role.
 */
export function trainRoles(docs: Collected[], o: TrainOptions = DEFAULTS, l2 = ROLE_L2): ModelJson {
  const events = docs.flatMap((d) => d.roles);
  const dict = Dictionary.build(
    events.flatMap((e) => [...e.options.map((x) => x.features), e.none]),
    o.minCount,
  );
  const groups = (role: 'perpetrator' | 'target'): Group[] =>
    events.flatMap((e) => {
      const options = [...e.options.map((x) => dict.encode(x.features)), dict.encode(e.none)];
      const nullGold = role === 'perpetrator' ? e.nullPerpetrator : e.nullTarget;
      // no perpetrator named: none, or an unidentified group (ACLED's code for it); no target named: none
      const unidentified = (x: { features: string[] }) =>
        role === 'perpetrator' && x.features.includes('src=unidentified');
      const accepted = nullGold
        ? [options.length - 1, ...e.options.flatMap((x, i) => (unidentified(x) ? [i] : []))]
        : e.options.flatMap((x, i) => (x[role] ? [i] : []));
      return accepted.length > 0 ? [{ options, accepted }] : [];
    });
  const perp = groups('perpetrator');
  const target = groups('target');
  const wp = trainChoice(perp, dict.size, { l2, rounds: o.rounds });
  const wt = trainChoice(target, dict.size, { l2, rounds: o.rounds });
  const weights = new Float64Array(dict.size * 2);
  for (let f = 0; f < dict.size; f++) {
    weights[2 * f] = wp[f];
    weights[2 * f + 1] = wt[f];
  }
  return toModelJson(
    'roles',
    [...ROLE_CLASSES],
    dict,
    { weights, bias: new Float64Array(2) },
    {
      learner: 'conditional-logit-l2-adagrad',
      articles: docs.length,
      events: events.length,
      options: events.reduce((n, e) => n + e.options.length, 0),
      perpetrator_groups: perp.length,
      target_groups: target.length,
      l2,
      rounds: o.rounds,
      min_count: o.minCount,
    },
    ROLE_SECOND,
  );
}

export type Tasks = readonly ('keep' | 'subtype' | 'place' | 'roles')[];

export function trainModels(docs: Collected[], tasks: Tasks, o: TrainOptions = DEFAULTS): Record<string, ModelJson> {
  const out: Record<string, ModelJson> = {};
  if (tasks.includes('keep')) out.keep = trainKeep(docs, o);
  if (tasks.includes('subtype')) out.subtype = trainSubtype(docs, o);
  if (tasks.includes('place')) out.place = trainPlace(docs, o);
  if (tasks.includes('roles')) out.roles = trainRoles(docs, o);
  return out;
}

export function modelsOf(json: Record<string, ModelJson>): Models {
  const m: Models = {};
  if (json.keep) m.keep = new LinearModel(json.keep);
  if (json.subtype) m.subtype = new LinearModel(json.subtype);
  if (json.place) m.place = new LinearModel(json.place);
  if (json.roles) m.roles = new LinearModel(json.roles);
  return m;
}
