/** The shipped lexicons (data/lexicons/*.tsv), each loaded once into a phrase index. */
import { dataPath, readTsv, splitList } from '../data.js';
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
  cls: string;
  verb: boolean;
  tally: boolean;
}

export const triggers = lazy(() => {
  const idx = new PhraseIndex<TriggerEntry>();
  for (const r of readTsv(dataPath('lexicons', 'triggers.tsv'))) {
    for (const f of splitList(r.forms))
      idx.add(f, { form: f, cls: r.class, verb: r.pos === 'verb', tally: r.tally === 'yes' });
  }
  return idx;
});

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

export const actors = lazy(() => {
  const idx = new PhraseIndex<ActorEntry>();
  for (const r of readTsv(dataPath('lexicons', 'actors.tsv'))) {
    const names = splitList(r.names_ar);
    const e: ActorEntry = {
      name: r.name,
      name_ar: names[0] ?? '',
      category: r.category as ActorCategory,
      country: r.country || null,
      generic: r.kind === 'generic',
    };
    for (const n of names) idx.add(n, e);
  }
  return idx;
});

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

export const nationalities = lazy(() => {
  const idx = new PhraseIndex<NationalityEntry>();
  for (const r of readTsv(dataPath('lexicons', 'nationalities.tsv'))) {
    const e: NationalityEntry = { country: r.country, forces: r.forces, category: r.category as ActorCategory };
    for (const f of splitList(r.forms)) idx.add(f, e);
  }
  return idx;
});
