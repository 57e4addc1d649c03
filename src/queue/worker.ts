/**
 * `rasd worker`: takes jobs from every queue of the pipeline, a batch at a time, and answers each one: done,
 * failed for good (recorded in job_failures), or failed for now (pg-boss retries it later, with backoff, and
 * dead-letters it after the last try). Also polls the feeds that are due.
 */
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { JobWithMetadata, PgBoss } from 'pg-boss';
import { Counter, collectDefaultMetrics, Gauge, Registry } from 'prom-client';
import { DEFAULT_MAX_DOC_BYTES } from '../sources/read.js';
import { type ExtractPool, inlinePool, workerPool } from '../store/extract-pool.js';
import { openStore, redact, type Store } from '../store/open.js';
import { openQueue, type QueueSettings } from './boss.js';
import type { JobResult, StepContext, StepHandler } from './context.js';
import { recordDeadLetters } from './dead-letter.js';
import { reasonOf, recordFailures } from './failures.js';
import { takeDueFeeds } from './feeds.js';
import { fetchArticle, fetchFeed } from './fetch-steps.js';
import { type JobData, jobId, type QueueName } from './jobs.js';
import { registerQueueGauges } from './metrics.js';
import { pendingJobs } from './queue-stats.js';
import { beat, HEARTBEAT_MS, markStopped, registerWorker, WORKER_WINDOW_SECONDS } from './registry.js';
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
  /** how often the worker's row in `workers` is brought up to date when nothing else does (default 5 s) */
  heartbeatMs?: number;
  log?: (line: string) => void;
}

/** What a worker's /health answers. */
export interface WorkerHealth {
  ok: boolean;
  id: string;
  host: string;
  pid: number;
  started: string;
  /** the last heartbeat the database took; null before the first */
  lastHeartbeat: string | null;
  jobsDone: number;
  jobsFailed: number;
  stopping: boolean;
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
  /** this worker's row in `workers` */
  readonly id = randomUUID();
  readonly started = new Date();
  /** Prometheus metrics: jobs done and failed, queue depth, up (see monitor.ts) */
  readonly metrics = new Registry();
  private stopping = false;
  private readonly running: Promise<void>[] = [];
  private lastBeat: Date | null = null;
  private beating: Promise<void> | null = null;
  private readonly doneCounter: Counter<'queue'>;
  private readonly failedCounter: Counter<'queue' | 'kind'>;
  private readonly up: Gauge;

  private constructor(
    private readonly store: Store,
    private readonly boss: PgBoss,
    private readonly pool: ExtractPool,
    private readonly ctx: StepContext,
    private readonly opts: WorkerOptions,
  ) {
    const registers = [this.metrics];
    collectDefaultMetrics({ register: this.metrics });
    this.up = new Gauge({ name: 'rasd_worker_up', help: '1 while the worker takes jobs, 0 once it stops', registers });
    this.up.set(1);
    this.doneCounter = new Counter({
      name: 'rasd_worker_jobs_done_total',
      help: 'Jobs this worker did, by queue',
      labelNames: ['queue'],
      registers,
    });
    this.failedCounter = new Counter({
      name: 'rasd_worker_jobs_failed_total',
      help: 'Jobs that failed in this worker, by queue and kind: permanent (recorded, not retried), retry (to be tried again), dead_letter (out of retries, recorded)',
      labelNames: ['queue', 'kind'],
      registers,
    });
    const lastBeat: Gauge = new Gauge({
      name: 'rasd_worker_last_heartbeat_seconds',
      help: "When the database last took this worker's heartbeat (Unix time, seconds)",
      registers,
      collect: () => {
        if (this.lastBeat) lastBeat.set(this.lastBeat.getTime() / 1000);
      },
    });
    registerQueueGauges(this.metrics, store.db);
  }

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
    try {
      await registerWorker(store.db, w.id);
    } catch (e) {
      await boss.stop({ graceful: false, close: true });
      await pool.close();
      await store.close();
      throw new Error(`cannot register the worker in ${redact(opts.db)}: ${reasonOf(e)}`);
    }
    w.lastBeat = new Date();
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
    this.running.push(this.deadLetters(), this.schedule(), this.heartbeat());
    if (this.opts.untilIdle) this.running.push(this.watchIdle());
  }

  /** Resolves when the worker has stopped (stop() called, or idle with untilIdle). */
  async finished(): Promise<WorkerSummary> {
    await Promise.all(this.running);
    this.up.set(0);
    await this.beating;
    await markStopped(this.store.db, this.id, this.tally()).catch((e) =>
      this.log(`cannot mark the worker stopped: ${reasonOf(e)}`),
    );
    await this.boss.stop({ graceful: true, close: true });
    await this.pool.close();
    await this.store.close();
    return this.summary;
  }

  /** Stops taking jobs; the batches in hand are finished. */
  stop(): void {
    this.stopping = true;
  }

  /** Jobs done and failed for good so far. */
  tally(): { done: number; failed: number } {
    return { done: Object.values(this.summary.done).reduce((a, b) => a + b, 0), failed: this.summary.failed };
  }

  /** Alive: taking jobs, and its heartbeat reached the database within the window the API lists workers in. */
  health(): WorkerHealth {
    const t = this.tally();
    const fresh = this.lastBeat !== null && Date.now() - this.lastBeat.getTime() < WORKER_WINDOW_SECONDS * 1000;
    return {
      ok: fresh && !this.stopping,
      id: this.id,
      host: hostname(),
      pid: process.pid,
      started: this.started.toISOString(),
      lastHeartbeat: this.lastBeat?.toISOString() ?? null,
      jobsDone: t.done,
      jobsFailed: t.failed,
      stopping: this.stopping,
    };
  }

  /** Writes the heartbeat now, unless one is being written (then waits for that one). */
  private beatNow(): Promise<void> {
    this.beating ??= beat(this.store.db, this.id, this.tally())
      .then(
        () => {
          this.lastBeat = new Date();
        },
        (e) => this.log(`heartbeat: ${reasonOf(e)}`),
      )
      .finally(() => {
        this.beating = null;
      });
    return this.beating;
  }

  private async heartbeat(): Promise<void> {
    const every = this.opts.heartbeatMs ?? HEARTBEAT_MS;
    while (!this.stopping) {
      await this.sleepUnlessStopping(every);
      if (!this.stopping) await this.beatNow();
    }
  }

  private async loop({ queue, batchSize, handler }: Loop): Promise<void> {
    const pollMs = this.opts.pollMs ?? 500;
    while (!this.stopping) {
      let jobs: JobWithMetadata<JobData>[];
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
    jobs: JobWithMetadata<JobData>[],
    results: Map<string, JobResult>,
  ): Promise<void> {
    const done: string[] = [];
    const permanent: JobWithMetadata<JobData>[] = [];
    for (const job of jobs) {
      const r = results.get(job.id) ?? { retry: 'the step gave no answer for this job' };
      if ('ok' in r) done.push(job.id);
      else if ('permanent' in r) {
        permanent.push(job);
        this.log(`${queue} ${job.data.ref}: ${r.permanent}`);
      } else {
        this.summary.retried++;
        this.failedCounter.inc({ queue, kind: 'retry' });
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
    if (done.length > 0) this.doneCounter.inc({ queue }, done.length);
    if (permanent.length > 0) this.failedCounter.inc({ queue, kind: 'permanent' }, permanent.length);
    // after each batch, at most about once a second
    if (!this.lastBeat || Date.now() - this.lastBeat.getTime() >= 1000) await this.beatNow();
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
        for (const j of jobs) this.failedCounter.inc({ queue: j.data.step, kind: 'dead_letter' });
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
            'fetch_feed',
            due.map((f) => ({
              id: jobId('fetch_feed', `${f.url}\n${f.due}`),
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
