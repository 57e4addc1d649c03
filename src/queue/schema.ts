/** The store's tables as the workers see them: the store's own, plus those of migration 0004. */
import type { ColumnType, Generated, Kysely } from 'kysely';
import type { Schema } from '../store/schema.js';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface FeedsTable {
  url: string;
  every_seconds: number;
  etag: string | null;
  last_modified: string | null;
  next_poll_at: Timestamp;
  polled_at: Timestamp | null;
  last_status: string | null;
  added_at: Generated<Date>;
}

export interface JobFailuresTable {
  queue: string;
  ref: string;
  reason: string;
  attempts: Generated<number>;
  failed_at: Generated<Date>;
}

export interface QueueSchema extends Schema {
  feeds: FeedsTable;
  job_failures: JobFailuresTable;
}

export const queueDb = (db: Kysely<Schema>) => db as unknown as Kysely<QueueSchema>;
