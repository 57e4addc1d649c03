/**
 * GET /metrics: the server's metrics in Prometheus's text format. The store's documents, events and incidents and,
 * on PostgreSQL, the jobs of each queue by state, the jobs that failed for good and the live workers, all read when
 * scraped; the latency of every HTTP request by route (the route's pattern, not its URL) and status.
 */
import type { FastifyInstance } from 'fastify';
import { collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import { registerQueueGauges } from '../queue/metrics.js';
import { liveWorkers, WORKER_WINDOW_SECONDS } from '../queue/registry.js';
import type { ApiContext } from './context.js';

export interface MetricsOptions {
  /** the process's own metrics too (CPU, memory, event loop lag, …): on for `rasd serve` */
  processMetrics?: boolean;
}

export function installMetrics(
  app: FastifyInstance,
  { store, counts }: ApiContext,
  opts: MetricsOptions = {},
): Registry {
  const registry = new Registry();
  const registers = [registry];
  if (opts.processMetrics) collectDefaultMetrics({ register: registry });

  new Gauge({
    name: 'rasd_store_rows',
    help: 'Rows in the store: documents, events, incidents',
    labelNames: ['table'] as const,
    registers,
    async collect() {
      const c = await counts();
      for (const [table, n] of Object.entries(c)) this.set({ table }, n);
    },
  });

  if (store.target.kind === 'postgres') {
    const db = store.db;
    registerQueueGauges(registry, db);
    new Gauge({
      name: 'rasd_workers_live',
      help: `Workers whose heartbeat reached the store in the last ${WORKER_WINDOW_SECONDS} s`,
      registers,
      async collect() {
        this.set((await liveWorkers(db)).length);
      },
    });
  }

  const latency = new Histogram({
    name: 'rasd_http_request_duration_seconds',
    help: 'HTTP requests by method, route (its pattern) and status: how long each took to answer',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers,
  });
  app.addHook('onResponse', async (req, reply) => {
    // a URL no route matched is counted as one route, so that scanning the server cannot make new series
    const route = req.routeOptions.url ?? 'unmatched';
    latency.observe({ method: req.method, route, status: String(reply.statusCode) }, reply.elapsedTime / 1000);
  });

  app.get(
    '/metrics',
    { schema: { summary: "The server's metrics in Prometheus's text format", tags: ['health'] } },
    async (_req, reply) => {
      const text = await registry.metrics();
      return reply.type(registry.contentType).send(text);
    },
  );
  return registry;
}
