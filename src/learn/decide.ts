/**
 * Learned decisions in the pipeline: the rules propose events and give features, the models decide. The models
 * data/models/ ships decide by default (src/extract.ts); extract(input, id, { models: null }) or RASD_MODELS=0 leaves
 * every decision to the rules.
 *
 * - keep: is this event one the article reports happening (not background, a repeat, a plan, a tally)?
 * - subtype: its ACLED sub-type (the type follows from it).
 * - place: where an event the rules could not place happened, among the places the article names (or nowhere).
 * - roles: who did it and to whom (roles.ts), among the actors the event's sentences name (RASD_ROLES=0: the rules').
 */
import { existsSync } from 'node:fs';
import type { Analysis } from '../analysis.js';
import { dataPath } from '../data.js';
import type { Candidate } from '../events/candidates.js';
import type { Speaker } from '../events/speakers.js';
import type { SubType } from '../events/taxonomy.js';
import { SUB_TYPES } from '../events/taxonomy.js';
import type { ResolvedPlace } from '../geo/resolve.js';
import { keepFeatures, subtypeFeatures } from './event-features.js';
import { LinearModel } from './model.js';
import { placeOptions } from './place-features.js';
import { applyRoles, ROLES_FILE } from './roles.js';

/** What events/assemble.ts asks of learned decisions; each may be left to the rules. */
export interface EventDecider {
  /** the events that stay, of those the rules assembled (in order) */
  events(events: Candidate[], a: Analysis): Candidate[];
  /** the sub-type of an event the rules classified as `rule` */
  subtype(c: Candidate, a: Analysis, rule: SubType): SubType;
  /** the perpetrators and targets of the events that stay (src/learn/roles.ts); left out, the rules' */
  roles?(events: Candidate[], a: Analysis, speakers: (Speaker | null)[]): void;
}

export const MODEL_FILES = {
  keep: 'event-keep.json',
  subtype: 'event-subtype.json',
  place: 'event-place.json',
  roles: ROLES_FILE,
} as const;
export type Task = keyof typeof MODEL_FILES;
export type Models = Partial<Record<Task, LinearModel>>;

const SUBTYPE_SET = new Set<string>(SUB_TYPES);

export function decider(models: Models): EventDecider {
  return {
    events(events, a) {
      const placedByRules = new Set(events.filter((c) => c.place));
      const place = models.place;
      if (place) {
        // every option is read before any event is placed, as in training
        const chosen = events.map((c, index) => {
          if (c.place) return null;
          let best: { p: number; place: ResolvedPlace } | null = null;
          for (const o of placeOptions(c, a, { index, events })) {
            const p = place.probabilities(o.features)[1];
            if (!best || p > best.p) best = { p, place: o.place };
          }
          return best && best.p >= place.threshold ? best.place : null;
        });
        chosen.forEach((p, i) => {
          if (p) events[i].place = p;
        });
      }
      const keep = models.keep;
      if (!keep) return events;
      // only events the rules placed: the others were never seen in training
      return events.filter((c, index) => !placedByRules.has(c) || keep.yes(keepFeatures(c, a, { index, events })));
    },
    // a decider decides the roles too: by its roles model (unless RASD_ROLES=0), or by the rules where it has none
    roles(events, a, speakers) {
      if (models.roles && process.env.RASD_ROLES !== '0') applyRoles(models.roles, events, a, speakers);
    },
    subtype(c, _a, rule) {
      const m = models.subtype;
      if (!m) return rule;
      const s = m.best(subtypeFeatures(c));
      return SUBTYPE_SET.has(s) ? (s as SubType) : rule;
    },
  };
}

/** The models under data/models/ (those that are there). */
export function readModels(dir = dataPath('models')): Models {
  const out: Models = {};
  for (const [task, file] of Object.entries(MODEL_FILES) as [Task, string][]) {
    const p = `${dir}/${file}`;
    if (existsSync(p)) out[task] = LinearModel.read(p);
  }
  return out;
}

let shipped: EventDecider | undefined;
/** data/models/ as a decider, read once. */
export function shippedDecider(): EventDecider {
  shipped ??= decider(readModels());
  return shipped;
}
