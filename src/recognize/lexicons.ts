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
  tally: boolean;
}

const YES_NO = ['yes', 'no'] as const;

/** The rows of an event lexicon with the file each came from, for oneOf. */
const rowsOf = (file: string) => readTsvLines(file).map((r) => ({ file, ...r }));

export function readTriggers(file = dataPath('lexicons', 'triggers.tsv')): PhraseIndex<TriggerEntry> {
  const idx = new PhraseIndex<TriggerEntry>();
  for (const at of rowsOf(file)) {
    const cls = oneOf(TRIGGER_CLASSES, at, 'class');
    const verb = oneOf(['verb', 'noun'], at, 'pos') === 'verb';
    const tally = oneOf(YES_NO, at, 'tally') === 'yes';
    for (const f of splitList(at.row.forms)) idx.add(f, { form: f, cls, verb, tally });
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

export const cues = lazy(() => {
  const idx = new PhraseIndex<string>();
  for (const r of readTsv(dataPath('lexicons', 'cues.tsv'))) {
    for (const f of splitList(r.forms)) idx.add(f, r.kind);
  }
  return idx;
});

export const weapons = lazy(() => {
  const idx = new PhraseIndex<WeaponWord>();
  for (const r of readTsv(dataPath('lexicons', 'weapons.tsv'))) idx.add(r.form, r.weapon as WeaponWord);
  return idx;
});

/** A weapon word: one of the spec's weapons, or صاروخ said without its kind (read in context). */
export type WeaponWord = Weapon | 'projectile';

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

export interface SourceEntry {
  name: string;
  name_ar: string;
  kind: string;
  country: string | null;
}

export const sources = lazy(() => {
  const idx = new PhraseIndex<SourceEntry>();
  for (const r of readTsv(dataPath('lexicons', 'sources.tsv'))) {
    const names = splitList(r.names_ar);
    const e: SourceEntry = { name: r.name, name_ar: names[0] ?? '', kind: r.kind, country: r.country || null };
    for (const n of names) idx.add(n, e);
  }
  return idx;
});

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

export interface RoleEntry {
  form: string;
  role: string;
  kind: 'title' | 'role' | 'institution';
}

export const roles = lazy(() => {
  const idx = new PhraseIndex<RoleEntry>();
  for (const r of readTsv(dataPath('lexicons', 'roles.tsv'))) {
    idx.add(r.form, { form: r.form, role: r.role_en, kind: r.kind as RoleEntry['kind'] });
  }
  return idx;
});

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
