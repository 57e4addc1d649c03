/** The tables of the store, as Kysely sees them (one schema for PGlite and PostgreSQL). */
import type { ColumnType, Generated, JSONColumnType } from 'kysely';

/** bigserial ids come back from pg as strings and are made by the database. */
type Serial = ColumnType<string, never, never>;
/** a reference to a bigserial id */
type Ref = ColumnType<string, string, never>;
type Timestamp = ColumnType<Date, Date | string | undefined, never>;

export interface DocumentsTable {
  id: string;
  content_hash: string;
  source: string | null;
  url: string | null;
  published: string | null;
  title: string | null;
  text: string;
  ingested_at: Timestamp;
  /** title and text folded for search (src/store/search-text.ts); written by insertDocuments */
  search: ColumnType<string | null, string | undefined, string>;
}

export interface ExtractionsTable {
  id: Serial;
  document_id: string;
  extractor_version: string;
  errors: JSONColumnType<unknown[]>;
  statistics: JSONColumnType<unknown[]>;
  statements: JSONColumnType<unknown[]>;
  created_at: Timestamp;
}

export interface EventsTable {
  id: Serial;
  /** `${document_id}#${event_id}`: what reviews and incidents refer to */
  key: string;
  document_id: string;
  extraction_id: Ref;
  event_id: string;
  type: string;
  subtype: string;
  date_start: string;
  date_end: string;
  date_precision: string;
  lat: number | null;
  lon: number | null;
  country: string | null;
  admin1: string | null;
  location_precision: number | null;
  killed: number | null;
  injured: number | null;
  confidence: number;
  record: JSONColumnType<object>;
  /** fused into the incidents yet */
  fused: Generated<boolean>;
  /** the record as the extractor made it, before any review (null only if a store predates it and lost it) */
  original: ColumnType<object | null, string | undefined, string>;
  /** place, actor, claim and source names, folded for search */
  names: string;
  /** actor names, English and Arabic, folded */
  actors: string;
  /** unreviewed | confirmed | corrected | rejected: what the event's review actions come to */
  review: Generated<string>;
  /** the number of members of the event's incident, null when it is in none (kept by refreshIncidents) */
  members: ColumnType<
    number | null,
    number | null | undefined,
    number | null
  > /** the id of an incident this event is the smallest member of (incidentId of its key): old links find it */;
  origin_incident: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface SpansTable {
  event_id: Ref;
  field: string;
  start: number;
  end: number;
  text: string;
}

export interface ClaimsTable {
  event_id: Ref;
  kind: string;
  by: string;
  outcome: string | null;
  evidence: JSONColumnType<object>;
}

export interface IncidentsTable {
  id: string;
  type: string;
  date_start: string;
  lat: number | null;
  lon: number | null;
  country: string | null;
  fields: JSONColumnType<object>;
  updated_at: Timestamp;
  /** ACLED's event_id_cnty, stable (src/store/acled-ids.ts) */
  acled_id: string | null;
  /** the columns below are read from `fields` (incidentColumns), for filtering and sorting in SQL */
  subtype: string | null;
  date_end: string | null;
  admin1: string | null;
  killed: number | null;
  injured: number | null;
  members: number | null;
  names: string | null;
  actors: string | null;
}

export interface IncidentMembersTable {
  incident_id: string;
  event_key: string;
}

export interface ReviewActionsTable {
  id: Serial;
  who: string;
  at: Timestamp;
  /** an event key, `${documentId}#${eventId}` */
  target: string;
  /** a path into the event record: 'type', 'fatalities.killed', 'location' … */
  field: string;
  /** JSON values (any JSON, so written as JSON text) */
  before: ColumnType<unknown, string, string>;
  after: ColumnType<unknown, string, string>;
  /** 'applied', or 'event_gone' when a re-extraction no longer has the event */
  status: Generated<string>;
  note: string | null;
}

export interface Schema {
  documents: DocumentsTable;
  extractions: ExtractionsTable;
  events: EventsTable;
  spans: SpansTable;
  claims: ClaimsTable;
  incidents: IncidentsTable;
  incident_members: IncidentMembersTable;
  review_actions: ReviewActionsTable;
}
