/**
 * Migration 0004 (workers on PostgreSQL, issue 8): the feeds polled on a schedule, with the validators of their
 * last answer, and the jobs that failed for good, with the reason. The job queue itself is pg-boss's own schema.
 */
import { type Kysely, type Migration, sql } from 'kysely';

export const queueTables: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`
      create table feeds (
        url text primary key,
        every_seconds integer not null,
        etag text,
        last_modified text,
        next_poll_at timestamptz not null default now(),
        polled_at timestamptz,
        last_status text,
        added_at timestamptz not null default now()
      );
      create index feeds_due on feeds (next_poll_at);

      -- one row per step and input: a retried job that fails again updates its row
      create table job_failures (
        queue text not null,
        ref text not null,
        reason text not null,
        attempts integer not null default 1,
        failed_at timestamptz not null default now(),
        primary key (queue, ref)
      );
      create index job_failures_at on job_failures (failed_at);
    `.execute(db);
  },
};
