/**
 * What a correction may change and to what: the contract's fields only, each value checked and brought to the
 * record's shape (a date string becomes a day's EventDate, a place name a gazetteer Place, ACLED type names spec
 * names: the coding table's, src/events/taxonomy.ts). A bad value is a 400 that says what is expected.
 */
import { CODING, type Coding, codeOf } from '../events/taxonomy.js';
import type { Actor, ActorCategory, EventDate, Place, Weapon } from '../types.js';
import { CORRECTABLE, type CorrectableField } from './answers.js';
import { badRequest } from './errors.js';
import { isDay } from './filters.js';
import { placeById, placeByName } from './place-lookup.js';

export { CORRECTABLE, type CorrectableField };

const WEAPONS: Record<Weapon, true> = {
  rocket: true,
  missile: true,
  ballistic_missile: true,
  drone: true,
  airstrike: true,
  artillery: true,
  mortar: true,
  ied: true,
  car_bomb: true,
  suicide_vest: true,
  small_arms: true,
  grenade: true,
  rpg: true,
  landmine: true,
  knife: true,
  fire: true,
  chemical: true,
  other: true,
};

const NO_EVIDENCE = { start: 0, end: 0, text: '' };

const bad = (field: string, expected: string, value: unknown) =>
  badRequest(`"${field}" must be ${expected}, not ${JSON.stringify(value)}`);

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function count(field: string, v: unknown): number | null {
  if (v === null) return null;
  if (typeof v === 'number' && Number.isInteger(v) && v >= 0) return v;
  throw bad(field, 'a non-negative integer or null', v);
}

function date(v: unknown): EventDate {
  if (typeof v === 'string' && isDay(v)) return { start: v, end: v, precision: 'day' };
  if (isObject(v) && typeof v.start === 'string' && isDay(v.start)) {
    const end = v.end ?? v.start;
    const precision = v.precision ?? 'day';
    if (typeof end !== 'string' || !isDay(end) || end < v.start) throw bad('date.end', 'a day on or after start', end);
    if (precision !== 'day' && precision !== 'week' && precision !== 'month') {
      throw bad('date.precision', '"day", "week" or "month"', precision);
    }
    return { start: v.start, end, precision };
  }
  throw bad('date', 'a day YYYY-MM-DD or { start, end?, precision? }', v);
}

function location(v: unknown): Place | null {
  if (v === null) return null;
  const id = isObject(v) ? v.gazetteer_id : undefined;
  if (typeof id === 'string') {
    const p = placeById(id);
    if (!p) throw badRequest(`"location": no gazetteer entry with id "${id}"`);
    return p;
  }
  const name = typeof v === 'string' ? v : isObject(v) && typeof v.name === 'string' ? v.name : null;
  if (name === null) throw bad('location', 'null, a place name or { "gazetteer_id": "…" }', v);
  const p = placeByName(name);
  if (!p) throw badRequest(`"location": no place named "${name}" in the gazetteer`);
  return p;
}

function actors(v: unknown, table: Coding): Actor[] {
  if (!Array.isArray(v)) throw bad('actors', 'an array of { role, name, name_ar?, category, country? }', v);
  return v.map((a, i) => {
    const at = `actors[${i}]`;
    if (!isObject(a)) throw bad(at, 'an object', a);
    if (a.role !== 'perpetrator' && a.role !== 'target') throw bad(`${at}.role`, '"perpetrator" or "target"', a.role);
    if (typeof a.name !== 'string' || !a.name.trim()) throw bad(`${at}.name`, 'a name', a.name);
    if (typeof a.category !== 'string' || !table.category(a.category)) {
      throw bad(`${at}.category`, `one of ${table.categories.map((c) => c.code).join(', ')}`, a.category);
    }
    const country = a.country ?? null;
    if (country !== null && (typeof country !== 'string' || !/^[A-Z]{2}$/.test(country))) {
      throw bad(`${at}.country`, 'an ISO2 code or null', country);
    }
    return {
      role: a.role,
      name: a.name.trim(),
      name_ar: typeof a.name_ar === 'string' ? a.name_ar : '',
      category: a.category as ActorCategory,
      country,
      evidence: NO_EVIDENCE,
    };
  });
}

function weapons(v: unknown): Weapon[] {
  if (!Array.isArray(v) || v.some((w) => typeof w !== 'string' || !Object.hasOwn(WEAPONS, w))) {
    throw bad('weapons', `an array of ${Object.keys(WEAPONS).join(', ')}`, v);
  }
  return [...new Set(v as Weapon[])];
}

function named(field: string, rows: readonly { code: string; acled: string }[], v: unknown): string {
  const code = typeof v === 'string' ? codeOf(rows, v) : null;
  if (!code) throw bad(field, `one of ${rows.map((r) => r.code).join(', ')} (or ACLED's names)`, v);
  return code;
}

/** The value to write into the record for a correction of `field`; types, sub-types and categories from `table`. */
export function correctionValue(field: CorrectableField, value: unknown, table: Coding = CODING): unknown {
  if (value === undefined) throw badRequest(`a correction of "${field}" needs a "value"`);
  switch (field) {
    case 'type':
      return named('type', table.types, value);
    case 'subtype':
      return named('subtype', table.subTypes, value);
    case 'date':
      return date(value);
    case 'location':
      return location(value);
    case 'actors':
      return actors(value, table);
    case 'fatalities.killed':
    case 'fatalities.injured':
      return count(field, value);
    case 'weapons':
      return weapons(value);
  }
}
