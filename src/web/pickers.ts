/**
 * The country and actor pickers' suggestions (GET /api/incidents/choices) and the country a typed name picks:
 * "سوريا", "Syria" and "SY" are the same country, in either language of the UI.
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
