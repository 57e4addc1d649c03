/**
 * The shipped lexicons (data/lexicons/*.tsv), each loaded once into a phrase index. A cell of a closed vocabulary
 * (a trigger class, an actor category) that the coding table (src/events/taxonomy.ts) does not know is a DataError
 * naming the file and the line; each reader takes another file, for tests.
 */
import { DataError, dataPath, oneOf, readTsv, readTsvLines, splitList } from '../data.js';
import {
  ACTOR_CATEGORIES,
  EVENTIVE,
  TRIGGER_CLASSES,
  type TriggerClass,
  type TriggerTraits,
  WEAPONS,
} from '../events/taxonomy.js';
import { PhraseIndex } from '../text/phrases.js';
import type { ActorCategory, Weapon } from '../types.js';

function lazy<T>(build: () => T): () => T {
  let v: T | undefined;
  return () => {
    if (v === undefined) v = build();
    return v;
  };
}

export interface TriggerEntry {
  form: string;
  cls: TriggerClass;
  verb: boolean;
  /** a passive verb ("اغتيل"): who follows it is the victim, not the subject */
  passive: boolean;
  tally: boolean;
}

const YES_NO = ['yes', 'no'] as const;

/** The rows of an event lexicon with the file each came from, for oneOf. */
const rowsOf = (file: string) => readTsvLines(file).map((r) => ({ file, ...r }));

export function readTriggers(file = dataPath('lexicons', 'triggers.tsv')): PhraseIndex<TriggerEntry> {
  const idx = new PhraseIndex<TriggerEntry>();
  for (const at of rowsOf(file)) {
    const cls = oneOf(TRIGGER_CLASSES, at, 'class');
    const pos = oneOf(['verb', 'passive', 'noun'], at, 'pos');
    const tally = oneOf(YES_NO, at, 'tally') === 'yes';
    const [verb, passive] = [pos !== 'noun', pos === 'passive'];
    for (const f of splitList(at.row.forms)) idx.add(f, { form: f, cls, verb, passive, tally });
  }
  return idx;
}

export const triggers = lazy(() => readTriggers());

/** The traits of every trigger class (data/lexicons/trigger-classes.tsv): one row each, no class unknown. */
export function readTriggerClasses(
  file = dataPath('lexicons', 'trigger-classes.tsv'),
): Readonly<Record<TriggerClass, TriggerTraits>> {
  const out = {} as Record<TriggerClass, TriggerTraits>;
  let last = 0;
  for (const at of rowsOf(file)) {
    const cls = oneOf(TRIGGER_CLASSES, at, 'class');
    if (Object.hasOwn(out, cls)) throw new DataError(file, at.line, `the class "${cls}" is listed twice`);
    const yes = (column: string) => oneOf(YES_NO, at, column) === 'yes';
    out[cls] = {
      cls,
      eventive: oneOf(EVENTIVE, at, 'eventive'),
      violent: yes('violent'),
      attack: yes('attack'),
      attacker: yes('attacker'),
      tally: yes('tally'),
    };
    last = at.line;
  }
  const missing = TRIGGER_CLASSES.filter((c) => !Object.hasOwn(out, c));
  if (missing.length > 0) throw new DataError(file, last, `no row for the classes ${missing.join(', ')}`);
  return out;
}

export const triggerClasses = lazy(() => readTriggerClasses());

/** The traits of a trigger class. */
export const traitsOf = (cls: TriggerClass): TriggerTraits => triggerClasses()[cls];

/** What a cue word says about the clause it is in (data/lexicons/cues.tsv). */
export const CUE_KINDS = [
  'call',
  'claim',
  'conditional',
  'deny',
  'fell_nearby',
  'future',
  'habitual',
  'history',
  'hit',
  'intercepted',
  'missed',
  'negation',
  'no_damage',
  'ongoing',
  'plan',
  'question',
  'reaction',
  'report',
  'threat',
] as const;
export type CueKind = (typeof CUE_KINDS)[number];

export function readCues(file = dataPath('lexicons', 'cues.tsv')): PhraseIndex<CueKind> {
  const idx = new PhraseIndex<CueKind>();
  for (const at of rowsOf(file)) {
    const kind = oneOf(CUE_KINDS, at, 'kind');
    for (const f of splitList(at.row.forms)) idx.add(f, kind);
  }
  return idx;
}

export const cues = lazy(() => readCues());

/** A weapon word: one of the spec's weapons, or صاروخ said without its kind (read in context). */
export type WeaponWord = Weapon | 'projectile';
const WEAPON_WORDS: readonly WeaponWord[] = [...WEAPONS, 'projectile'];

export function readWeapons(file = dataPath('lexicons', 'weapons.tsv')): PhraseIndex<WeaponWord> {
  const idx = new PhraseIndex<WeaponWord>();
  for (const at of rowsOf(file)) idx.add(at.row.form, oneOf(WEAPON_WORDS, at, 'weapon'));
  return idx;
}

export const weapons = lazy(() => readWeapons());

export interface ActorEntry {
  name: string;
  name_ar: string;
  category: ActorCategory;
  country: string | null;
  generic: boolean;
}

export function readActors(file = dataPath('lexicons', 'actors.tsv')): PhraseIndex<ActorEntry> {
  const idx = new PhraseIndex<ActorEntry>();
  for (const at of rowsOf(file)) {
    const r = at.row;
    const names = splitList(r.names_ar);
    const e: ActorEntry = {
      name: r.name,
      name_ar: names[0] ?? '',
      category: oneOf(ACTOR_CATEGORIES, at, 'category'),
      country: r.country || null,
      generic: r.kind === 'generic',
    };
    for (const n of names) idx.add(n, e);
  }
  return idx;
}

export const actors = lazy(() => readActors());

export const SOURCE_KINDS = ['agency', 'generic', 'ngo', 'official', 'outlet'] as const;

export interface SourceEntry {
  name: string;
  name_ar: string;
  kind: (typeof SOURCE_KINDS)[number];
  country: string | null;
}

export function readSources(file = dataPath('lexicons', 'sources.tsv')): PhraseIndex<SourceEntry> {
  const idx = new PhraseIndex<SourceEntry>();
  for (const at of rowsOf(file)) {
    const r = at.row;
    const names = splitList(r.names_ar);
    const kind = oneOf(SOURCE_KINDS, at, 'kind');
    const e: SourceEntry = { name: r.name, name_ar: names[0] ?? '', kind, country: r.country || null };
    for (const n of names) idx.add(n, e);
  }
  return idx;
}

export const sources = lazy(() => readSources());

export interface PersonEntry {
  name: string;
  name_ar: string;
  role: string | null;
}

export const persons = lazy(() => {
  const idx = new PhraseIndex<PersonEntry>();
  for (const r of readTsv(dataPath('lexicons', 'persons.tsv'))) {
    const names = splitList(r.names_ar);
    const e: PersonEntry = { name: r.name, name_ar: names[0] ?? '', role: r.role || null };
    for (const n of names) idx.add(n, e);
  }
  return idx;
});

const ROLE_KINDS = ['title', 'role', 'institution'] as const;

export interface RoleEntry {
  form: string;
  role: string;
  kind: (typeof ROLE_KINDS)[number];
}

export function readRoles(file = dataPath('lexicons', 'roles.tsv')): PhraseIndex<RoleEntry> {
  const idx = new PhraseIndex<RoleEntry>();
  for (const at of rowsOf(file)) {
    idx.add(at.row.form, { form: at.row.form, role: at.row.role_en, kind: oneOf(ROLE_KINDS, at, 'kind') });
  }
  return idx;
}

export const roles = lazy(() => readRoles());

export interface NationalityEntry {
  country: string;
  forces: string;
  category: ActorCategory;
}

export function readNationalities(file = dataPath('lexicons', 'nationalities.tsv')): PhraseIndex<NationalityEntry> {
  const idx = new PhraseIndex<NationalityEntry>();
  for (const at of rowsOf(file)) {
    const r = at.row;
    const e: NationalityEntry = {
      country: r.country,
      forces: r.forces,
      category: oneOf(ACTOR_CATEGORIES, at, 'category'),
    };
    for (const f of splitList(r.forms)) idx.add(f, e);
  }
  return idx;
}

export const nationalities = lazy(() => readNationalities());
