/**
 * Review actions: a person's correction of one field of one event, kept by the event's stable key
 * (`${documentId}#${eventId}`) so that it outlives re-extraction: re-applied to the new event of that key, or
 * flagged 'event_gone' when the new extraction has no such event (and re-applied if it comes back).
 */
import { type Kysely, sql } from 'kysely';
import type { EventRecord } from '../types.js';
import { incidentsOf, refreshIncidents } from './incidents.js';
import { membersByKey } from './members.js';
import { eventColumns } from './rows.js';
import type { Schema } from './schema.js';

const FORBIDDEN = new Set(['id', '__proto__', 'constructor', 'prototype']);

function checkPath(field: string): string[] {
  const path = field.split('.');
  if (path.some((p) => !p || FORBIDDEN.has(p))) throw new Error(`cannot review the field "${field}"`);
  return path;
}

export function getField(record: EventRecord, field: string): unknown {
  let v: unknown = record;
  for (const p of checkPath(field)) {
    if (v === null || typeof v !== 'object') return null;
    v = (v as Record<string, unknown>)[p];
  }
  return v === undefined ? null : v;
}

export function setField(record: EventRecord, field: string, value: unknown): EventRecord {
  const path = checkPath(field);
  const copy = structuredClone(record) as unknown as Record<string, unknown>;
  let at = copy;
  for (const p of path.slice(0, -1)) {
    const next = at[p];
    if (next === null || typeof next !== 'object') at[p] = {};
    at = at[p] as Record<string, unknown>;
  }
  at[path[path.length - 1]] = structuredClone(value);
  return copy as unknown as EventRecord;
}

async function rewriteEvent(db: Kysely<Schema>, key: string, record: EventRecord): Promise<void> {
  await db
    .updateTable('events')
    .set({ ...eventColumns(record), record: JSON.stringify(record) })
    .where('key', '=', key)
    .execute();
}

export interface Review {
  who: string;
  /** the event key */
  target: string;
  /** a dot path into the event record: 'type', 'fatalities.killed', 'location' … */
  field: string;
  after: unknown;
  note?: string;
}

/** Records a review and applies it to the stored event (and the incidents around it). */
export async function reviewEvent(db: Kysely<Schema>, review: Review): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('events').select('record').where('key', '=', review.target).executeTakeFirst();
    if (!row) throw new Error(`no event ${review.target}`);
    const record = row.record as unknown as EventRecord;
    const before = getField(record, review.field);
    await trx
      .insertInto('review_actions')
      .values({
        who: review.who,
        target: review.target,
        field: review.field,
        before: JSON.stringify(before),
        after: JSON.stringify(review.after ?? null),
        note: review.note ?? null,
      })
      .execute();
    await rewriteEvent(trx, review.target, setField(record, review.field, review.after));
    await refreshIncidents(trx, await membersByKey(trx, [review.target]), await incidentsOf(trx, [review.target]));
  });
}

export interface ReapplySummary {
  applied: number;
  gone: number;
}

/**
 * After the events of these documents were replaced: every review of their keys, oldest first, applied to the
 * new events; a review whose event no longer exists is flagged. Returns the reviewed keys that still exist.
 */
export async function reapplyReviews(
  db: Kysely<Schema>,
  documentIds: string[],
  version: string,
): Promise<ReapplySummary & { keys: string[] }> {
  if (documentIds.length === 0) return { applied: 0, gone: 0, keys: [] };
  const prefixes = documentIds.map((id) => `${id}#`);
  const reviews = await db
    .selectFrom('review_actions')
    .select(['id', 'target', 'field', 'after'])
    .where(sql<boolean>`left(target, strpos(target, '#')) = any(${prefixes}::text[])`)
    .orderBy('id')
    .execute();
  if (reviews.length === 0) return { applied: 0, gone: 0, keys: [] };
  const targets = [...new Set(reviews.map((r) => r.target))];
  const rows = await db
    .selectFrom('events')
    .select(['key', 'record'])
    .where('key', '=', sql<string>`any(${targets}::text[])`)
    .execute();
  const records = new Map(rows.map((r) => [r.key, r.record as unknown as EventRecord]));
  const applied: string[] = [];
  const gone: string[] = [];
  for (const r of reviews) {
    const record = records.get(r.target);
    if (!record) {
      gone.push(r.id);
      continue;
    }
    records.set(r.target, setField(record, r.field, r.after));
    applied.push(r.id);
  }
  for (const key of targets) {
    const record = records.get(key);
    if (record) await rewriteEvent(db, key, record);
  }
  if (applied.length > 0) {
    await db
      .updateTable('review_actions')
      .set({ status: 'applied', note: null })
      .where('id', '=', sql<string>`any(${applied}::bigint[])`)
      .execute();
  }
  if (gone.length > 0) {
    await db
      .updateTable('review_actions')
      .set({ status: 'event_gone', note: `the extraction of version ${version} has no such event` })
      .where('id', '=', sql<string>`any(${gone}::bigint[])`)
      .execute();
  }
  return { applied: applied.length, gone: gone.length, keys: targets.filter((k) => records.has(k)) };
}
