/** What every step handler works with, and what it answers for each job. */
import type { Kysely } from 'kysely';
import type { JobWithMetadata, PgBoss } from 'pg-boss';
import type { ExtractPool } from '../store/extract-pool.js';
import type { Schema } from '../store/schema.js';
import { type JobData, jobId, type QueueName } from './jobs.js';

export interface StepContext {
  db: Kysely<Schema>;
  boss: PgBoss;
  pool: ExtractPool;
  allowPrivate: boolean;
  /** per fetch, redirects included */
  fetchTimeoutMs: number;
  maxBytes: number;
}

/** done; failed for good (recorded, not retried); or failed for now (retried with backoff, then dead-lettered) */
export type JobResult = { ok: true } | { permanent: string } | { retry: string };

export const OK: JobResult = { ok: true };

export type StepHandler<T extends JobData = JobData> = (
  ctx: StepContext,
  jobs: JobWithMetadata<T>[],
) => Promise<Map<string, JobResult>>;

/** Sends the next step's jobs, each under the id its step and key give (a repeat inserts nothing). */
export async function sendJobs(boss: PgBoss, step: QueueName, jobs: { key: string; data: JobData }[]): Promise<void> {
  for (let i = 0; i < jobs.length; i += 500) {
    await boss.insert(
      step,
      jobs.slice(i, i + 500).map((j) => ({ id: jobId(step, j.key), data: j.data })),
    );
  }
}

/** Asks for a fusion of whatever is stored and not fused yet (at most one waits: the queue is 'stately'). */
export async function requestFusion(boss: PgBoss): Promise<void> {
  await boss.send('fuse', { step: 'fuse', ref: 'incidents' }, { singletonKey: 'incidents' });
}
