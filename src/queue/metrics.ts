/**
 * Prometheus metrics of the job queue, shared by `rasd serve` (on a PostgreSQL store) and `rasd worker`: the jobs
 * of each queue by state, and the jobs that failed for good by queue, read from the database when scraped.
 */
import type { Kysely } from 'kysely';
import { Gauge, type Registry } from 'prom-client';
import type { Schema } from '../store/schema.js';
import { failuresByQueue, queueDepths } from './queue-stats.js';

/** Registers `rasd_queue_jobs{queue,state}` and `rasd_job_failures{queue}` on `registry`, read from `db`. */
export function registerQueueGauges(registry: Registry, db: Kysely<Schema>): void {
  new Gauge({
    name: 'rasd_queue_jobs',
    help: 'Jobs in the queue by state: created (waiting), retry (waiting for a retry), active (running)',
    labelNames: ['queue', 'state'] as const,
    registers: [registry],
    async collect() {
      this.reset();
      const depth = await queueDepths(db);
      for (const [queue, states] of Object.entries(depth ?? {})) {
        for (const [state, n] of Object.entries(states)) this.set({ queue, state }, n);
      }
    },
  });
  new Gauge({
    name: 'rasd_job_failures',
    help: 'Jobs that failed for good (job_failures), by queue: one per step and input, however often tried',
    labelNames: ['queue'] as const,
    registers: [registry],
    async collect() {
      this.reset();
      for (const [queue, n] of Object.entries(await failuresByQueue(db))) this.set({ queue }, n);
    },
  });
}
