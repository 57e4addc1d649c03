/**
 * The Arabic names the incident view shows in the Arabic UI for what the record keeps in English: the sources (an
 * outlet's slug or name from data/lexicons/outlets.tsv, a cited agency or official from sources.tsv) and the
 * first-level area (the gazetteer's admin1 rows).
 */
import { dataPath, readTsv, splitList } from '../data.js';
import type { Incident } from '../fuse/types.js';
import { admin1Area } from '../geo/admin1-names.js';

let sources: Map<string, string> | null = null;

function sourceIndex(): Map<string, string> {
  const byName = new Map<string, string>();
  const add = (key: string, ar: string | undefined) => {
    if (key && ar && !byName.has(key.toLowerCase())) byName.set(key.toLowerCase(), ar);
  };
  for (const r of readTsv(dataPath('lexicons', 'outlets.tsv'))) {
    add(r.slug, r.name_ar);
    add(r.name, r.name_ar);
  }
  for (const r of readTsv(dataPath('lexicons', 'sources.tsv'))) add(r.name, splitList(r.names_ar)[0]);
  return byName;
}

/** A source's Arabic name, undefined where the lexicons have none (an Arabic name is its own). */
export function sourceNameAr(source: string): string | undefined {
  sources ??= sourceIndex();
  return /[\u0600-\u06FF]/.test(source) ? source : sources.get(source.trim().toLowerCase());
}

export interface ArabicNames {
  /** the incident's first-level area in Arabic, null where it has none or the gazetteer has no Arabic name */
  admin1: string | null;
  /** each source of the incident or of a member's document that has an Arabic name, by the name the record keeps */
  sources: Record<string, string>;
}

export function arabicNames(incident: Incident, documentSources: (string | null)[]): ArabicNames {
  const loc = incident.location;
  const area = loc?.admin1 ? admin1Area(loc.country, loc.admin1) : null;
  const out: Record<string, string> = {};
  for (const s of [...incident.sources, ...documentSources]) {
    const ar = s ? sourceNameAr(s) : undefined;
    if (s && ar) out[s] = ar;
  }
  return { admin1: area?.namesAr[0] ?? null, sources: out };
}
