/**
 * The filtered incidents for an export, a batch at a time in date order (keyset pages over date_start and id), each
 * with when its incidents last changed and their plausibility checks: an export is written while it is read.
 */
import { type Kysely, sql } from 'kysely';
import type { IncidentBatch } from '../export/stream.js';
import type { Incident } from '../fuse/types.js';
import { incidentChecks } from './incident-checks.js';
import { incidentWhere, type ListFilter } from './listing-filter.js';
import type { Schema } from './schema.js';

export const EXPORT_BATCH = 500;

interface Row {
  id: string;
  fields: Incident;
  date_start: string;
  updated_at: Date | string;
}

export async function* incidentBatches(
  db: Kysely<Schema>,
  f: ListFilter,
  size = EXPORT_BATCH,
): AsyncGenerator<IncidentBatch> {
  let after: { date: string; id: string } | null = null;
  for (;;) {
    const from = after ? sql`and (i.date_start, i.id) > (${after.date}::date, ${after.id})` : sql``;
    const rows: Row[] = (
      await sql<Row>`
        select i.id, i.fields, i.date_start, i.updated_at from incidents i where ${incidentWhere(f)} ${from}
        order by i.date_start, i.id limit ${size}`.execute(db)
    ).rows;
    if (rows.length === 0) return;
    const incidents = rows.map((r) => r.fields);
    const changed = new Map(rows.map((r) => [r.fields.id, Math.floor(new Date(r.updated_at).getTime() / 1000)]));
    const flagged = await incidentChecks(db, incidents);
    const now = Math.floor(Date.now() / 1000);
    yield {
      incidents,
      changed: (i) => changed.get(i.id) ?? now,
      checks: (i) => flagged.get(i.id) ?? [],
    };
    const last = rows[rows.length - 1];
    if (rows.length < size) return;
    after = { date: last.date_start, id: last.id };
  }
}
