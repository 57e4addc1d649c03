/** The commands of the job queue on PostgreSQL: worker, enqueue, feeds, status. */
/** (Each action imports the queue, the store and pg-boss when it runs: `rasd --help` loads none of them.) */
import { type Command, Option } from 'commander';
import { DEFAULT_SETTINGS } from '../queue/settings.js';
import type { Store } from '../store/open.js';
import { intOption, UsageError } from './usage.js';

const int = intOption(0);

async function postgresUrl(db?: string): Promise<string> {
  const { resolveTarget } = await import('../store/open.js');
  const target = resolveTarget(db);
  if (target.kind !== 'postgres') {
    throw new UsageError(
      'the job queue lives in PostgreSQL: give --db postgres://… (or RASD_DB); rasd ingest needs none',
    );
  }
  return target.url;
}

async function withStore<T>(db: string, fn: (store: Store) => Promise<T>): Promise<T> {
  const { openStore } = await import('../store/open.js');
  const store = await openStore(db);
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

interface WorkerCliOptions {
  db?: string;
  concurrency: number;
  allowPrivate?: boolean;
  untilIdle?: boolean;
  retryLimit: number;
  retryDelay: number;
  jobTimeout: number;
  metricsPort?: number;
  metricsHost: string;
}

export function addQueueCommands(program: Command, dbHelp: string): void {
  const dbOption = ['--db <store>', `${dbHelp}; PostgreSQL only`] as const;

  program
    .command('worker')
    .description('process the job queue in PostgreSQL: fetch feeds and articles, extract, store, fuse; Ctrl-C stops')
    .option(...dbOption)
    .option('--concurrency <n>', 'extraction threads (and loops per queue)', int, 1)
    .option('--allow-private', 'fetch URLs on loopback, private and link-local addresses too (refused by default)')
    .option('--until-idle', 'stop once no job is waiting, running or due for a retry')
    .option('--retry-limit <n>', 'retries of a failed job before it is dead-lettered', int, DEFAULT_SETTINGS.retryLimit)
    .option('--retry-delay <s>', 'seconds before the first retry, doubled each time', int, DEFAULT_SETTINGS.retryDelay)
    .option('--job-timeout <s>', 'a job running longer is taken for dead and retried', int, DEFAULT_SETTINGS.jobTimeout)
    .addOption(
      new Option('--metrics-port <n>', 'serve GET /health and GET /metrics (Prometheus) on this port (0: any free one)')
        .env('RASD_METRICS_PORT')
        .argParser(intOption(0, 65535)),
    )
    .addOption(
      new Option('--metrics-host <address>', 'address of the metrics listener (0.0.0.0: every interface)')
        .env('RASD_METRICS_HOST')
        .default('127.0.0.1'),
    )
    .action(async (opts: WorkerCliOptions) => {
      const url = await postgresUrl(opts.db);
      const { Worker } = await import('../queue/worker.js');
      const { redact } = await import('../store/open.js');
      const worker = await Worker.start({
        db: url,
        concurrency: opts.concurrency,
        allowPrivate: opts.allowPrivate,
        untilIdle: opts.untilIdle,
        retryLimit: opts.retryLimit,
        retryDelay: opts.retryDelay,
        jobTimeout: opts.jobTimeout,
        log: (line) => process.stderr.write(`rasd worker: ${line}\n`),
      });
      process.stderr.write(`rasd worker: pid ${process.pid} working on ${redact(url)} (worker ${worker.id})\n`);
      let monitor: { url: string; close(): Promise<void> } | null = null;
      if (opts.metricsPort !== undefined) {
        const { startMonitor } = await import('../queue/monitor.js');
        try {
          monitor = await startMonitor(worker, opts.metricsPort, opts.metricsHost);
        } catch (e) {
          worker.stop();
          await worker.finished();
          throw e;
        }
        process.stderr.write(`rasd worker: health and metrics at ${monitor.url}/health, ${monitor.url}/metrics\n`);
      }
      const stop = () => {
        process.stderr.write('rasd worker: stopping after the jobs in hand\n');
        worker.stop();
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      const s = await worker.finished();
      await monitor?.close();
      const done = Object.entries(s.done)
        .map(([q, n]) => `${q} ${n}`)
        .join(', ');
      process.stderr.write(
        `rasd worker: done ${done || 'nothing'}; ${s.failed} failed for good, ${s.retried} retried\n`,
      );
    });

  program
    .command('enqueue')
    .description('queue feed and article URLs, JSONL files and folders for the workers')
    .argument('<sources...>', 'URLs, files or folders')
    .option(...dbOption)
    .action(async (sources: string[], opts: { db?: string }) => {
      const url = await postgresUrl(opts.db);
      const { openQueue } = await import('../queue/boss.js');
      const { enqueueSources } = await import('../queue/enqueue.js');
      await withStore(url, async (store) => {
        const boss = await openQueue(url, { role: 'client' });
        try {
          const s = await enqueueSources(store, boss, sources);
          process.stderr.write(
            `rasd enqueue: ${s.urls} URLs, ${s.documents} documents queued; ${s.unreadable} unreadable (see rasd status)\n`,
          );
        } finally {
          await boss.stop({ graceful: false, close: true });
        }
      });
    });

  const feeds = program.command('feeds').description('feeds the workers poll on a schedule');
  feeds
    .command('add')
    .argument('<url>', 'RSS or Atom feed URL')
    .option(...dbOption)
    .option('--every <interval>', 'how often: 90s, 15m, 2h, 1d', '15m')
    .action(async (url: string, opts: { db?: string; every: string }) => {
      const { addFeed, parseEvery } = await import('../queue/feeds.js');
      const seconds = parseEvery(opts.every);
      await withStore(await postgresUrl(opts.db), (store) => addFeed(store.db, url, seconds));
      process.stderr.write(`rasd feeds: ${url} every ${seconds} s\n`);
    });
  feeds
    .command('remove')
    .argument('<url>', 'feed URL')
    .option(...dbOption)
    .action(async (url: string, opts: { db?: string }) => {
      const { removeFeed } = await import('../queue/feeds.js');
      const removed = await withStore(await postgresUrl(opts.db), (store) => removeFeed(store.db, url));
      process.stderr.write(`rasd feeds: ${removed ? 'removed' : 'not a polled feed:'} ${url}\n`);
    });
  feeds
    .command('list')
    .option(...dbOption)
    .action(async (opts: { db?: string }) => {
      const { listFeeds } = await import('../queue/feeds.js');
      const rows = await withStore(await postgresUrl(opts.db), (store) => listFeeds(store.db));
      for (const f of rows) {
        const polled = f.polled_at ? new Date(f.polled_at).toISOString() : 'never';
        process.stdout.write(`${f.url}\tevery ${f.every_seconds} s\tpolled ${polled}\t${f.last_status ?? ''}\n`);
      }
    });

  program
    .command('status')
    .description('the job queue: depth per queue, jobs done in the last minute and hour, failures with reasons')
    .option(...dbOption)
    .option('--json', 'print JSON')
    .option('--failures <n>', 'how many recent failures to list', int, 20)
    .action(async (opts: { db?: string; json?: boolean; failures: number }) => {
      const url = await postgresUrl(opts.db);
      const { queueStatus } = await import('../queue/queue-stats.js');
      const { formatStatus } = await import('./status.js');
      const status = await withStore(url, (store) => queueStatus(store.db, opts.failures));
      process.stdout.write(opts.json ? `${JSON.stringify(status, null, 2)}\n` : formatStatus(status));
    });
}
