/**
 * Actor names as ACLED writes them: a generic actor is qualified by a country ("Civilians (Syria)", "Protesters
 * (Iraq)", "Rioters (Jordan)", "Unidentified Armed Group (Yemen)"), and a state's forces named without their
 * country ("الجيش", "قوات الأمن": the lexicon's "Military forces", "Security forces") are that state's, written as
 * the lexicon writes them ("Military Forces of Syria", "Police Forces of Iraq"). The country is the actor's own where
 * it has one ("Civilians (Palestine)" hit in Israel), else that of named state forces on the same side, else the
 * event's (data/lexicons/README.md: generic rows take their country from the event's place); an unidentified armed
 * group is always of the event's country.
 */
import { dataPath, readTsv } from '../data.js';
import { countryCodes } from '../geo/country-codes.js';
import type { Actor } from '../types.js';

/** The generic rows of the lexicon that ACLED writes as "Name (Country)", and how it spells each. */
const QUALIFIED: Record<string, string> = {
  civilians: 'Civilians',
  protesters: 'Protesters',
  rioters: 'Rioters',
  'unidentified armed group': 'Unidentified Armed Group',
};

/** The lexicon's generic state forces, and the kind of forces ACLED names them as. */
const GENERIC_FORCES: Record<string, 'Military' | 'Police'> = {
  'military forces': 'Military',
  'security forces': 'Police',
};

let forcesNames: string[][] | null = null;
/** Every "Military Forces of …" and "Police Forces of …" of the lexicon, with its country: [iso2, name]. */
function lexiconForces(): string[][] {
  forcesNames ??= readTsv(dataPath('lexicons', 'actors.tsv'))
    .filter((r) => r.country && /^(Military|Police) Forces of /.test(r.name))
    .map((r) => [r.country, r.name]);
  return forcesNames;
}

/** ACLED writes "the" before these country names ("Military Forces of the United States"). */
const THE = /^(United |Central African Republic|Dominican Republic|Czech Republic|Netherlands|Philippines)/;

/**
 * A country's military or police forces as the lexicon names them ("Military Forces of Turkey" where the country
 * table says "Türkiye"; "Military Forces of Somalia", not of Puntland); built from the country's name where the
 * lexicon has none.
 */
export function forcesOf(kind: 'Military' | 'Police', iso2: string): string {
  const name = countryCodes(iso2).name;
  const prefix = `${kind} Forces of `;
  const own = lexiconForces()
    .filter(([c, n]) => c === iso2 && n.startsWith(prefix))
    .map(([, n]) => n);
  const exact = own.find((n) => n === `${prefix}${name}` || n === `${prefix}the ${name}`);
  if (exact) return exact;
  if (own.length) return own.reduce((a, b) => (b.length < a.length ? b : a));
  return `${prefix}${THE.test(name) ? 'the ' : ''}${name}`;
}

/** Whether an actor is one of the generic ones whose name takes a country. */
export const isGeneric = (a: Actor) => {
  const k = a.name.toLowerCase();
  return k in QUALIFIED || k in GENERIC_FORCES;
};

/**
 * The country that qualifies a generic actor: its own, else that of the named state forces on its side (a bare
 * "الجيش" beside "Military Forces of Israel" is Israel's), else the event's. An armed group nobody identifies is
 * of the country it acts in, as ACLED writes it.
 */
export function qualifyingCountry(a: Actor, side: readonly Actor[], eventCountry: string | null): string | null {
  if (a.name.toLowerCase() === 'unidentified armed group') return eventCountry ?? a.country;
  if (a.country) return a.country;
  if (a.name.toLowerCase() in GENERIC_FORCES) {
    const named = side.find((s) => s.category === 'state_forces' && s.country && !isGeneric(s));
    if (named?.country) return named.country;
  }
  return eventCountry;
}

/**
 * An actor's name as ACLED writes it. `side`: the actors on its side of the event (to qualify bare state forces);
 * `eventCountry`: the ISO2 of the event's place. Named actors keep their name; without any country a generic one
 * keeps its lexicon name.
 */
export function acledActorName(a: Actor, side: readonly Actor[], eventCountry: string | null): string {
  const key = a.name.toLowerCase();
  if (!(key in QUALIFIED) && !(key in GENERIC_FORCES)) return a.name;
  const country = qualifyingCountry(a, side, eventCountry);
  if (!country) return a.name;
  const forces = GENERIC_FORCES[key];
  return forces ? forcesOf(forces, country) : `${QUALIFIED[key]} (${countryCodes(country).name})`;
}
