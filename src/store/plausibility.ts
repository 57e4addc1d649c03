/**
 * Plausibility checks that put an extracted event in the review queue ("to check"): a place far outside the
 * countries the article speaks of, a country-level place with a large toll, a toll larger than the article's own
 * statistics, and an act told in a court or anniversary context (a verdict about an old bombing is no new attack).
 */
import { normalizeString } from '../lang/ar/normalize.js';
import type { EventRecord, Statistic } from '../types.js';
import type { PlausibilityCheck } from './answers.js';
import { countryCentre, distanceKm } from './article-countries.js';

export type Check = PlausibilityCheck;

/** A toll this large placed at a province or a country only is worth a look. */
export const LARGE_TOLL = 10;
/** A place this far from the centre of every country the article names is worth a look. */
export const FAR_KM = 1_000;

/**
 * Words (folded: no hamza, ة as ه) of a court or an anniversary in the words of an event: the act they tell is
 * most likely an old one.
 */
const CONTEXT_WORDS = [
  'محكمه',
  'المحكمه',
  'قضت',
  'حكم باعدام',
  'باعدام',
  'بالاعدام',
  'بالسجن',
  'المتهمين',
  'متهما',
  'ذكري',
  'الذكري',
  'احياء ذكري',
  'court',
  'verdict',
  'sentenced',
  'anniversary',
];

export interface ArticleContext {
  /** the countries the article names, and those of its other events */
  countries: Set<string>;
  statistics: Statistic[];
}

function farFromArticle(e: EventRecord, a: ArticleContext): boolean {
  const loc = e.location;
  if (!loc?.country || a.countries.size === 0 || a.countries.has(loc.country)) return false;
  const centres = [...a.countries].map(countryCentre).filter((c) => c !== null);
  return centres.length > 0 && centres.every((c) => distanceKm(c, loc) > FAR_KM);
}

/** The words of the event's evidence (the sentences it was read from), folded. */
function evidenceWords(e: EventRecord): string {
  const text = e.evidence.map((s) => s.text).join(' ');
  return ` ${normalizeString(text)
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')} `;
}

export function plausibilityChecks(e: EventRecord, a: ArticleContext): Check[] {
  const out: Check[] = [];
  const killed = e.fatalities.killed;
  if (farFromArticle(e, a)) out.push('far_place');
  if ((!e.location || e.location.precision >= 3) && killed !== null && killed >= LARGE_TOLL) out.push('coarse_toll');
  const stated = a.statistics.filter((s) => s.what === 'killed').map((s) => s.value);
  if (killed !== null && stated.length > 0 && killed > Math.max(...stated)) out.push('toll_above_statistics');
  const words = evidenceWords(e);
  if (CONTEXT_WORDS.some((w) => words.includes(` ${w} `))) out.push('court_or_anniversary');
  return out;
}
