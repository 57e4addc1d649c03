/** Stored events as the fusion sees them (MemberEvent), loaded by key or by nearness to other members. */
import { type Kysely, sql } from 'kysely';
import type { MemberEvent } from '../fuse/types.js';
import type { EventRecord } from '../types.js';
import type { Schema } from './schema.js';

/** Generous around 25 km at any latitude where conflicts are coded (≈ 0.23° of latitude). */
const BOX_DEGREES = 0.5;

interface MemberRow {
  key: string;
  document_id: string;
  source: string | null;
  url: string | null;
  published: string | null;
  record: EventRecord;
}

const toMember = (r: MemberRow): MemberEvent => ({
  key: r.key,
  documentId: r.document_id,
  source: r.source,
  url: r.url,
  published: r.published,
  event: r.record,
});

/** Events an analyst rejected are no members of any incident. */
function members(db: Kysely<Schema>) {
  return db
    .selectFrom('events as e')
    .innerJoin('documents as d', 'd.id', 'e.document_id')
    .select(['e.key', 'e.document_id', 'd.source', 'd.url', 'd.published', 'e.record'])
    .where('e.review', '<>', 'rejected');
}

export async function membersByKey(db: Kysely<Schema>, keys: string[]): Promise<MemberEvent[]> {
  if (keys.length === 0) return [];
  const rows = await members(db).where('e.key', '=', sql<string>`any(${keys}::text[])`).execute();
  return rows.map((r) => toMember(r as MemberRow));
}

/** Every stored event not yet fused into the incidents. */
export async function unfusedMembers(db: Kysely<Schema>): Promise<MemberEvent[]> {
  const rows = await members(db).where('e.fused', '=', false).execute();
  return rows.map((r) => toMember(r as MemberRow));
}

/**
 * Fused stored events that the fusion could compare with any of `near` and find compatible, leaving out the
 * keys in `exclude` (unfused events are the ones being fused). A superset of its blocking (one event's start within ±2 days of the other's range) and of
 * the places `compatible` accepts: the same country, and two points within the box, or, when either is only
 * placed at an area, the same admin area.
 */
export async function membersNear(
  db: Kysely<Schema>,
  near: MemberEvent[],
  exclude: ReadonlySet<string>,
): Promise<MemberEvent[]> {
  const placed = near.filter((m) => m.event.location && m.event.date?.start);
  if (placed.length === 0) return [];
  const f = placed.map((m) => {
    const l = m.event.location!;
    return {
      start: m.event.date.start.slice(0, 10),
      end: (m.event.date.end ?? m.event.date.start).slice(0, 10),
      country: l.country,
      area: l.precision === 3,
      admin1: l.admin1 ?? '',
      lat: l.lat,
      lon: l.lon,
    };
  });
  const nearby = sql`e.country = f.country and (
    ((f.area or e.location_precision = 3) and coalesce(e.admin1, '') = f.admin1)
    or (e.lat between f.lat - ${BOX_DEGREES}::float8 and f.lat + ${BOX_DEGREES}::float8
      and e.lon between f.lon - ${BOX_DEGREES}::float8 and f.lon + ${BOX_DEGREES}::float8))`;
  const rows = await sql<MemberRow>`
    with f as (
      select * from unnest(${f.map((x) => x.start)}::date[], ${f.map((x) => x.end)}::date[],
        ${f.map((x) => x.country)}::text[], ${f.map((x) => x.area)}::bool[], ${f.map((x) => x.admin1)}::text[],
        ${f.map((x) => x.lat)}::float8[], ${f.map((x) => x.lon)}::float8[]) as f(start, "end", country, area, admin1, lat, lon)
    ), hits as (
      -- lateral: one index range scan per searched event, whatever the size of the store
      select h.id from f cross join lateral (
        -- its start within ±2 days of our range
        select e.id from events e
        where e.date_start between f.start - 2 and f."end" + 2 and e.fused and ${nearby}
        union all
        -- our start within ±2 days of its range (only events that span days can reach further back)
        select e.id from events e
        where e.date_end > e.date_start and daterange(e.date_start - 2, e.date_end + 2, '[]') @> f.start
          and e.fused and ${nearby}
      ) h
      group by h.id
    )
    select e.key, e.document_id, d.source, d.url, d.published, e.record
    from hits join events e on e.id = hits.id join documents d on d.id = e.document_id
    where e.review <> 'rejected'
    order by e.key
  `.execute(db);
  return rows.rows.filter((r) => !exclude.has(r.key)).map(toMember);
}
