/**
 * `rasd worker`: takes jobs from every queue of the pipeline, a batch at a time, and answers each one: done,
 * failed for good (recorded in job_failures), or failed for now (pg-boss retries it later, with backoff, and
 * dead-letters it after the last try). Also polls the feeds that are due.
 */
import type PgBoss from 'pg-boss';
import { DEFAULT_MAX_DOC_BYTES } from '../ingest/read.js';
import { type ExtractPool, inlinePool, workerPool } from '../store/extract-pool.js';
import { openStore, redact, type Store } from '../store/open.js';
import { openQueue, type QueueSettings } from './boss.js';
import type { JobResult, StepContext, StepHandler } from './context.js';
import { recordDeadLetters } from './dead-letter.js';
import { reasonOf, recordFailures } from './failures.js';
import { takeDueFeeds } from './feeds.js';
import { fetchArticle, fetchFeed } from './fetch-steps.js';
import { type JobData, jobId, type QueueName } from './jobs.js';
import { pendingJobs } from './queue-stats.js';
import { extractStep, fuseStep, storeStep } from './store-steps.js';

export interface WorkerOptions extends QueueSettings {
  db: string;
  /** extraction threads, and the multiplier of the loops per queue (default 1: extraction inline) */
  concurrency?: number;
  allowPrivate?: boolean;
  /** stop once no job is waiting, running or due for a retry (the dead worker's jobs included) */
  untilIdle?: boolean;
  /** how long an empty queue is left before asking again (default 500 ms) */
  pollMs?: number;
  log?: (line: string) => void;
}

export interface WorkerSummary {
  done: Record<string, number>;
  failed: number;
  retried: number;
}

interface Loop {
  queue: QueueName;
  batchSize: number;
  handler: StepHandler;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class Worker {
  readonly summary: WorkerSummary = { done: {}, failed: 0, retried: 0 };
  private stopping = false;
  private readonly running: Promise<void>[] = [];

  private constructor(
    private readonly store: Store,
    private readonly boss: PgBoss,
    private readonly pool: ExtractPool,
    private readonly ctx: StepContext,
    private readonly opts: WorkerOptions,
  ) {}

  static async start(opts: WorkerOptions): Promise<Worker> {
    const store = await openStore(opts.db);
    if (store.target.kind !== 'postgres') {
      await store.close();
      throw new Error('rasd worker needs a PostgreSQL store (--db postgres://…); rasd ingest needs no queue');
    }
    let boss: PgBoss;
    try {
      boss = await openQueue(opts.db, opts);
    } catch (e) {
      await store.close();
      throw new Error(`cannot start the job queue on ${redact(opts.db)}: ${reasonOf(e)}`);
    }
    const n = Math.max(1, opts.concurrency ?? 1);
    const pool = n > 1 ? workerPool(n) : inlinePool();
    const ctx: StepContext = {
      db: store.db,
      boss,
      pool,
      allowPrivate: opts.allowPrivate ?? false,
      fetchTimeoutMs: 30_000,
      maxBytes: DEFAULT_MAX_DOC_BYTES,
    };
    const w = new Worker(store, boss, pool, ctx, opts);
    w.begin(n);
    return w;
  }

  private begin(n: number): void {
    const loops: [Loop, number][] = [
      [{ queue: 'fetch_feed', batchSize: 1, handler: fetchFeed as StepHandler }, n],
      // fetching waits on the network, not the processor
      [{ queue: 'fetch_article', batchSize: 1, handler: fetchArticle as StepHandler }, 4 * n],
      [{ queue: 'extract', batchSize: 8, handler: extractStep as StepHandler }, n],
      [{ queue: 'store', batchSize: 50, handler: storeStep as StepHandler }, 1],
      [{ queue: 'fuse', batchSize: 1, handler: fuseStep as StepHandler }, 1],
    ];
    for (const [loop, count] of loops) for (let i = 0; i < count; i++) this.running.push(this.loop(loop));
    this.running.push(this.deadLetters(), this.schedule());
    if (this.opts.untilIdle) this.running.push(this.watchIdle());
  }

  /** Resolves when the worker has stopped (stop() called, or idle with untilIdle). */
  async finished(): Promise<WorkerSummary> {
    await Promise.all(this.running);
    await this.boss.stop({ graceful: true, wait: true, close: true });
    await this.pool.close();
    await this.store.close();
    return this.summary;
  }

  /** Stops taking jobs; the batches in hand are finished. */
  stop(): void {
    this.stopping = true;
  }

  private async loop({ queue, batchSize, handler }: Loop): Promise<void> {
    const pollMs = this.opts.pollMs ?? 500;
    while (!this.stopping) {
      let jobs: PgBoss.JobWithMetadata<JobData>[];
      try {
        jobs = await this.boss.fetch<JobData>(queue, { batchSize, includeMetadata: true });
      } catch (e) {
        this.log(`${queue}: cannot fetch jobs: ${reasonOf(e)}`);
        await sleep(pollMs * 4);
        continue;
      }
      if (jobs.length === 0) {
        await sleep(pollMs);
        continue;
      }
      let results: Map<string, JobResult>;
      try {
        results = await handler(this.ctx, jobs);
      } catch (e) {
        const reason = reasonOf(e);
        results = new Map(jobs.map((j) => [j.id, { retry: reason }]));
      }
      await this.settle(queue, jobs, results).catch((e) => this.log(`${queue}: cannot settle jobs: ${reasonOf(e)}`));
    }
  }

  private async settle(
    queue: QueueName,
    jobs: PgBoss.JobWithMetadata<JobData>[],
    results: Map<string, JobResult>,
  ): Promise<void> {
    const done: string[] = [];
    const permanent: PgBoss.JobWithMetadata<JobData>[] = [];
    for (const job of jobs) {
      const r = results.get(job.id) ?? { retry: 'the step gave no answer for this job' };
      if ('ok' in r) done.push(job.id);
      else if ('permanent' in r) {
        permanent.push(job);
        this.log(`${queue} ${job.data.ref}: ${r.permanent}`);
      } else {
        this.summary.retried++;
        const last = job.retryCount >= job.retryLimit;
        this.log(`${queue} ${job.data.ref}: ${r.retry}${last ? ' (last try: dead-lettered)' : ' (will retry)'}`);
        await this.boss.fail(queue, job.id, { message: r.retry });
      }
    }
    // the reason is written before the job is closed: a crash in between retries it, and the row is upserted
    await recordFailures(
      this.ctx.db,
      permanent.map((j) => {
        const r = results.get(j.id) as { permanent: string };
        return { queue, ref: j.data.ref, reason: r.permanent, attempts: j.retryCount + 1 };
      }),
    );
    const closed = [...done, ...permanent.map((j) => j.id)];
    if (closed.length > 0) await this.boss.complete(queue, closed);
    this.summary.done[queue] = (this.summary.done[queue] ?? 0) + done.length;
    this.summary.failed += permanent.length;
  }

  private async deadLetters(): Promise<void> {
    while (!this.stopping) {
      const jobs = await this.boss
        .fetch<JobData>('dead_letter', { batchSize: 50, includeMetadata: true })
        .catch(() => []);
      if (jobs.length === 0) {
        await sleep(1000);
        continue;
      }
      try {
        await recordDeadLetters(this.ctx, jobs);
        await this.boss.complete(
          'dead_letter',
          jobs.map((j) => j.id),
        );
        this.summary.failed += jobs.length;
      } catch (e) {
        for (const j of jobs) await this.boss.fail('dead_letter', j.id, { message: reasonOf(e) });
      }
    }
  }

  /** Every few seconds: feeds that are due get a fetch_feed job (one worker takes each, see takeDueFeeds). */
  private async schedule(): Promise<void> {
    while (!this.stopping) {
      try {
        const due = await takeDueFeeds(this.ctx.db);
        if (due.length > 0) {
          await this.boss.insert(
            due.map((f) => ({
              id: jobId('fetch_feed', `${f.url}\n${f.due}`),
              name: 'fetch_feed',
              data: { step: 'fetch_feed', ref: f.url, url: f.url },
            })),
          );
        }
      } catch (e) {
        this.log(`feeds: ${reasonOf(e)}`);
      }
      await this.sleepUnlessStopping(5000);
    }
  }

  private async watchIdle(): Promise<void> {
    let idle = 0;
    while (!this.stopping) {
      await sleep(1000);
      idle = (await pendingJobs(this.ctx.db).catch(() => 1)) === 0 ? idle + 1 : 0;
      if (idle >= 3) this.stopping = true;
    }
  }

  private async sleepUnlessStopping(ms: number): Promise<void> {
    for (let t = 0; t < ms && !this.stopping; t += 250) await sleep(250);
  }

  private log(line: string): void {
    this.opts.log?.(line);
  }
}
