/**
 * A country from what a user types: ISO 3166-1 alpha-2 or alpha-3, or a name in English or Arabic ("Syria",
 * "سوريا", "الجمهورية العربية السورية"). Reads only countries.tsv and the country rows of places.tsv, so a filter
 * can be checked without loading the gazetteer.
 */
import { readFileSync } from 'node:fs';
import { dataPath, readTsv, splitList } from '../data.js';
import { normalizeString } from '../lang/ar/normalize.js';

let index: Map<string, string> | null = null;
/** each country's names as written (English and Arabic), by ISO2 */
let names: Map<string, string[]> | null = null;

const key = (s: string) => normalizeString(s.trim()).toLowerCase().replace(/\s+/g, ' ');

function build(): Map<string, string> {
  const byKey = new Map<string, string>();
  names = new Map();
  const add = (name: string, iso2: string) => {
    const k = key(name);
    if (k && !byKey.has(k)) byKey.set(k, iso2);
    const list = names!.get(iso2) ?? [];
    if (name.length > 3 && !list.includes(name)) list.push(name);
    names!.set(iso2, list);
  };
  for (const r of readTsv(dataPath('gazetteer', 'countries.tsv'))) {
    add(r.iso2, r.iso2);
    add(r.iso3, r.iso2);
    add(r.name, r.iso2);
  }
  // places.tsv: id name names_ar … with country rows "country:SY\tSyria\tسوريا|سورية|…"
  for (const line of readFileSync(dataPath('gazetteer', 'places.tsv'), 'utf8').split('\n')) {
    if (!line.startsWith('country:')) continue;
    const [id, name, namesAr] = line.split('\t');
    const iso2 = id.slice('country:'.length);
    add(name, iso2);
    for (const n of splitList(namesAr)) add(n, iso2);
  }
  return byKey;
}

/** The names a country is known by (English and Arabic, as the gazetteer writes them; no codes). */
export function countryNames(iso2: string): string[] {
  index ??= build();
  return names?.get(iso2) ?? [];
}

/** The ISO2 code of the country `value` names, or null. */
export function countryCode(value: string): string | null {
  index ??= build();
  return index.get(key(value)) ?? null;
}
