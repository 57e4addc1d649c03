/**
 * The workers of a PostgreSQL store, each with its heartbeat: a `rasd worker` adds its row when it starts, brings it
 * up to date every few seconds and after each batch of jobs (last_seen, jobs done and failed), and marks it stopped
 * when it stops. A worker whose row has not been seen for WORKER_WINDOW_SECONDS is taken for dead (killed, or its
 * machine gone): `/api/health` lists the others.
 */
import { hostname } from 'node:os';
import { type Kysely, sql } from 'kysely';
import type pg from 'pg';
import type { Schema } from '../store/schema.js';

/** How often a worker writes its heartbeat when it has nothing else to report. */
export const HEARTBEAT_MS = 5_000;

/** A worker not heard from for this long is not listed as live: three missed heartbeats. */
export const WORKER_WINDOW_SECONDS = 15;

/** Rows of workers gone this long are deleted when a worker starts. */
const FORGET_AFTER = '7 days';

/**
 * The table, in the store's schema beside feeds and job_failures. Made by the first worker (under the setup lock
 * of openQueue), so a store nobody runs workers on does not have it.
 */
export async function ensureWorkersTable(client: pg.Client): Promise<void> {
  await client.query(`
    create table if not exists workers (
      id uuid primary key,
      host text not null,
      pid integer not null,
      started timestamptz not null default now(),
      last_seen timestamptz not null default now(),
      jobs_done bigint not null default 0,
      jobs_failed bigint not null default 0,
      stopped timestamptz
    );
    create index if not exists workers_last_seen on workers (last_seen);
  `);
}

export interface WorkerRow {
  id: string;
  host: string;
  pid: number;
  started: string;
  lastSeen: string;
  jobsDone: number;
  jobsFailed: number;
}

export interface Tally {
  done: number;
  failed: number;
}

/** Adds this worker's row (and forgets workers gone long ago). */
export async function registerWorker(db: Kysely<Schema>, id: string): Promise<void> {
  await sql`delete from workers where last_seen < now() - ${FORGET_AFTER}::interval`.execute(db);
  await sql`insert into workers (id, host, pid) values (${id}, ${hostname()}, ${process.pid})`.execute(db);
}

/** The heartbeat: seen now, with the jobs done and failed so far. */
export async function beat(db: Kysely<Schema>, id: string, tally: Tally): Promise<void> {
  await sql`
    update workers set last_seen = now(), jobs_done = ${tally.done}, jobs_failed = ${tally.failed}
    where id = ${id}`.execute(db);
}

export async function markStopped(db: Kysely<Schema>, id: string, tally: Tally): Promise<void> {
  await sql`
    update workers set last_seen = now(), stopped = now(), jobs_done = ${tally.done}, jobs_failed = ${tally.failed}
    where id = ${id}`.execute(db);
}

/** The workers seen in the last `windowSeconds` and not stopped; [] where no worker ever ran (no table). */
export async function liveWorkers(db: Kysely<Schema>, windowSeconds = WORKER_WINDOW_SECONDS): Promise<WorkerRow[]> {
  const exists = await sql<{ t: string | null }>`select to_regclass('workers')::text as t`.execute(db);
  if (exists.rows[0]?.t == null) return [];
  const r = await sql<{
    id: string;
    host: string;
    pid: number;
    started: Date;
    last_seen: Date;
    jobs_done: string;
    jobs_failed: string;
  }>`
    select id, host, pid, started, last_seen, jobs_done, jobs_failed from workers
    where stopped is null and last_seen > now() - make_interval(secs => ${windowSeconds})
    order by started, id`.execute(db);
  return r.rows.map((w) => ({
    id: w.id,
    host: w.host,
    pid: w.pid,
    started: new Date(w.started).toISOString(),
    lastSeen: new Date(w.last_seen).toISOString(),
    jobsDone: Number(w.jobs_done),
    jobsFailed: Number(w.jobs_failed),
  }));
}
