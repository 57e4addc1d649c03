/** Jobs that failed for good, with the reason: one row per step and input, however often it was tried. */
import { type Kysely, sql } from 'kysely';
import type { Schema } from '../store/schema.js';
import { queueDb } from './schema.js';

export interface Failure {
  queue: string;
  ref: string;
  reason: string;
  attempts?: number;
}

export async function recordFailures(db: Kysely<Schema>, failures: Failure[]): Promise<void> {
  if (failures.length === 0) return;
  // the same input twice in one statement would make the upsert fail
  const unique = [...new Map(failures.map((f) => [`${f.queue}\n${f.ref}`, f])).values()];
  await queueDb(db)
    .insertInto('job_failures')
    .values(unique.map((f) => ({ queue: f.queue, ref: f.ref, reason: f.reason, attempts: f.attempts ?? 1 })))
    .onConflict((oc) =>
      oc.columns(['queue', 'ref']).doUpdateSet({
        reason: (eb) => eb.ref('excluded.reason'),
        attempts: (eb) => eb.ref('excluded.attempts'),
        failed_at: sql`now()`,
      }),
    )
    .execute();
}

/** A thrown value as the one line a failure row keeps. */
export function reasonOf(e: unknown): string {
  return e instanceof Error ? e.message : typeof e === 'string' ? e : JSON.stringify(e);
}
