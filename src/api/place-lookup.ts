/**
 * A place an analyst gives for an event's location: a gazetteer id, or a name typed in Arabic or English,
 * resolved against the gazetteer (exact names first, then the recognisers over the name as a text).
 */
import { analyze } from '../analysis.js';
import { entryById, type GazEntry, gazetteer, isArea } from '../geo/gazetteer.js';
import { placeFrom } from '../geo/resolve.js';
import { fold } from '../store/search-text.js';
import { makeDoc } from '../text/doc.js';
import type { Place } from '../types.js';

/** A place given by hand has no evidence in the text: an empty span stands for it. */
const NO_EVIDENCE = { start: 0, end: 0, text: '' };

export const placeOf = (e: GazEntry): Place =>
  placeFrom(e, isArea(e) ? 3 : e.feature === 'admin2' || e.feature === 'admin3' ? 2 : 1, NO_EVIDENCE);

export function placeById(id: string): Place | null {
  // the WOF villages and districts are made from their rows on first use
  const e = entryById(id);
  return e ? placeOf(e) : null;
}

/** The most populous entry of that exact name (English, or Arabic normalised), else the geocoder's choice. */
export function placeByName(name: string): Place | null {
  const want = fold(name);
  if (!want) return null;
  const exact = gazetteer().entries.filter((e) => fold(e.name) === want || e.names_ar.includes(want));
  if (exact.length > 0) return placeOf(exact.reduce((a, b) => (b.population > a.population ? b : a)));
  const byId = new Map(gazetteer().entries.map((e) => [e.id, e]));
  // the name read as a text: each place name found, the place chosen for it, else its first candidate
  const a = analyze(makeDoc('place', name, null));
  for (const m of a.placeNames) {
    const id = a.places.find((p) => p.mention.first === m.first)?.entry.id ?? m.value.candidates[0]?.id;
    const e = id ? byId.get(id) : undefined;
    if (e) return placeOf(e);
  }
  return null;
}
