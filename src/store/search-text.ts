/**
 * The normalised text the listings search (SQL LIKE on stored columns), folded by the extractor's own normaliser
 * so that a query typed without hamza, with ى for ي or with diacritics finds the same words.
 */
import { haystack } from '../export/filter.js';
import type { Incident } from '../fuse/types.js';
import { normalize, normalizeString } from '../lang/ar/normalize.js';
import type { Actor, EventRecord } from '../types.js';
import { queryTerms } from './query-terms.js';

/** A name or a query, folded as the stored search columns are. */
export const fold = (s: string): string => normalizeString(s).toLowerCase();

/** Separates names in a search column, so no match runs across two of them. */
const SEP = ' \u0001 ';

/** A document's title and text, folded (the linear normaliser: texts are long). */
export function documentSearch(title: string | null, text: string): string {
  return normalize(`${title ?? ''}\n${text}`).norm.toLowerCase();
}

export function actorNames(actors: Actor[]): string {
  return fold(
    actors
      .flatMap((a) => [a.name, a.name_ar])
      .filter(Boolean)
      .join(SEP),
  );
}

/** The place, actor, claim and source names of an event. */
export function eventNames(e: EventRecord): string {
  const parts = [
    e.location?.name,
    e.location?.name_ar,
    e.location?.admin1,
    ...(e.actors ?? []).flatMap((a) => [a.name, a.name_ar]),
    ...(e.claims ?? []).flatMap((c) => [c.by, c.by_ar, c.evidence?.text]),
    ...(e.sources ?? []),
  ];
  return fold(parts.filter(Boolean).join(SEP));
}

export const incidentNames = (i: Incident): string => haystack(i);

export const incidentActors = (i: Incident): string => actorNames([...i.perpetrators, ...i.targets]);

/** A LIKE pattern that finds `word` anywhere, its own % _ \ taken literally. */
export const containsPattern = (word: string): string => `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The folded words and quoted phrases of a query, each of which must be found (src/store/query-terms.ts). */
export const queryWords = (q: string): string[] => queryTerms(q);
