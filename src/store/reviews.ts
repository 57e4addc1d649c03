/**
 * Review actions: a person's correction of one field of one event, or their confirmation or rejection of the
 * whole event (field STATUS_FIELD), kept by the event's stable key (`${documentId}#${eventId}`) so that it
 * outlives re-extraction: re-applied to the new event of that key, or flagged 'event_gone' when the new
 * extraction has no such event (and re-applied if it comes back). A rejected event leaves the incidents.
 */
import { type Kysely, sql } from 'kysely';
import type { EventRecord } from '../types.js';
import { REVIEW_STATUSES, type ReviewStatus } from './answers.js';
import { incidentsOf, refreshIncidents } from './incidents.js';
import { membersByKey } from './members.js';
import { eventColumns } from './rows.js';
import type { Schema } from './schema.js';

/** The field of an action that confirms or rejects the event as a whole: `after` is 'confirmed' or 'rejected'. */
export const STATUS_FIELD = '$status';

export { REVIEW_STATUSES, type ReviewStatus };

/**
 * What an event's actions (oldest first) come to: rejected if the last confirm/reject rejected it, else corrected
 * if any field was corrected, else confirmed if it was confirmed.
 */
export function reviewStatus(actions: { field: string; after: unknown }[]): ReviewStatus {
  let said: unknown = null;
  let corrected = false;
  for (const a of actions) {
    if (a.field === STATUS_FIELD) said = a.after;
    else corrected = true;
  }
  if (said === 'rejected') return 'rejected';
  if (corrected) return 'corrected';
  return said === 'confirmed' ? 'confirmed' : 'unreviewed';
}

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

async function rewriteEvent(db: Kysely<Schema>, key: string, record: EventRecord, review: ReviewStatus) {
  await db
    .updateTable('events')
    .set({ ...eventColumns(record), record: JSON.stringify(record), review })
    .where('key', '=', key)
    .execute();
}

async function actionsOf(db: Kysely<Schema>, key: string) {
  return db.selectFrom('review_actions').select(['field', 'after']).where('target', '=', key).orderBy('id').execute();
}

export interface Review {
  who: string;
  /** the event key */
  target: string;
  /** a dot path into the event record: 'type', 'fatalities.killed', 'location' …, or STATUS_FIELD */
  field: string;
  /** the new value; for STATUS_FIELD 'confirmed' or 'rejected' */
  after: unknown;
  note?: string;
}

/** Records a review and applies it to the stored event (and the incidents around it); returns the action's id. */
export async function reviewEvent(db: Kysely<Schema>, review: Review): Promise<string> {
  const isStatus = review.field === STATUS_FIELD;
  if (isStatus && review.after !== 'confirmed' && review.after !== 'rejected') {
    throw new Error(`the status of an event is set to "confirmed" or "rejected", not ${JSON.stringify(review.after)}`);
  }
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('events')
      .select(['record', 'review'])
      .where('key', '=', review.target)
      .executeTakeFirst();
    if (!row) throw new Error(`no event ${review.target}`);
    const record = row.record as unknown as EventRecord;
    const before = isStatus ? row.review : getField(record, review.field);
    const { id } = await trx
      .insertInto('review_actions')
      .values({
        who: review.who,
        target: review.target,
        field: review.field,
        before: JSON.stringify(before),
        after: JSON.stringify(review.after ?? null),
        note: review.note ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const next = isStatus ? record : setField(record, review.field, review.after);
    await rewriteEvent(trx, review.target, next, reviewStatus(await actionsOf(trx, review.target)));
    // a rejected event is no member (membersByKey leaves it out): its incident is cut again without it
    await refreshIncidents(trx, await membersByKey(trx, [review.target]), await incidentsOf(trx, [review.target]));
    return String(id);
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
    if (r.field !== STATUS_FIELD) records.set(r.target, setField(record, r.field, r.after));
    applied.push(r.id);
  }
  for (const key of targets) {
    const record = records.get(key);
    const status = reviewStatus(reviews.filter((r) => r.target === key));
    if (record) await rewriteEvent(db, key, record, status);
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
