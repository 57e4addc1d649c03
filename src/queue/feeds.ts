/** Feeds polled on a schedule: each with its interval and the validators (ETag, Last-Modified) of its last answer. */
import { type Kysely, sql } from 'kysely';
import type { Schema } from '../store/schema.js';
import { queueDb } from './schema.js';

export interface Validators {
  etag: string | null;
  lastModified: string | null;
}

/** '15m', '2h', '90s', '1d' → seconds. */
export function parseEvery(value: string): number {
  const m = /^\s*(\d+)\s*(s|m|h|d)?\s*$/i.exec(value);
  if (!m) throw new Error(`--every must be a duration like 15m, 2h or 90s, not "${value}"`);
  const unit = { s: 1, m: 60, h: 3600, d: 86_400 }[(m[2] ?? 'm').toLowerCase() as 's' | 'm' | 'h' | 'd'];
  const seconds = Number(m[1]) * unit;
  if (seconds < 10) throw new Error(`--every must be at least 10 seconds, not "${value}"`);
  return seconds;
}

/** Adds a feed, or changes its interval; it is polled at once. */
export async function addFeed(db: Kysely<Schema>, url: string, everySeconds: number): Promise<void> {
  await queueDb(db)
    .insertInto('feeds')
    .values({ url, every_seconds: everySeconds, next_poll_at: sql`now()` as unknown as Date })
    .onConflict((oc) => oc.column('url').doUpdateSet({ every_seconds: everySeconds, next_poll_at: sql`now()` }))
    .execute();
}

export async function removeFeed(db: Kysely<Schema>, url: string): Promise<boolean> {
  const r = await queueDb(db).deleteFrom('feeds').where('url', '=', url).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

export async function listFeeds(db: Kysely<Schema>) {
  return queueDb(db).selectFrom('feeds').selectAll().orderBy('url').execute();
}

/**
 * The feeds due now, each moved to its next slot in the same statement, so of several workers looking at once
 * only one takes a feed (`skip locked`). Returns each with the slot it was due at (names the poll's job).
 */
export async function takeDueFeeds(db: Kysely<Schema>): Promise<{ url: string; due: string }[]> {
  const r = await sql<{ url: string; due: Date }>`
    with due as (
      select url, next_poll_at from feeds where next_poll_at <= now() order by next_poll_at limit 100
      for update skip locked
    )
    update feeds f set next_poll_at = now() + make_interval(secs => f.every_seconds)
    from due where f.url = due.url
    returning f.url, due.next_poll_at as due
  `.execute(db);
  return r.rows.map((row) => ({ url: row.url, due: new Date(row.due).toISOString() }));
}

export async function validatorsOf(db: Kysely<Schema>, url: string): Promise<Validators | null> {
  const row = await queueDb(db)
    .selectFrom('feeds')
    .select(['etag', 'last_modified'])
    .where('url', '=', url)
    .executeTakeFirst();
  return row ? { etag: row.etag, lastModified: row.last_modified } : null;
}

/** After a poll: the new validators (a 304 keeps the old ones) and what the answer was. */
export async function recordPoll(
  db: Kysely<Schema>,
  url: string,
  status: string,
  validators: Validators | null,
): Promise<void> {
  await queueDb(db)
    .updateTable('feeds')
    .set({
      polled_at: sql`now()`,
      last_status: status,
      ...(validators ? { etag: validators.etag, last_modified: validators.lastModified } : {}),
    })
    .where('url', '=', url)
    .execute();
}
