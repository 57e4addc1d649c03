/** An extraction result → the rows of events, spans and claims (columns for filtering, the record in full). */
import type { EventRecord, Span } from '../types.js';
import type { EventsTable } from './schema.js';

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
