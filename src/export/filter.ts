/** The filters every export and listing takes: date range, country, admin1, type or sub-type, actor, text. */
import type { Incident } from '../fuse/types.js';
import { normalizeString } from '../lang/ar/normalize.js';
import { actorPatterns } from '../store/actor-aliases.js';
import { queryTerms } from '../store/query-terms.js';

export interface IncidentFilter {
  /** YYYY-MM-DD, inclusive */
  from?: string;
  to?: string;
  /** ISO2 */
  country?: string;
  admin1?: string;
  /** a type or a sub-type */
  type?: string;
  /** an actor's name, English or Arabic, any part of it */
  actor?: string;
  /** words in the location, actors, claims or sources, Arabic normalised (hamza, ta marbuta, diacritics); quoted
   * phrases as one */
  text?: string;
}

const fold = (s: string) => normalizeString(s).toLowerCase();

/** The names an incident's text filter searches, folded. */
export function haystack(i: Incident): string {
  const parts = [
    i.location?.name,
    i.location?.name_ar,
    i.location?.admin1,
    ...i.perpetrators.flatMap((a) => [a.name, a.name_ar]),
    ...i.targets.flatMap((a) => [a.name, a.name_ar]),
    ...i.claims.flatMap((c) => [c.by, c.by_ar, c.evidence?.text]),
    ...i.sources,
  ];
  return fold(parts.filter(Boolean).join(' \u0001 '));
}

export function matches(i: Incident, f: IncidentFilter): boolean {
  if (f.from && (i.date.end ?? i.date.start) < f.from) return false;
  if (f.to && i.date.start > f.to) return false;
  if (f.country && i.location?.country !== f.country.toUpperCase()) return false;
  if (f.admin1 && fold(i.location?.admin1 ?? '') !== fold(f.admin1)) return false;
  if (f.type && i.type !== f.type && i.subtype !== f.type) return false;
  if (f.actor) {
    const wants = actorPatterns(f.actor);
    const names = [...i.perpetrators, ...i.targets].flatMap((a) => [a.name, a.name_ar]).map(fold);
    if (!names.some((n) => wants.some((w) => n.includes(w)))) return false;
  }
  if (f.text) {
    const hay = haystack(i);
    if (!queryTerms(f.text).every((w) => hay.includes(w))) return false;
  }
  return true;
}

export const filterIncidents = (incidents: Incident[], f: IncidentFilter) => incidents.filter((i) => matches(i, f));
