/** Extraction results in the store: one extractions row per run, its events, spans and claims, all in bulk. */
import { type Kysely, sql } from 'kysely';
import { incidentId } from '../fuse/fuse.js';
import type { EventRecord, ExtractionResult } from '../types.js';
import { eventColumns, eventKey, eventSpans } from './rows.js';
import type { Schema } from './schema.js';

export interface ExtractionToStore {
  documentId: string;
  version: string;
  result: ExtractionResult;
}

export interface StoredEvent {
  id: string;
  key: string;
  documentId: string;
  record: EventRecord;
}

const json = (v: unknown) => JSON.stringify(v);

/** Writes the extractions and everything under them with a fixed number of statements, whatever the batch size. */
export async function insertExtractions(db: Kysely<Schema>, batch: ExtractionToStore[]): Promise<StoredEvent[]> {
  if (batch.length === 0) return [];
  const extractions = await sql<{ id: string; document_id: string }>`
    insert into extractions (document_id, extractor_version, errors, statistics, statements)
    select * from unnest(
      ${batch.map((b) => b.documentId)}::text[], ${batch.map((b) => b.version)}::text[],
      ${batch.map((b) => json(b.result.errors))}::jsonb[], ${batch.map((b) => json(b.result.statistics))}::jsonb[],
      ${batch.map((b) => json(b.result.statements))}::jsonb[])
    returning id, document_id
  `.execute(db);
  const extractionOf = new Map(extractions.rows.map((r) => [r.document_id, String(r.id)]));

  const events: { key: string; documentId: string; extractionId: string; record: EventRecord }[] = [];
  const seen = new Set<string>();
  for (const b of batch) {
    for (const record of b.result.events) {
      const key = eventKey(b.documentId, record.id);
      if (seen.has(key)) continue; // the extractor gives unique ids; a repeat would break the key
      seen.add(key);
      events.push({ key, documentId: b.documentId, extractionId: extractionOf.get(b.documentId)!, record });
    }
  }
  if (events.length === 0) return [];
  const cols = events.map((e) => eventColumns(e.record));
  const c = <K extends keyof (typeof cols)[number]>(k: K) => cols.map((x) => x[k]);
  const inserted = await sql<{ id: string; key: string }>`
    insert into events (key, document_id, extraction_id, event_id, type, subtype, date_start, date_end,
      date_precision, lat, lon, country, admin1, location_precision, killed, injured, confidence, names, actors,
      record, original, origin_incident)
    select * from unnest(
      ${events.map((e) => e.key)}::text[], ${events.map((e) => e.documentId)}::text[],
      ${events.map((e) => e.extractionId)}::bigint[], ${events.map((e) => e.record.id)}::text[],
      ${c('type')}::text[], ${c('subtype')}::text[], ${c('date_start')}::date[], ${c('date_end')}::date[],
      ${c('date_precision')}::text[], ${c('lat')}::float8[], ${c('lon')}::float8[], ${c('country')}::text[],
      ${c('admin1')}::text[], ${c('location_precision')}::int2[], ${c('killed')}::int4[], ${c('injured')}::int4[],
      ${c('confidence')}::float4[], ${c('names')}::text[], ${c('actors')}::text[],
      ${events.map((e) => json(e.record))}::jsonb[], ${events.map((e) => json(e.record))}::jsonb[],
      ${events.map((e) => incidentId(e.key))}::text[])
    returning id, key
  `.execute(db);
  const idOf = new Map(inserted.rows.map((r) => [r.key, String(r.id)]));
  const stored = events.map((e) => ({ id: idOf.get(e.key)!, key: e.key, documentId: e.documentId, record: e.record }));
  await insertEvidence(db, stored);
  return stored;
}

async function insertEvidence(db: Kysely<Schema>, events: StoredEvent[]): Promise<void> {
  const spans = events.flatMap((e) => eventSpans(e.record).map((s) => ({ ...s, event: e.id })));
  if (spans.length > 0) {
    await sql`
      insert into spans (event_id, field, start, "end", text)
      select * from unnest(${spans.map((s) => s.event)}::bigint[], ${spans.map((s) => s.field)}::text[],
        ${spans.map((s) => s.start)}::int4[], ${spans.map((s) => s.end)}::int4[], ${spans.map((s) => s.text)}::text[])
    `.execute(db);
  }
  const claims = events.flatMap((e) => (e.record.claims ?? []).map((c) => ({ ...c, event: e.id })));
  if (claims.length > 0) {
    await sql`
      insert into claims (event_id, kind, by, outcome, evidence)
      select * from unnest(${claims.map((c) => c.event)}::bigint[], ${claims.map((c) => c.kind)}::text[],
        ${claims.map((c) => c.by)}::text[], ${claims.map((c) => c.outcome ?? null)}::text[],
        ${claims.map((c) => json(c.evidence ?? null))}::jsonb[])
    `.execute(db);
  }
}

/** Removes the events (with their spans and claims, by cascade) of these documents; returns their keys. */
export async function deleteEventsOf(db: Kysely<Schema>, documentIds: string[]): Promise<string[]> {
  if (documentIds.length === 0) return [];
  const rows = await db.deleteFrom('events').where('document_id', 'in', documentIds).returning('key').execute();
  return rows.map((r) => r.key);
}
