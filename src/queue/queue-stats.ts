/** What `rasd status` shows: queue depth per queue, jobs done lately, failures with their reasons. */
import { type Kysely, sql } from 'kysely';
import type { Schema } from '../store/schema.js';
import { QUEUES, type QueueName } from './jobs.js';
import { queueDb } from './schema.js';

export interface QueueDepth {
  queue: string;
  created: number;
  retry: number;
  active: number;
  failed: number;
  completedLastMinute: number;
  completedLastHour: number;
}

export interface QueueStatus {
  installed: boolean;
  queues: QueueDepth[];
  failures: {
    total: number;
    byQueue: Record<string, number>;
    recent: { queue: string; ref: string; reason: string; attempts: number; at: Date }[];
  };
  documents: number;
  events: number;
  incidents: number;
  unfused: number;
  feeds: number;
}

async function hasQueue(db: Kysely<Schema>): Promise<boolean> {
  const r = await sql<{ t: string | null }>`select to_regclass('pgboss.job')::text as t`.execute(db);
  return r.rows[0]?.t != null;
}

/** Jobs of the pipeline waiting, running or due for a retry. */
export async function pendingJobs(db: Kysely<Schema>): Promise<number> {
  const r = await sql<{ n: string }>`
    select count(*) as n from pgboss.job where name = any(${[...QUEUES]}::text[]) and state < 'completed'
  `.execute(db);
  return Number(r.rows[0].n);
}

/** Jobs of each queue waiting (created), due for a retry, and running; null where pg-boss is not installed. */
export async function queueDepths(
  db: Kysely<Schema>,
): Promise<Record<QueueName, { created: number; retry: number; active: number }> | null> {
  if (!(await hasQueue(db))) return null;
  const depth = Object.fromEntries(QUEUES.map((q) => [q, { created: 0, retry: 0, active: 0 }])) as Record<
    QueueName,
    { created: number; retry: number; active: number }
  >;
  const r = await sql<{ name: string; state: 'created' | 'retry' | 'active'; n: string }>`
    select name, state::text as state, count(*) as n from pgboss.job
    where name = any(${[...QUEUES]}::text[]) and state < 'completed' group by name, state
  `.execute(db);
  for (const row of r.rows) depth[row.name as QueueName][row.state] += Number(row.n);
  return depth;
}

/** Jobs that failed for good, by queue (job_failures). */
export async function failuresByQueue(db: Kysely<Schema>): Promise<Record<string, number>> {
  const rows = await queueDb(db)
    .selectFrom('job_failures')
    .select(['queue', sql<string>`count(*)`.as('n')])
    .groupBy('queue')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.queue, Number(r.n)]));
}

const count = async (db: Kysely<Schema>, query: ReturnType<typeof sql<{ n: string }>>) =>
  Number((await query.execute(db)).rows[0].n);

export async function queueStatus(db: Kysely<Schema>, recent = 20): Promise<QueueStatus> {
  const installed = await hasQueue(db);
  const depth = new Map<string, QueueDepth>(
    QUEUES.map((q) => [
      q,
      { queue: q, created: 0, retry: 0, active: 0, failed: 0, completedLastMinute: 0, completedLastHour: 0 },
    ]),
  );
  if (installed) {
    const states = await sql<{ name: string; state: string; n: string }>`
      select name, state::text, count(*) as n from pgboss.job group by name, state
    `.execute(db);
    for (const r of states.rows) {
      const d = depth.get(r.name);
      if (d && (r.state === 'created' || r.state === 'retry' || r.state === 'active' || r.state === 'failed'))
        d[r.state] += Number(r.n);
    }
    // done jobs stay in pgboss.job until their queue's deleteAfterSeconds (7 days) has passed
    const done = await sql<{ name: string; minute: string; hour: string }>`
      select name, count(*) filter (where completed_on > now() - interval '1 minute') as minute, count(*) as hour
      from pgboss.job where state = 'completed' and completed_on > now() - interval '1 hour'
      group by name
    `.execute(db);
    for (const r of done.rows) {
      const d = depth.get(r.name);
      if (d) {
        d.completedLastMinute = Number(r.minute);
        d.completedLastHour = Number(r.hour);
      }
    }
  }
  const byQueue = await failuresByQueue(db);
  const rows = await queueDb(db)
    .selectFrom('job_failures')
    .select(['queue', 'ref', 'reason', 'attempts', 'failed_at'])
    .orderBy('failed_at', 'desc')
    .orderBy('ref')
    .limit(recent)
    .execute();
  return {
    installed,
    queues: [...depth.values()],
    failures: {
      total: Object.values(byQueue).reduce((n, k) => n + k, 0),
      byQueue,
      recent: rows.map((r) => ({
        queue: r.queue,
        ref: r.ref,
        reason: r.reason,
        attempts: r.attempts,
        at: r.failed_at,
      })),
    },
    documents: await count(db, sql`select count(*) as n from documents`),
    events: await count(db, sql`select count(*) as n from events`),
    incidents: await count(db, sql`select count(*) as n from incidents`),
    unfused: await count(db, sql`select count(*) as n from events where not fused`),
    feeds: await count(db, sql`select count(*) as n from feeds`),
  };
}
