/**
 * The two sides of an incident as ACLED codes them: actor1 with the actors on its side (assoc_actor_1), actor2 with
 * those on its side (assoc_actor_2). An associated actor is an ally, never an opponent: a perpetrator is associated
 * with actor1 only where one report names the two as acting together (reports that blame different actors give
 * alternatives, which the notes tell, not allies); a target is never on actor1's side nor a perpetrator on actor2's;
 * a rebel group and its own state's forces (ACLED's rebel group fights its government) are never one side.
 * Civilians, protesters and rioters that a report names as a group (the Syria Civil Defence) are ACLED's generic
 * actor of their country, the group associated with it.
 */
import type { Incident } from '../fuse/types.js';
import type { Actor } from '../types.js';
import { acledActorName, qualifyingCountry } from './acled-actor-names.js';

export interface AcledSides {
  /** the actors the types and the interaction are read from */
  a1: Actor | undefined;
  a2: Actor | undefined;
  actor1: string;
  assoc_actor_1: string;
  actor2: string;
  assoc_actor_2: string;
}

/** the victims of violence against civilians whom no report names: ACLED's actor2 is still "Civilians (country)" */
const UNNAMED_CIVILIANS: Actor = {
  role: 'target',
  name: 'Civilians',
  name_ar: 'مدنيون',
  category: 'civilians',
  country: null,
  evidence: { start: 0, end: 0, text: '' },
};

/** ACLED's one actor name for every group of these categories */
const GROUPED: Partial<Record<Actor['category'], string>> = {
  civilians: 'Civilians',
  protesters: 'Protesters',
  rioters: 'Rioters',
};

/**
 * Two actors that cannot be one side: a rebel group and the forces of the state it fights. `countryOf`: an actor's
 * country, a bare "الجيش" being the forces of the country it is qualified by.
 */
export function opposed(a: Actor, b: Actor, countryOf: (x: Actor) => string | null = (x) => x.country): boolean {
  const ca = countryOf(a);
  if (!ca || ca !== countryOf(b)) return false;
  const kinds = new Set([a.category, b.category]);
  return kinds.has('rebel_group') && kinds.has('state_forces');
}

/**
 * The perpetrators that a report names together with `first` (an incident's 'perpetrator' disagreement keeps what
 * each report said, names joined with " + "); with no disagreement every report that names any names them all.
 */
function namedWith(i: Incident, first: Actor): Set<string> {
  const said = i.disagreements.find((d) => d.field === 'perpetrator');
  if (!said) return new Set(i.perpetrators.map((a) => a.name));
  const out = new Set<string>();
  for (const v of said.values) {
    const names = String(v.value ?? '').split(' + ');
    if (names.includes(first.name)) for (const n of names) out.add(n);
  }
  return out;
}

/** A named group of civilians, protesters or rioters as ACLED's generic actor of its country; the group aside. */
function grouped(a: Actor | undefined): { actor: Actor | undefined; group: Actor[] } {
  const generic = a && GROUPED[a.category];
  if (!a || !generic || a.name === generic) return { actor: a, group: [] };
  return { actor: { ...a, name: generic }, group: [a] };
}

/** The names of a side's associated actors: ACLED's names, each once, none of those `taken` already. */
function assocNames(taken: string[], allies: Actor[], side: Actor[], country: string | null): string[] {
  const names: string[] = [];
  for (const a of allies) {
    const n = acledActorName(a, side, country);
    if (!taken.includes(n) && !names.includes(n)) names.push(n);
  }
  return names;
}

export function acledSides(i: Incident, country: string | null): AcledSides {
  const vac = i.type === 'violence_against_civilians';
  const perps = i.perpetrators;
  const targets = i.targets.filter((t) => !perps.some((p) => p.name === t.name));
  const p1 = grouped(perps[0]);
  // violence against civilians has civilians as its second actor, named or not (ACLED's rule)
  const t1 = grouped(targets[0] ?? (vac ? UNNAMED_CIVILIANS : undefined));
  const a1 = p1.actor;
  const a2 = t1.actor;
  const side1 = perps;
  const side2 = targets;
  const on1 = (x: Actor) => qualifyingCountry(x, side1, country);
  const on2 = (x: Actor) => qualifyingCountry(x, side2, country);
  const together = a1 ? namedWith(i, perps[0]) : new Set<string>();
  const allies1 = [...p1.group, ...perps.slice(1).filter((p) => together.has(p.name) && !(a1 && opposed(a1, p, on1)))];
  const allies2 = [...t1.group, ...targets.slice(1).filter((t) => !(a2 && opposed(a2, t, on2)))];
  const actor1 = a1 ? acledActorName(a1, side1, country) : '';
  const actor2 = a2 ? acledActorName(a2, side2, country) : '';
  const assoc1 = assocNames([actor1, actor2], allies1, side1, country);
  return {
    a1,
    a2,
    actor1,
    assoc_actor_1: assoc1.join('; '),
    actor2,
    // neither side's actor is an ally of the other
    assoc_actor_2: assocNames([actor2, actor1, ...assoc1], allies2, side2, country).join('; '),
  };
}
