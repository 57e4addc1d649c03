/**
 * First-level areas (provinces, governorates) by what a user types: the gazetteer's English name ("Al Anbar",
 * "Arbīl"), a plain spelling of it ("arbil"), or any Arabic name ("الأنبار", "محافظة الانبار"). Reads only the admin1
 * rows of places.tsv, so a filter can be checked without loading the gazetteer.
 */
import { readFileSync } from 'node:fs';
import { dataPath, splitList } from '../data.js';
import { normalizeString } from '../lang/ar/normalize.js';

export interface Admin1 {
  /** ISO2 */
  country: string;
  /** as the gazetteer and the store write it: "Al Anbar" */
  name: string;
  /** the Arabic names, the usual one first */
  namesAr: string[];
}

interface Index {
  byKey: Map<string, Admin1[]>;
  byArea: Map<string, Admin1>;
}

let index: Index | null = null;

/** A name folded for look-up: Latin without its marks and apostrophes, Arabic normalised, one case and spacing. */
export function admin1Key(s: string): string {
  const latin = s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[ʼʻ‘’'`]/g, '')
    .replace(/-/g, ' ');
  return normalizeString(latin.toLowerCase()).replace(/\s+/g, ' ').trim();
}

/** A key without its article ("al anbar" → "anbar", "الانبار" → "انبار"), for names typed without it. */
const bare = (key: string) => key.replace(/^(?:a[lnrsdtz]|ash|adh) (?=\S)|^ال(?=\S{2})/u, '');

const areaKey = (country: string, name: string) => `${country}\t${name.toLowerCase()}`;

function build(): Index {
  const byKey = new Map<string, Admin1[]>();
  const byArea = new Map<string, Admin1>();
  const bareKeys = new Map<string, Admin1[]>();
  // places.tsv: "adm1:IQ.01\tAl Anbar\tالأنبار|محافظة الأنبار|…\tlat\tlon\tIQ\tAl Anbar\t…"
  for (const line of readFileSync(dataPath('gazetteer', 'places.tsv'), 'utf8').split('\n')) {
    if (!line.startsWith('adm1:')) continue;
    const cols = line.split('\t');
    const area: Admin1 = { country: cols[5], name: cols[6] || cols[1], namesAr: splitList(cols[2]) };
    byArea.set(areaKey(area.country, area.name), area);
    const keys = [area.name, cols[1], ...area.namesAr].map(admin1Key).filter(Boolean);
    for (const n of new Set(keys)) {
      const list = byKey.get(n) ?? [];
      list.push(area);
      byKey.set(n, list);
    }
    for (const n of new Set(keys.map(bare))) {
      if (byKey.has(n) || keys.includes(n)) continue;
      bareKeys.set(n, [...(bareKeys.get(n) ?? []), area]);
    }
  }
  // a name without its article is read only where no area has it as its own name
  for (const [n, areas] of bareKeys) if (!byKey.has(n)) byKey.set(n, areas);
  return { byKey, byArea };
}

/** The areas `value` names, those of `country` where it is given and names one there; [] for none. */
export function admin1Matches(value: string, country?: string): Admin1[] {
  index ??= build();
  const all = index.byKey.get(admin1Key(value)) ?? [];
  const inCountry = country ? all.filter((a) => a.country === country) : [];
  return inCountry.length ? inCountry : all;
}

/** The area a store's (country, admin1) pair is, with its Arabic names; null when the gazetteer has no such row. */
export function admin1Area(country: string, name: string): Admin1 | null {
  index ??= build();
  return index.byArea.get(areaKey(country, name)) ?? null;
}
