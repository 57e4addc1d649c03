/**
 * Why each exported incident is worth a look (the exports' `rasd_check`): the plausibility checks of the review
 * queue (src/store/plausibility.ts) run on its members that no one has reviewed yet, each with its article's
 * countries and statistics. A large toll placed coarsely counts only where the incident's own place is coarse too
 * (a finer report of the same incident placed it). Every member reviewed: nothing left to check.
 */
import { type Kysely, sql } from 'kysely';
import type { Incident } from '../fuse/types.js';
import type { EventRecord, Statistic } from '../types.js';
import type { PlausibilityCheck } from './answers.js';
import { countriesNamed } from './article-countries.js';
import { plausibilityChecks } from './plausibility.js';
import type { Schema } from './schema.js';

/** the checks in the order the column lists them */
const ORDER: PlausibilityCheck[] = ['far_place', 'coarse_toll', 'toll_above_statistics', 'court_or_anniversary'];

interface Row {
  incident_id: string;
  document_id: string;
  record: EventRecord;
  statistics: Statistic[] | null;
  search: string | null;
  countries: (string | null)[];
}

/** The checks of the given incidents, by id (an incident with none is absent). */
export async function incidentChecks(
  db: Kysely<Schema>,
  incidents: readonly Incident[],
): Promise<Map<string, PlausibilityCheck[]>> {
  const out = new Map<string, PlausibilityCheck[]>();
  if (incidents.length === 0) return out;
  const rows = await sql<Row>`
    select m.incident_id, e.document_id, e.record, x.statistics, d.search,
      (select array_agg(distinct o.country) from events o where o.document_id = e.document_id) as countries
    from incident_members m
      join events e on e.key = m.event_key
      join documents d on d.id = e.document_id
      left join extractions x on x.id = e.extraction_id
    where m.incident_id = any(${incidents.map((i) => i.id)}::text[]) and e.review = 'unreviewed'
  `.execute(db);
  const byId = new Map(incidents.map((i) => [i.id, i]));
  const named = new Map<string, Set<string>>();
  const found = new Map<string, Set<PlausibilityCheck>>();
  for (const r of rows.rows) {
    let countries = named.get(r.document_id);
    if (!countries) {
      countries = countriesNamed(r.search ?? '');
      named.set(r.document_id, countries);
    }
    // the countries of the article's other events count as its own, this event's does not
    const others = new Set(countries);
    for (const c of r.countries) if (c && c !== r.record.location?.country) others.add(c);
    const checks = plausibilityChecks(r.record, { countries: others, statistics: r.statistics ?? [] });
    if (checks.length === 0) continue;
    const set = found.get(r.incident_id) ?? new Set();
    for (const c of checks) set.add(c);
    found.set(r.incident_id, set);
  }
  for (const [id, set] of found) {
    const place = byId.get(id)?.location;
    if (place && place.precision < 3) set.delete('coarse_toll');
    const list = ORDER.filter((c) => set.has(c));
    if (list.length) out.set(id, list);
  }
  return out;
}
