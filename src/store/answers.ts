/**
 * What the store's read queries give the API, which answers with them as they are: plain types and the two closed
 * lists they use, with no kysely and no Node, so that the web app imports them (src/web/api-types.ts) instead of
 * keeping copies.
 */
import type { Incident } from '../fuse/types.js';
import type { EventRecord, ExtractionError, Statement, Statistic } from '../types.js';

export const REVIEW_STATUSES = ['unreviewed', 'confirmed', 'corrected', 'rejected'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

/**
 * What a listing of incidents or events is sorted by: date, killed and members by an index; the others (every
 * column of the web app's table) by sorting the matches. place_ar and actor_ar are the Arabic names, where known.
 */
export const SORT_KEYS = [
  'date',
  'killed',
  'members',
  'injured',
  'type',
  'country',
  'place',
  'place_ar',
  'precision',
  'actor',
  'actor_ar',
  'flags',
] as const;
export type SortKey = (typeof SORT_KEYS)[number];
/** The orders of a listing: a key ascending, or descending with a leading '-'. */
export const SORTS = SORT_KEYS.flatMap((k) => [k, `-${k}`] as const);
export type Sort = SortKey | `-${SortKey}`;
/** The keys an index serves (listing-filter.ts orderBy): a page can be taken by walking it. */
export const INDEXED_SORT_KEYS = ['date', 'killed', 'members'] as const satisfies readonly SortKey[];
export type IndexedSortKey = (typeof INDEXED_SORT_KEYS)[number];
export const isIndexedSort = (key: SortKey): key is IndexedSortKey =>
  (INDEXED_SORT_KEYS as readonly SortKey[]).includes(key);

export interface ReviewAction {
  id: string;
  who: string;
  /** ISO 8601 */
  at: string;
  /** the event key */
  target: string;
  /** the corrected field, or '$status' for a confirmation or rejection */
  field: string;
  before: unknown;
  after: unknown;
  /** 'applied', or 'event_gone' when a re-extraction no longer has the event */
  status: string;
  note: string | null;
}

export interface ReviewState {
  status: ReviewStatus;
  actions: ReviewAction[];
}

export interface MemberDocument {
  id: string;
  title: string | null;
  source: string | null;
  url: string | null;
  published: string | null;
}

/** A member event of an incident, with its document and its review. */
export interface Member {
  key: string;
  documentId: string;
  eventId: string;
  event: EventRecord;
  review: ReviewState;
  document: MemberDocument;
}

/** GET /api/incidents/:id */
export interface IncidentDetail {
  incident: Incident;
  members: Member[];
  /** the Arabic names of its first-level area and sources, where known (the API adds them: src/api/arabic-names.ts) */
  arabic?: { admin1: string | null; sources: Record<string, string> };
}

/** One incident as the map and the timeline need it (GET /api/incidents/points). */
export interface IncidentPoint {
  id: string;
  lat: number | null;
  lon: number | null;
  type: string;
  subtype: string;
  date: string;
  killed: number | null;
  injured: number | null;
  members: number;
  place: string | null;
  /** the place's Arabic name, where the gazetteer has one */
  placeAr: string | null;
  /** geo-precision: 1 exact place, 2 near a place or a district, 3 a province or a country; null: no place */
  precision: 1 | 2 | 3 | null;
}

/** One row of a breakdown of the totals: a type, a country (ISO2) or a perpetrator, and what its incidents add up to. */
export interface TotalsRow {
  key: string;
  /** actors: the Arabic name */
  nameAr?: string | null;
  incidents: number;
  killed: number;
}

/** What the filtered incidents add up to (GET /api/incidents/totals). */
export interface IncidentTotals {
  incidents: number;
  /** the sum of the killed of the incidents that give a figure (killedKnown of them) */
  killed: number;
  injured: number;
  killedKnown: number;
  injuredKnown: number;
  byType: TotalsRow[];
  byCountry: TotalsRow[];
  byActor: TotalsRow[];
}

/** Why a plausibility check puts an event to check (src/store/plausibility.ts). */
export type PlausibilityCheck = 'far_place' | 'coarse_toll' | 'toll_above_statistics' | 'court_or_anniversary';

/** An event of the review queue: a member as an incident gives it, its incident, and why it is to check. */
export interface ReviewQueueItem extends Member {
  incidentId: string | null;
  checks: PlausibilityCheck[];
}

/** GET /api/review-queue */
export interface ReviewQueue {
  /** the events to check among those checked */
  total: number;
  /** how many unreviewed events the checks ran on */
  checked: number;
  items: ReviewQueueItem[];
}

/** What the filter pickers suggest (GET /api/incidents/choices), the most frequent first. */
export interface IncidentChoices {
  /** ISO2 codes, with the names the country is typed by (English and Arabic: "سورية", "الجمهورية العربية السورية") */
  countries: { code: string; incidents: number; names: string[] }[];
  /** first-level areas by the store's (English) name, with their Arabic names in the gazetteer, the usual one first */
  admin1: { country: string; name: string; namesAr: string[]; incidents: number }[];
  /** actors by their English name, with their Arabic one */
  actors: { name: string; nameAr: string | null; incidents: number }[];
}

/** An event of a listing (GET /api/events). */
export interface EventItem {
  key: string;
  documentId: string;
  /** null when the event is in no incident (rejected) */
  incidentId: string | null;
  event: EventRecord;
  review: ReviewState;
}

/** GET /api/events/:key */
export interface EventDetail extends EventItem {
  /** the record as the extractor made it, before any review */
  original: EventRecord;
}

/** A stored document with its latest extraction (GET /api/documents/:id). */
export interface DocumentDetail extends MemberDocument {
  text: string;
  events: { key: string; incidentId: string | null; event: EventRecord }[];
  statistics: Statistic[];
  statements: Statement[];
  errors: ExtractionError[];
}
