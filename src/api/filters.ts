/**
 * The shared filter query of /api/incidents, /api/incidents/points, /api/events and /api/export: parsed and
 * checked into a ListFilter, each bad value a 400 naming its parameter. Types and sub-types are taken by their
 * spec names (explosions_remote_violence) or ACLED's (Explosions/Remote violence).
 */
import { EVENT_TYPE, SUB_EVENT_TYPE } from '../events/acled-names.js';
import type { BBox, ListFilter, Page, Sort } from '../store/listing-filter.js';
import { SORTS } from '../store/listing-filter.js';
import { REVIEW_STATUSES, type ReviewStatus } from '../store/reviews.js';
import { badRequest } from './errors.js';

export type FilterQuery = Partial<Record<keyof typeof FILTER_PROPERTIES, string>>;

/** The filter parameters as a JSON schema (all strings: their syntax is checked here, with clearer messages). */
export const FILTER_PROPERTIES = {
  from: { type: 'string', description: 'YYYY-MM-DD: what ends on or after this day' },
  to: { type: 'string', description: 'YYYY-MM-DD: what starts on or before this day' },
  country: { type: 'string', description: 'ISO 3166-1 alpha-2' },
  admin1: { type: 'string', description: 'first-level administrative area, as the gazetteer names it' },
  bbox: { type: 'string', description: 'west,south,east,north in decimal degrees' },
  type: { type: 'string', description: 'event type, spec or ACLED name ("Explosions/Remote violence")' },
  subtype: { type: 'string', description: 'sub-event type, spec or ACLED name ("Air/drone strike")' },
  actor: { type: 'string', description: "any part of an actor's English or Arabic name (Arabic normalised)" },
  q: { type: 'string', description: 'words in the documents or the names (Arabic normalised)' },
  review: { type: 'string', description: 'events only: unreviewed, confirmed, corrected or rejected' },
} as const;

export const PAGE_PROPERTIES = {
  limit: { type: 'integer', minimum: 1, maximum: 10000, default: 100 },
  offset: { type: 'integer', minimum: 0, default: 0 },
  sort: { type: 'string', enum: [...SORTS], default: '-date' },
} as const;

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar day in YYYY-MM-DD, or null. */
export function isDay(s: string): boolean {
  const m = DAY.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === s;
}

function day(name: string, v: string | undefined): string | undefined {
  if (v === undefined || v === '') return undefined;
  if (!isDay(v)) throw badRequest(`query parameter "${name}": "${v}" is not a date (YYYY-MM-DD)`);
  return v;
}

function bbox(v: string | undefined): BBox | undefined {
  if (v === undefined || v === '') return undefined;
  const parts = v.split(',').map((s) => s.trim());
  const nums = parts.map(Number);
  if (parts.length !== 4 || parts.some((p) => p === '') || nums.some((n) => !Number.isFinite(n))) {
    throw badRequest(`query parameter "bbox": "${v}" is not four numbers west,south,east,north`);
  }
  const [west, south, east, north] = nums;
  if ([west, east].some((x) => x < -180 || x > 180)) {
    throw badRequest('query parameter "bbox": longitudes (west, east) must be within -180..180');
  }
  if ([south, north].some((y) => y < -90 || y > 90)) {
    throw badRequest('query parameter "bbox": latitudes (south, north) must be within -90..90');
  }
  if (south > north) throw badRequest('query parameter "bbox": south is greater than north');
  return { west, south, east, north };
}

/** A spec name from a spec or ACLED name (ACLED's compared case-insensitively), or null. */
export function specName(table: Record<string, string>, v: string): string | null {
  if (Object.hasOwn(table, v)) return v;
  const lower = v.trim().toLowerCase();
  for (const [spec, acled] of Object.entries(table)) if (acled.toLowerCase() === lower) return spec;
  return null;
}

function named(param: string, table: Record<string, string>, v: string | undefined): string | undefined {
  if (v === undefined || v === '') return undefined;
  const spec = specName(table, v);
  if (!spec) {
    const some = Object.keys(table).slice(0, 4).join(', ');
    throw badRequest(`query parameter "${param}": unknown "${v}" (spec names such as ${some}, or ACLED's names)`);
  }
  return spec;
}

export function parseFilter(q: FilterQuery): ListFilter {
  const f: ListFilter = {};
  f.from = day('from', q.from);
  f.to = day('to', q.to);
  if (f.from && f.to && f.from > f.to) throw badRequest(`query parameter "from": ${f.from} is after "to" ${f.to}`);
  if (q.country) {
    if (!/^[A-Za-z]{2}$/.test(q.country)) {
      throw badRequest(`query parameter "country": "${q.country}" is not an ISO 3166-1 alpha-2 code`);
    }
    f.country = q.country.toUpperCase();
  }
  if (q.admin1?.trim()) f.admin1 = q.admin1.trim();
  f.bbox = bbox(q.bbox);
  f.type = named('type', EVENT_TYPE, q.type);
  f.subtype = named('subtype', SUB_EVENT_TYPE, q.subtype);
  if (q.actor?.trim()) f.actor = q.actor.trim();
  if (q.q?.trim()) f.q = q.q.trim();
  if (q.review) {
    if (!(REVIEW_STATUSES as readonly string[]).includes(q.review)) {
      throw badRequest(`query parameter "review": must be one of ${REVIEW_STATUSES.join(', ')}`);
    }
    f.review = q.review as ReviewStatus;
  }
  for (const k of Object.keys(f) as (keyof ListFilter)[]) if (f[k] === undefined) delete f[k];
  return f;
}

export interface PageQuery {
  limit: number;
  offset: number;
  sort: string;
}

/** limit, offset and sort were checked by the route's schema. */
export const parsePage = (q: PageQuery): Page => ({ limit: q.limit, offset: q.offset, sort: q.sort as Sort });

/** A list answer: the page asked for, what it holds, and how many match in all. */
export const pageAnswer = <T>(listed: { total: number; totalExact: boolean; items: T[] }, page: Page) => ({
  total: listed.total,
  totalExact: listed.totalExact,
  limit: page.limit,
  offset: page.offset,
  items: listed.items,
});
