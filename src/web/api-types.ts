/** The shapes of the HTTP API's answers (/work/api-contract.md), typed from the pipeline's own records. */
import type { Incident } from '../fuse/types.js';
import type { EventRecord, ExtractionError, Statement, Statistic } from '../types.js';

export type { EventRecord, Incident };

export type ReviewStatus = 'unreviewed' | 'confirmed' | 'corrected' | 'rejected';

export interface ReviewAction {
  id: string | number;
  who: string;
  at: string;
  target: string;
  field: string | null;
  before: unknown;
  after: unknown;
  status: string;
  note: string | null;
}

export interface ReviewState {
  status: ReviewStatus;
  actions: ReviewAction[];
}

export interface DocumentRef {
  id: string;
  title: string | null;
  source: string | null;
  url: string | null;
  published: string | null;
}

export interface Member {
  key: string;
  documentId: string;
  eventId: string;
  event: EventRecord;
  review: ReviewState;
  document: DocumentRef;
}

export interface IncidentDetail {
  incident: Incident;
  members: Member[];
}

/** One incident as the map and the timeline need it (GET /api/incidents/points). */
export interface Point {
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
}

export interface Page<T> {
  /** the number of matches; when totalExact is false, a lower bound (the server stopped counting there) */
  total: number;
  totalExact: boolean;
  limit: number;
  offset: number;
  items: T[];
}

export interface DocumentDetail extends DocumentRef {
  text: string;
  events: { key: string; incidentId: string | null; event: EventRecord }[];
  statistics: Statistic[];
  statements: Statement[];
  errors: ExtractionError[];
}

export type ReviewField =
  | 'type'
  | 'subtype'
  | 'date'
  | 'location'
  | 'actors'
  | 'fatalities.killed'
  | 'fatalities.injured'
  | 'weapons';

export interface ReviewBody {
  who: string;
  action: 'confirm' | 'reject' | 'correct';
  field?: ReviewField;
  value?: unknown;
  note?: string;
}

export interface ReviewResult {
  key: string;
  incidentId: string | null;
  event: EventRecord;
  review: ReviewState;
}

export const INCIDENT_SORTS = ['date', '-date', 'killed', '-killed', 'members', '-members'] as const;
export type IncidentSort = (typeof INCIDENT_SORTS)[number];
