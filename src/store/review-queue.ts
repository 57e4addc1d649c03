/**
 * The review queue (GET /api/review-queue): the unreviewed events of the filter that a plausibility check
 * (src/store/plausibility.ts) puts "to check", the largest toll first, each with its document as an incident's
 * member is given, so that the app reviews it through POST /api/events/:key/reviews like any member.
 */
import { type Kysely, sql } from 'kysely';
import type { EventRecord, Statistic } from '../types.js';
import type { ReviewQueueItem as QueueItem, ReviewQueue } from './answers.js';
import { countriesNamed } from './article-countries.js';
import { and, filterConditions, type ListFilter, searchWords, textConditions } from './listing-filter.js';
import { plausibilityChecks } from './plausibility.js';
import type { Schema } from './schema.js';

/** The most unreviewed events the checks are run on (the largest tolls of the filter). */
export const QUEUE_CANDIDATES = 2_000;

export type { QueueItem, ReviewQueue };

interface Row {
  key: string;
  document_id: string;
  event_id: string;
  incident_id: string | null;
  record: EventRecord;
  statistics: Statistic[] | null;
}

interface DocRow {
  id: string;
  title: string | null;
  source: string | null;
  url: string | null;
  published: string | null;
  search: string | null;
  countries: (string | null)[];
}

export async function reviewQueue(db: Kysely<Schema>, f: ListFilter, limit: number): Promise<ReviewQueue> {
  const where = and([
    ...filterConditions('e', { ...f, review: 'unreviewed' }),
    ...textConditions('e', searchWords(f.q)),
  ]);
  const rows = (
    await sql<Row>`
      select e.key, e.document_id, e.event_id, m.incident_id, e.record, x.statistics
      from events e
        left join incident_members m on m.event_key = e.key
        left join extractions x on x.id = e.extraction_id
      where ${where}
      order by e.killed desc nulls last, e.key
      limit ${QUEUE_CANDIDATES}`.execute(db)
  ).rows;
  const docIds = [...new Set(rows.map((r) => r.document_id))];
  const docs = new Map<string, DocRow>();
  if (docIds.length) {
    const found = await sql<DocRow>`
      select d.id, d.title, d.source, d.url, d.published, d.search,
        (select array_agg(distinct o.country) from events o where o.document_id = d.id) as countries
      from documents d where d.id = any(${docIds}::text[])`.execute(db);
    for (const d of found.rows) docs.set(d.id, d);
  }
  const named = new Map<string, Set<string>>();
  const flagged: QueueItem[] = [];
  for (const r of rows) {
    const d = docs.get(r.document_id);
    if (!d) continue;
    let countries = named.get(d.id);
    if (!countries) {
      countries = countriesNamed(d.search ?? '');
      named.set(d.id, countries);
    }
    // the countries of the article's other events count as its own, this event's does not
    const others = new Set(countries);
    for (const c of d.countries) if (c && c !== r.record.location?.country) others.add(c);
    const checks = plausibilityChecks(r.record, { countries: others, statistics: r.statistics ?? [] });
    if (checks.length === 0) continue;
    flagged.push({
      key: r.key,
      documentId: r.document_id,
      eventId: r.event_id,
      incidentId: r.incident_id,
      event: r.record,
      review: { status: 'unreviewed', actions: [] },
      document: { id: d.id, title: d.title, source: d.source, url: d.url, published: d.published },
      checks,
    });
  }
  return { total: flagged.length, checked: rows.length, items: flagged.slice(0, limit) };
}
