/**
 * The incident and event filters as users give them, to the API (query parameters) and to `rasd export` (options):
 * one parser, one meaning, one message per bad value. A FilterError names the parameter; the API answers 400 with
 * it, the CLI exits 2 with it.
 */
import { isDay } from '../days.js';
import { CODING, type Coding, codeOf } from '../events/taxonomy.js';
import { admin1Matches } from '../geo/admin1-names.js';
import { countryCode } from '../geo/country-names.js';
import type { BBox, ListFilter } from './listing-filter.js';
import { REVIEW_STATUSES, type ReviewStatus } from './reviews.js';

export { isDay };

export class FilterError extends Error {
  constructor(
    readonly param: string,
    readonly detail: string,
  ) {
    super(`${param}: ${detail}`);
    this.name = 'FilterError';
  }
}

export type FilterParams = Partial<Record<keyof ListFilter, string>>;

function day(name: string, v: string | undefined): string | undefined {
  if (v === undefined || v === '') return undefined;
  if (!isDay(v)) throw new FilterError(name, `"${v}" is not a date (YYYY-MM-DD)`);
  return v;
}

function bbox(v: string | undefined): BBox | undefined {
  if (v === undefined || v === '') return undefined;
  const parts = v.split(',').map((s) => s.trim());
  const nums = parts.map(Number);
  if (parts.length !== 4 || parts.some((p) => p === '') || nums.some((n) => !Number.isFinite(n))) {
    throw new FilterError('bbox', `"${v}" is not four numbers west,south,east,north`);
  }
  const [west, south, east, north] = nums;
  if ([west, east].some((x) => x < -180 || x > 180)) {
    throw new FilterError('bbox', 'longitudes (west, east) must be within -180..180');
  }
  if ([south, north].some((y) => y < -90 || y > 90)) {
    throw new FilterError('bbox', 'latitudes (south, north) must be within -90..90');
  }
  if (south > north) throw new FilterError('bbox', 'south is greater than north');
  return { west, south, east, north };
}

/** A type or sub-type by its spec or ACLED name (the coding table's, src/events/taxonomy.ts). */
function named(param: 'type' | 'subtype', v: string | undefined, table: Coding): string | undefined {
  if (v === undefined || v === '') return undefined;
  const [rows, other, otherParam] =
    param === 'type' ? [table.types, table.subTypes, 'subtype'] : [table.subTypes, table.types, 'type'];
  const spec = codeOf(rows, v);
  if (spec) return spec;
  if (codeOf(other, v))
    throw new FilterError(
      param,
      `"${v}" is a ${otherParam === 'type' ? 'type' : 'sub-type'}: give it as ${otherParam}`,
    );
  const some = rows
    .slice(0, 4)
    .map((r) => r.code)
    .join(', ');
  throw new FilterError(param, `unknown "${v}" (spec names such as ${some}, or ACLED's names)`);
}

function country(v: string | undefined): string | undefined {
  if (v === undefined || !v.trim()) return undefined;
  const iso2 = countryCode(v);
  if (!iso2) {
    throw new FilterError(
      'country',
      `unknown country "${v}" (an ISO 3166-1 code such as SY or SYR, or a name in English or Arabic)`,
    );
  }
  return iso2;
}

/**
 * The areas a first-level name picks: the gazetteer's by its English or Arabic names ("الأنبار", "Anbar" as "Al
 * Anbar"), in the country filtered on where it has one of them; a name the gazetteer lacks is taken as written.
 */
function admin1(v: string | undefined, country: string | undefined): string[] | undefined {
  const name = v?.trim();
  if (!name) return undefined;
  const names = new Set(admin1Matches(name, country).map((a) => a.name));
  return names.size ? [...names] : [name];
}

/** The most words and characters a text search takes: each word is a trigram search of its own. */
export const Q_LIMITS = { words: 32, chars: 500 } as const;

export function parseFilterParams(q: FilterParams, table: Coding = CODING): ListFilter {
  for (const [param, v] of Object.entries(q)) {
    // no text the store could match holds one, and PostgreSQL refuses it in a query
    if (typeof v === 'string' && v.includes('\0')) throw new FilterError(param, 'holds a NUL character');
  }
  if (q.q && (q.q.length > Q_LIMITS.chars || q.q.trim().split(/\s+/).length > Q_LIMITS.words)) {
    throw new FilterError('q', `at most ${Q_LIMITS.words} words and ${Q_LIMITS.chars} characters`);
  }
  const f: ListFilter = {};
  f.from = day('from', q.from);
  f.to = day('to', q.to);
  if (f.from && f.to && f.from > f.to) throw new FilterError('from', `${f.from} is after "to" ${f.to}`);
  f.country = country(q.country);
  f.admin1 = admin1(q.admin1, f.country);
  f.bbox = bbox(q.bbox);
  f.type = named('type', q.type, table);
  f.subtype = named('subtype', q.subtype, table);
  if (q.actor?.trim()) f.actor = q.actor.trim();
  if (q.q?.trim()) f.q = q.q.trim();
  if (q.precision) {
    if (!['1', '2', '3'].includes(q.precision)) {
      throw new FilterError(
        'precision',
        '1 (exact places), 2 (and near a place or a district) or 3 (and provinces, countries)',
      );
    }
    f.precision = Number(q.precision) as 1 | 2 | 3;
  }
  if (q.review) {
    if (!(REVIEW_STATUSES as readonly string[]).includes(q.review)) {
      throw new FilterError('review', `must be one of ${REVIEW_STATUSES.join(', ')}`);
    }
    f.review = q.review as ReviewStatus;
  }
  for (const k of Object.keys(f) as (keyof ListFilter)[]) if (f[k] === undefined) delete f[k];
  return f;
}
