/**
 * The API's own shapes beyond what the store answers (src/store/answers.ts): a page of a listing, the body of a
 * review and its answer. Plain types and one closed list, no Node, so that the web app imports them.
 */
import type { EventItem } from '../store/answers.js';

/** The fields of an event a correction may change (src/api/corrections.ts checks their values). */
export const CORRECTABLE = [
  'type',
  'subtype',
  'date',
  'location',
  'actors',
  'fatalities.killed',
  'fatalities.injured',
  'weapons',
] as const;
export type CorrectableField = (typeof CORRECTABLE)[number];

/** A page of a listing: the page asked for, what it holds, and how many match in all. */
export interface PageAnswer<T> {
  /** the number of matches; when totalExact is false, a lower bound (the server stopped counting there) */
  total: number;
  totalExact: boolean;
  limit: number;
  offset: number;
  items: T[];
}

/** POST /api/events/:key/reviews */
export interface ReviewBody {
  who: string;
  action: 'confirm' | 'reject' | 'correct';
  field?: CorrectableField;
  value?: unknown;
  note?: string;
}

/** What POST /api/events/:key/reviews answers: the event as it is now. */
export type ReviewResult = Pick<EventItem, 'key' | 'incidentId' | 'event' | 'review'>;
