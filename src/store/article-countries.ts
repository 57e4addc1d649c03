/**
 * The countries an article names (by any of their Arabic or English names in the gazetteer's country rows, so
 * "العراقية" names Iraq) and where each country's centre is: what the review queue's "far from the article" check
 * reads. Reads only the country rows of places.tsv.
 */
import { readFileSync } from 'node:fs';
import { dataPath, splitList } from '../data.js';
import { normalizeString } from '../lang/ar/normalize.js';

interface CountryRow {
  iso2: string;
  lat: number;
  lon: number;
  /** folded names, their words one space apart */
  names: string[];
}

let rows: CountryRow[] | null = null;

const fold = (s: string) => normalizeString(s).toLowerCase();

function read(): CountryRow[] {
  const out: CountryRow[] = [];
  // places.tsv: id name names_ar lat lon …, with country rows "country:SY\tSyria\tسوريا|سورية|…\t34.8\t39.0"
  for (const line of readFileSync(dataPath('gazetteer', 'places.tsv'), 'utf8').split('\n')) {
    if (!line.startsWith('country:')) continue;
    const [id, name, namesAr, lat, lon] = line.split('\t');
    const names = [name, ...splitList(namesAr)].map((n) =>
      fold(n)
        .replace(/[^\p{L}\p{N}]+/gu, ' ')
        .trim(),
    );
    out.push({ iso2: id.slice('country:'.length), lat: Number(lat), lon: Number(lon), names });
  }
  return out;
}

/** What a word may carry around a country's name: "والعراق", "بمصر", "العراقية" ("معرة النعمان" is no Oman). */
const PREFIXES = ['', 'و', 'ف', 'ب', 'ل', 'ك', 'وب', 'ول', 'فب', 'فل'];
const SUFFIXES = ['', 'ي', 'يه', 'يين', 'يون', 'يات'];

/** The ISO2 codes of the countries a folded text (documents.search) names, as whole words. */
export function countriesNamed(foldedText: string): Set<string> {
  rows ??= read();
  const words = foldedText.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const forms = new Set<string>();
  for (const w of words) {
    for (const p of PREFIXES) {
      if (!w.startsWith(p)) continue;
      for (const x of SUFFIXES)
        if (w.endsWith(x) && w.length > p.length + x.length) forms.add(w.slice(p.length, w.length - x.length));
    }
  }
  const joined = ` ${words.join(' ')} `;
  const found = new Set<string>();
  for (const r of rows) {
    const named = r.names.some((n) => (n.includes(' ') ? joined.includes(` ${n} `) : forms.has(n)));
    if (named) found.add(r.iso2);
  }
  return found;
}

/** A country's centre, as the gazetteer gives it. */
export function countryCentre(iso2: string): { lat: number; lon: number } | null {
  rows ??= read();
  const r = rows.find((c) => c.iso2 === iso2);
  return r && Number.isFinite(r.lat) && Number.isFinite(r.lon) ? { lat: r.lat, lon: r.lon } : null;
}

export function distanceKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}
