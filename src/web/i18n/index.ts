/** The current language, its strings, and how numbers, dates and country names are written in it. */
import { ar } from './ar.js';
import { en, type MessageKey } from './en.js';
import { vocabulary } from './vocabulary.js';

export type Lang = 'ar' | 'en';
export const LANGS: readonly Lang[] = ['ar', 'en'];

const tables: Record<Lang, Record<MessageKey, string>> = { ar, en };
let current: Lang = 'ar';
// Western digits in Arabic too: analysts compare figures with English sources and ACLED exports
let numbers = new Intl.NumberFormat('ar-u-nu-latn');
let regions: Intl.DisplayNames | null = null;

export function setLang(lang: Lang): void {
  current = lang;
  numbers = new Intl.NumberFormat(lang === 'ar' ? 'ar-u-nu-latn' : 'en');
  regions = null;
  document.documentElement.lang = lang;
  document.documentElement.dir = lang === 'ar' ? 'rtl' : 'ltr';
}

export function lang(): Lang {
  return current;
}

export function t(key: MessageKey): string {
  return tables[current][key];
}

/** The name of a code of the record (type, sub-type, 'outcome.hit', a weapon…), or the code itself. */
export function term(code: string): string {
  return vocabulary[current][code] ?? vocabulary.en[code] ?? code.replaceAll('_', ' ');
}

export function num(n: number): string {
  return numbers.format(n);
}

export function countryName(iso: string | null | undefined): string {
  if (!iso) return '';
  try {
    regions ??= new Intl.DisplayNames([current], { type: 'region' });
    return regions.of(iso.toUpperCase()) ?? iso;
  } catch {
    return iso;
  }
}

export type { MessageKey };
