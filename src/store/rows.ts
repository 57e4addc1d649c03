/** An extraction result → the rows of events, spans and claims (columns for filtering, the record in full). */
import type { Incident } from '../fuse/types.js';
import type { EventRecord, Span } from '../types.js';
import type { EventsTable, IncidentsTable } from './schema.js';
import { actorNames, eventNames, incidentActors, incidentNames } from './search-text.js';

export function eventKey(documentId: string, eventId: string): string {
  return `${documentId}#${eventId}`;
}

/** The filterable columns of an event, read from its record (also after a review changed the record). */
export type EventColumns = Pick<
  EventsTable,
  | 'type'
  | 'subtype'
  | 'date_start'
  | 'date_end'
  | 'date_precision'
  | 'lat'
  | 'lon'
  | 'country'
  | 'admin1'
  | 'location_precision'
  | 'killed'
  | 'injured'
  | 'confidence'
  | 'names'
  | 'actors'
>;

export function eventColumns(e: EventRecord): EventColumns {
  const loc = e.location;
  return {
    type: e.type,
    subtype: e.subtype,
    date_start: e.date.start,
    date_end: e.date.end,
    date_precision: e.date.precision,
    lat: loc ? loc.lat : null,
    lon: loc ? loc.lon : null,
    country: loc ? loc.country : null,
    admin1: loc ? loc.admin1 : null,
    location_precision: loc ? loc.precision : null,
    killed: e.fatalities?.killed ?? null,
    injured: e.fatalities?.injured ?? null,
    confidence: e.confidence,
    names: eventNames(e),
    actors: actorNames(e.actors ?? []),
  };
}

/** The columns of an incident row besides its `fields` (the Incident itself), for filtering and sorting. */
export type IncidentColumns = Omit<IncidentsTable, 'fields' | 'updated_at'>;

export function incidentColumns(i: Incident): IncidentColumns {
  return {
    id: i.id,
    type: i.type,
    subtype: i.subtype,
    date_start: i.date.start.slice(0, 10),
    date_end: (i.date.end ?? i.date.start).slice(0, 10),
    lat: i.location?.lat ?? null,
    lon: i.location?.lon ?? null,
    country: i.location?.country ?? null,
    admin1: i.location?.admin1 ?? null,
    killed: i.fatalities.killed,
    injured: i.fatalities.injured,
    members: i.members.length,
    names: incidentNames(i),
    actors: incidentActors(i),
    acled_id: i.acledId ?? null,
  };
}

export interface SpanRow {
  field: string;
  start: number;
  end: number;
  text: string;
}

/** Every evidence span of an event, named by the field it supports ('perpetrator' and 'target' for actors). */
export function eventSpans(e: EventRecord): SpanRow[] {
  const out: SpanRow[] = [];
  const add = (field: string, s: Span | undefined | null) => {
    if (s && Number.isInteger(s.start) && Number.isInteger(s.end)) {
      out.push({ field, start: s.start, end: s.end, text: s.text ?? '' });
    }
  };
  for (const s of e.evidence ?? []) add('event', s);
  add('date', e.date?.evidence);
  add('location', e.location?.evidence);
  for (const a of e.actors ?? []) add(a.role, a.evidence);
  for (const s of e.fatalities?.evidence ?? []) add('fatalities', s);
  for (const c of e.claims ?? []) add(`claim:${c.kind}`, c.evidence);
  return out;
}
