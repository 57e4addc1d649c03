/** The shipped gazetteer (data/gazetteer/places.tsv and the curated regions.tsv), loaded once, indexed by Arabic name. */
import { dataPath, readTsv, splitList } from '../data.js';
import { normalizeString } from '../lang/ar/normalize.js';
import { hamzaLamWords, PhraseIndex, splitWords } from '../text/phrases.js';

export interface GazEntry {
  id: string;
  name: string;
  name_ar: string;
  /** every Arabic name, normalised */
  names_ar: string[];
  lat: number;
  lon: number;
  country: string;
  admin1: string;
  /** place:PPL…, admin1, country, airbase, gas_field, lake, … */
  feature: string;
  population: number;
}

export interface Gazetteer {
  entries: GazEntry[];
  byName: PhraseIndex<GazEntry>;
  byCountry: Map<string, GazEntry>;
}

let cached: Gazetteer | null = null;

export function gazetteer(): Gazetteer {
  if (cached) return cached;
  const entries: GazEntry[] = [];
  const byName = new PhraseIndex<GazEntry>();
  const byCountry = new Map<string, GazEntry>();
  const rows = [...readTsv(dataPath('gazetteer', 'places.tsv')), ...readTsv(dataPath('gazetteer', 'regions.tsv'))];
  for (const r of rows) {
    const names = splitList(r.names_ar);
    const e: GazEntry = {
      id: r.id,
      name: r.name,
      name_ar: names[0] ?? '',
      names_ar: names.map(normalizeString),
      lat: Number(r.lat),
      lon: Number(r.lon),
      country: r.country,
      admin1: r.admin1,
      feature: r.feature,
      population: Number(r.population) || 0,
    };
    entries.push(e);
    if (e.feature === 'country') byCountry.set(e.country, e);
    for (let k = 0; k < names.length; k++) {
      const words = splitWords(e.names_ar[k]);
      if (words.length === 0) continue;
      byName.addWords(words, hamzaLamWords(names[k], words.length), e);
      // a final hamza after alif is often not written in the press: التحيتاء / التحيتا
      const last = words[words.length - 1];
      if (last.length > 4 && last.endsWith('اء')) {
        const bare = [...words.slice(0, -1), last.slice(0, -1)];
        byName.addWords(bare, hamzaLamWords(names[k], words.length), e);
        e.names_ar.push(bare.join(' '));
      }
    }
  }
  cached = { entries, byName, byCountry };
  return cached;
}

export function isArea(e: GazEntry): boolean {
  return e.feature === 'country' || e.feature === 'admin1';
}

export function haversineKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const r = Math.PI / 180;
  const dLat = (b.lat - a.lat) * r;
  const dLon = (b.lon - a.lon) * r;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * r) * Math.cos(b.lat * r) * Math.sin(dLon / 2) ** 2;
  return 6371 * 2 * Math.asin(Math.sqrt(Math.min(1, h)));
}
