/** Events for the API: a filtered page, and one event with its original record and review history. */
import { type Kysely, sql } from 'kysely';
import type { EventRecord } from '../types.js';
import type { Listed } from './incident-queries.js';
import { eventWhere, type ListFilter, orderBy, type Page } from './listing-filter.js';
import { actionsByKey, type ReviewState } from './review-queries.js';
import type { ReviewStatus } from './reviews.js';
import type { Schema } from './schema.js';

export interface EventItem {
  key: string;
  documentId: string;
  /** null when the event is in no incident (rejected) */
  incidentId: string | null;
  event: EventRecord;
  review: ReviewState;
}

export interface EventDetail extends EventItem {
  /** the record as the extractor made it, before any review */
  original: EventRecord;
}

interface EventRow {
  key: string;
  document_id: string;
  incident_id: string | null;
  record: EventRecord;
  original: EventRecord | null;
  review: ReviewStatus;
}

async function withReviews(db: Kysely<Schema>, rows: EventRow[]): Promise<EventDetail[]> {
  const actions = await actionsByKey(
    db,
    rows.map((r) => r.key),
  );
  return rows.map((r) => ({
    key: r.key,
    documentId: r.document_id,
    incidentId: r.incident_id,
    event: r.record,
    original: r.original ?? r.record,
    review: { status: r.review, actions: actions.get(r.key) ?? [] },
  }));
}

export async function listEvents(db: Kysely<Schema>, f: ListFilter, page: Page): Promise<Listed<EventItem>> {
  const where = eventWhere(f);
  // the page is cut from the events alone (their indexes serve the sort) unless it sorts by the incident's size
  const bySize = page.sort.endsWith('members');
  const rows = bySize
    ? await sql<EventRow>`
        select e.key, e.document_id, m.incident_id, e.record, null as original, e.review
        from events e left join incident_members m on m.event_key = e.key
          left join incidents i on i.id = m.incident_id
        where ${where}
        order by ${orderBy(page.sort, 'e', 'i.members')} limit ${page.limit} offset ${page.offset}`.execute(db)
    : await sql<EventRow>`
        select e.key, e.document_id, m.incident_id, e.record, null as original, e.review
        from (select * from events e where ${where}
              order by ${orderBy(page.sort, 'e', 'e.key')} limit ${page.limit} offset ${page.offset}) e
          left join incident_members m on m.event_key = e.key
        order by ${orderBy(page.sort, 'e', 'e.key')}`.execute(db);
  const count = await sql<{ n: number }>`select count(*)::int as n from events e where ${where}`.execute(db);
  const items = (await withReviews(db, rows.rows)).map(({ original: _, ...item }) => item);
  return { total: count.rows[0].n, items };
}

export async function eventDetail(db: Kysely<Schema>, key: string): Promise<EventDetail | null> {
  const rows = await sql<EventRow>`
    select e.key, e.document_id, m.incident_id, e.record, e.original, e.review
    from events e left join incident_members m on m.event_key = e.key
    where e.key = ${key}
  `.execute(db);
  if (rows.rows.length === 0) return null;
  return (await withReviews(db, rows.rows))[0];
}
