/** Events for the API: a filtered page, and one event with its original record and review history. */
import { type Kysely, sql } from 'kysely';
import type { EventRecord } from '../types.js';
import type { EventDetail, EventItem, ReviewStatus } from './answers.js';
import type { Listed } from './incident-queries.js';
import type { ListFilter, Page } from './listing-filter.js';
import { inOrder, listingQuery, pageKeys } from './page-keys.js';
import { actionsByKey } from './review-queries.js';
import type { Schema } from './schema.js';

export type { EventDetail, EventItem };

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
  // the page's keys first, from the narrow columns the filters and the sort read (the size of each event's
  // incident is kept on the event, so no sort needs a join); then the records of those alone
  const { keys, ...total } = await pageKeys(db, listingQuery('events', f, page), page);
  const rows =
    keys.length === 0
      ? []
      : (
          await sql<EventRow>`
            select e.key, e.document_id, m.incident_id, e.record, null as original, e.review
            from events e left join incident_members m on m.event_key = e.key
            where e.key = any(${keys}::text[])`.execute(db)
        ).rows;
  const items = (
    await withReviews(
      db,
      inOrder(keys, rows, (r) => r.key),
    )
  ).map(({ original: _, ...item }) => item);
  return { ...total, items };
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
