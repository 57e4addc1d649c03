/**
 * The shared filter query of /api/incidents, /api/incidents/points, /api/events and /api/export: parsed and
 * checked into a ListFilter, each bad value a 400 naming its parameter. Types and sub-types are taken by their
 * spec names (explosions_remote_violence) or ACLED's (Explosions/Remote violence).
 */
import type { Coding } from '../events/taxonomy.js';
import { FilterError, isDay, parseFilterParams } from '../store/filter-params.js';
import type { ListFilter, Page, Sort } from '../store/listing-filter.js';
import { SORTS } from '../store/listing-filter.js';
import type { PageAnswer } from './answers.js';
import { badRequest } from './errors.js';

export type FilterQuery = Partial<Record<keyof typeof FILTER_PROPERTIES, string>>;

/** The filter parameters as a JSON schema (all strings: their syntax is checked here, with clearer messages). */
export const FILTER_PROPERTIES = {
  from: { type: 'string', description: 'YYYY-MM-DD: what ends on or after this day' },
  to: { type: 'string', description: 'YYYY-MM-DD: what starts on or before this day' },
  country: { type: 'string', description: 'ISO 3166-1 alpha-2 or alpha-3 code, or an English or Arabic name' },
  admin1: {
    type: 'string',
    description:
      'first-level administrative area by its English or Arabic name ("Al Anbar", "Anbar", "الأنبار"), in the country filtered on where it names one there',
  },
  bbox: { type: 'string', description: 'west,south,east,north in decimal degrees' },
  type: { type: 'string', description: 'event type, spec or ACLED name ("Explosions/Remote violence")' },
  subtype: { type: 'string', description: 'sub-event type, spec or ACLED name ("Air/drone strike")' },
  actor: {
    type: 'string',
    description:
      "any name of an actor the lexicon knows (its English name, Arabic names or aliases: that actor), else any part of an actor's English or Arabic name (Arabic normalised)",
  },
  q: {
    type: 'string',
    description:
      'words in the documents or the names (Arabic normalised), each found; a quoted "phrase" (or «phrase») found as it is',
  },
  precision: {
    type: 'string',
    description:
      'the least precise place kept: 1 exact places; 2 also near a place or a district; 3 also provinces and countries (records with no place are left out by any)',
  },
  review: { type: 'string', description: 'events only: unreviewed, confirmed, corrected or rejected' },
} as const;

export const PAGE_PROPERTIES = {
  limit: { type: 'integer', minimum: 1, maximum: 10000, default: 100 },
  // far beyond any store, and below where a number stops being an exact integer (9007199254740993 would round)
  offset: { type: 'integer', minimum: 0, maximum: 1_000_000_000, default: 0 },
  sort: { type: 'string', enum: [...SORTS], default: '-date' },
} as const;

export { isDay };

/**
 * The filter query checked into a ListFilter (src/store/filter-params.ts); a bad value is a 400 naming it. Types
 * and sub-types are the coding table's (another `table` where a test gives one).
 */
export function parseFilter(q: FilterQuery, table?: Coding): ListFilter {
  try {
    return parseFilterParams(q, table);
  } catch (e) {
    if (e instanceof FilterError) throw badRequest(`query parameter "${e.param}": ${e.detail}`);
    throw e;
  }
}

export interface PageQuery {
  limit: number;
  offset: number;
  sort: string;
}

/** limit, offset and sort were checked by the route's schema. */
export const parsePage = (q: PageQuery): Page => ({ limit: q.limit, offset: q.offset, sort: q.sort as Sort });

/** A list answer: the page asked for, what it holds, and how many match in all. */
export const pageAnswer = <T>(
  listed: { total: number; totalExact: boolean; items: T[] },
  page: Page,
): PageAnswer<T> => ({
  total: listed.total,
  totalExact: listed.totalExact,
  limit: page.limit,
  offset: page.offset,
  items: listed.items,
});
