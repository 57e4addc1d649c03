/**
 * The country, first-level area and actor pickers' suggestions (GET /api/incidents/choices) and what a typed name
 * picks: "سوريا", "Syria" and "SY" are the same country, "الأنبار" and "Al Anbar" the same province, in either
 * language of the UI.
 */
import type { IncidentChoices } from './api-types.js';
import { h } from './dom.js';
import { countryName, lang, num } from './i18n/index.js';

/** Folded as the store folds names: no diacritics or tatweel, one alef, ي for ى, ه for ة, lower case. */
export function foldName(s: string): string {
  return s
    .normalize('NFKC')
    .replace(/[\u064B-\u065F\u0670\u0640]/g, '')
    .replace(/[أإآٱ]/g, 'ا')
    .replace(/ى/g, 'ي')
    .replace(/ة/g, 'ه')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

const regionNames = ['ar', 'en'].map((l) => new Intl.DisplayNames([l], { type: 'region' }));

/**
 * Every name a country of the store is typed by: its code, its names in Arabic and in English as the browser
 * writes them, and those the gazetteer knows ("سورية", "الجمهورية العربية السورية").
 */
function countryKeys(c: IncidentChoices['countries'][number]): string[] {
  const names = regionNames.map((r) => {
    try {
      return r.of(c.code) ?? '';
    } catch {
      return '';
    }
  });
  return [c.code, ...names, ...(c.names ?? [])].filter(Boolean).map(foldName);
}

/**
 * The ISO2 code `text` names among the store's countries (or any two-letter code), '' for no text, null when it
 * names none of them.
 */
export function pickCountry(text: string, choices: IncidentChoices | null): string | null {
  const want = foldName(text);
  if (!want) return '';
  for (const c of choices?.countries ?? []) if (countryKeys(c).includes(want)) return c.code;
  return /^[a-z]{2}$/.test(want) ? want.toUpperCase() : null;
}

/** What the country box shows for a filter value: the country's name in the UI's language. */
export const countryText = (value: string | undefined): string =>
  value && /^[A-Z]{2}$/.test(value) ? countryName(value) : (value ?? '');

/** The suggestions of the country box: the store's countries by their name in the UI's language. */
export function countryList(id: string, choices: IncidentChoices | null): HTMLDataListElement {
  return h(
    'datalist',
    { id },
    (choices?.countries ?? []).map((c) =>
      h('option', { value: countryName(c.code) }, `${c.code} · ${num(c.incidents)}`),
    ),
  );
}

/** The suggestions of the actor box: the store's actors by their name in the UI's language, the other beside. */
export function actorList(id: string, choices: IncidentChoices | null): HTMLDataListElement {
  const ar = lang() === 'ar';
  return h(
    'datalist',
    { id },
    (choices?.actors ?? []).map((a) => {
      const [main, other] = ar && a.nameAr ? [a.nameAr, a.name] : [a.name, a.nameAr];
      return h('option', { value: main }, [other, num(a.incidents)].filter(Boolean).join(' · '));
    }),
  );
}

type Area = IncidentChoices['admin1'][number];

/** Folded as foldName, and Latin without its marks and apostrophes: "Arbil" is "Arbīl", "Marib" "Ma’rib". */
const foldArea = (s: string): string =>
  foldName(
    s
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .replace(/[ʼʻ‘’'`]/g, ''),
  );

/** An area's name in the UI's language: the gazetteer's usual Arabic name in Arabic, where it has one. */
export const areaName = (a: Pick<Area, 'name' | 'namesAr'>): string =>
  lang() === 'ar' && a.namesAr.length ? a.namesAr[0] : a.name;

/** The store's areas of a country (all of them where none is filtered on). */
const areasOf = (choices: IncidentChoices | null, country: string | undefined): Area[] =>
  (choices?.admin1 ?? []).filter((a) => !country || a.country === country);

/**
 * The area `text` names among the store's (by its English or any Arabic name), as the admin1 filter takes it; ''
 * for no text, null when it names none of them (the API still reads the gazetteer's names of other areas).
 */
export function pickAdmin1(text: string, choices: IncidentChoices | null, country?: string): string | null {
  const want = foldArea(text);
  if (!want) return '';
  const found = areasOf(choices, country).find((a) => [a.name, ...a.namesAr].some((n) => foldArea(n) === want));
  return found ? found.name : null;
}

/** What the area box shows for a filter value: the area's name in the UI's language, where the store has it. */
export function admin1Text(value: string | undefined, choices: IncidentChoices | null, country?: string): string {
  if (!value) return '';
  const area = areasOf(choices, country).find((a) => a.name === value);
  return area ? areaName(area) : value;
}

/** The suggestions of the area box: the store's areas (of the country filtered on) in the UI's language. */
export function admin1List(id: string, choices: IncidentChoices | null, country?: string): HTMLDataListElement {
  return h(
    'datalist',
    { id },
    areasOf(choices, country).map((a) =>
      h('option', { value: areaName(a) }, `${countryName(a.country)} · ${num(a.incidents)}`),
    ),
  );
}
