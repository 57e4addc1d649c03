/** Incidents for the API: a filtered page, every match as map points, one incident with its members, exports. */
import { type Kysely, sql } from 'kysely';
import type { Incident } from '../fuse/types.js';
import type { EventRecord } from '../types.js';
import type { IncidentDetail, IncidentPoint, Member, MemberDocument, ReviewStatus } from './answers.js';
import { incidentWhere, type ListFilter, type Page } from './listing-filter.js';
import { type Counted, inOrder, listingQuery, pageKeys } from './page-keys.js';
import { actionsByKey } from './review-queries.js';
import type { Schema } from './schema.js';

export type { IncidentDetail, IncidentPoint, Member, MemberDocument };

export interface Listed<T> extends Counted {
  items: T[];
}

async function countIncidents(db: Kysely<Schema>, f: ListFilter): Promise<number> {
  const r = await sql<{ n: number }>`select count(*)::int as n from incidents i where ${incidentWhere(f)}`.execute(db);
  return r.rows[0].n;
}

export async function listIncidents(db: Kysely<Schema>, f: ListFilter, page: Page): Promise<Listed<Incident>> {
  // the page's ids first, from the narrow columns the filters and the sort read; then the `fields` of those alone
  const { keys: ids, ...total } = await pageKeys(db, listingQuery('incidents', f, page), page);
  const found = sql<{ id: string; fields: Incident }>`select id, fields from incidents where id = any(${ids}::text[])`;
  const rows = ids.length === 0 ? [] : (await found.execute(db)).rows;
  return { ...total, items: inOrder(ids, rows, (r) => r.id).map((r) => r.fields) };
}

/** The columns of a point, in the order of its JSON keys. */
const pointColumns = sql`i.id, i.lat, i.lon, i.type, i.subtype, i.date_start as date, i.killed, i.injured, i.members,
  i.fields->'location'->>'name' as place, nullif(i.fields->'location'->>'name_ar', '') as "placeAr",
  (i.fields->'location'->>'precision')::int as precision`;

/** Every match up to `max`, in date order, with only what a map and a timeline draw. */
export async function incidentPoints(
  db: Kysely<Schema>,
  f: ListFilter,
  max: number,
): Promise<{ total: number; items: IncidentPoint[] }> {
  return JSON.parse(await incidentPointsJson(db, f, max));
}

/**
 * incidentPoints as its JSON text, written by the database: the points of a large store are tens of thousands of
 * rows, and carrying each through the wire protocol into objects and then into JSON took several times the
 * query's own time (75,000 points: the query 0.5–0.9 s, the rows to objects 1.5–2.8 s, JSON.stringify 0.5–1.9 s),
 * on the event loop where an embedded store's queries and every request run. One row of one text value instead.
 * The same JSON as JSON.stringify of the objects would give (keys in this order, numbers in their shortest form).
 */
export async function incidentPointsJson(db: Kysely<Schema>, f: ListFilter, max: number): Promise<string> {
  const r = await sql<{ n: number; items: string }>`
    with p as (select ${pointColumns} from incidents i where ${incidentWhere(f)} order by i.date_start, i.id limit ${max})
    select (select count(*) from p)::int as n,
      '[' || coalesce((select string_agg(row_to_json(p)::text, ',' order by p.date, p.id) from p), '') || ']' as items`.execute(
    db,
  );
  const { n, items } = r.rows[0];
  const total = n < max ? n : await countIncidents(db, f);
  return `{"total":${total},"items":${items}}`;
}

/** Every match, in date order (for exports). */
export async function allIncidents(db: Kysely<Schema>, f: ListFilter): Promise<Incident[]> {
  return (await allIncidentsWithTimes(db, f)).incidents;
}

/** The filtered incidents and when each last changed (Unix seconds: the ACLED export's `timestamp`). */
export async function allIncidentsWithTimes(
  db: Kysely<Schema>,
  f: ListFilter,
): Promise<{ incidents: Incident[]; changed: (i: Incident) => number }> {
  const rows = await sql<{ fields: Incident; updated_at: Date | string }>`
    select i.fields, i.updated_at from incidents i where ${incidentWhere(f)} order by i.date_start, i.id
  `.execute(db);
  const changed = new Map(
    rows.rows.map((r) => [r.fields.id, Math.floor(new Date(r.updated_at).getTime() / 1000)] as const),
  );
  const now = Math.floor(Date.now() / 1000);
  return { incidents: rows.rows.map((r) => r.fields), changed: (i) => changed.get(i.id) ?? now };
}

/**
 * The incident that holds, now, the event an old incident id was made from (its smallest member then), if that
 * event is still in one: incident ids change when an earlier report joins or an incident is cut in two.
 */
export async function incidentNow(db: Kysely<Schema>, oldId: string): Promise<string | null> {
  const row = await db
    .selectFrom('events as e')
    .innerJoin('incident_members as m', 'm.event_key', 'e.key')
    .select('m.incident_id')
    .where('e.origin_incident', '=', oldId)
    .executeTakeFirst();
  return row?.incident_id ?? null;
}

export async function incidentDetail(db: Kysely<Schema>, id: string): Promise<IncidentDetail | null> {
  const row = await db.selectFrom('incidents').select('fields').where('id', '=', id).executeTakeFirst();
  if (!row) return null;
  const rows = await db
    .selectFrom('incident_members as m')
    .innerJoin('events as e', 'e.key', 'm.event_key')
    .innerJoin('documents as d', 'd.id', 'e.document_id')
    .select(['e.key', 'e.event_id', 'e.record', 'e.review', 'd.id', 'd.title', 'd.source', 'd.url', 'd.published'])
    .where('m.incident_id', '=', id)
    .orderBy('e.key')
    .execute();
  const actions = await actionsByKey(
    db,
    rows.map((r) => r.key),
  );
  return {
    incident: row.fields as Incident,
    members: rows.map((r) => ({
      key: r.key,
      documentId: r.id,
      eventId: r.event_id,
      event: r.record as EventRecord,
      review: { status: r.review as ReviewStatus, actions: actions.get(r.key) ?? [] },
      document: { id: r.id, title: r.title, source: r.source, url: r.url, published: r.published },
    })),
  };
}
