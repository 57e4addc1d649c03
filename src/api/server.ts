/** The HTTP API (the contract in api-contract.md) and the web app, as a Fastify instance that is not listening. */
import Fastify, { type FastifyInstance } from 'fastify';
import type { Store } from '../store/open.js';
import type { ApiContext } from './context.js';
import { countsOf } from './counts.js';
import { formatSchemaError, installErrorHandler } from './errors.js';
import { installHttpCaching } from './http-caching.js';
import { installInputGuards } from './input-guards.js';
import { installMetrics } from './metrics.js';
import { apiQueue } from './queue.js';
import { installReadCache } from './read-cache.js';
import { acledReadRoutes } from './routes/acled-read.js';
import { documentRoutes } from './routes/documents.js';
import { enqueueRoutes } from './routes/enqueue.js';
import { eventRoutes } from './routes/events.js';
import { exportRoutes } from './routes/export.js';
import { healthRoutes } from './routes/health.js';
import { incidentRoutes } from './routes/incidents.js';
import { ingestRoutes } from './routes/ingest.js';
import { reviewRoutes } from './routes/reviews.js';
import { installSecurity } from './security.js';
import { webRoutes } from './web.js';

export const DEFAULT_INGEST_LIMIT = 32 * 1024 * 1024;

export interface ServerOptions {
  store: Store;
  /** the built web app's folder (index.html, assets/); none: the API alone, and a page saying so at / */
  webRoot?: string;
  /** the largest POST /api/ingest body in bytes (default 32 MiB) */
  ingestLimit?: number;
  /** the token writes need (Authorization: Bearer …) */
  token: string;
  /** the largest body of any other request in bytes (default 1 MiB) */
  bodyLimit?: number;
  /** keep API reads of an embedded store until the next write (default true; the bench measures queries without) */
  readCache?: boolean;
  /** POST /api/ingest extracts on the event loop instead of a worker thread (default false) */
  inlineExtraction?: boolean;
  /** POST /api/ingest may fetch URLs on loopback, private and link-local addresses (default: refused) */
  allowPrivate?: boolean;
  /** log requests (pino, to stdout) */
  logger?: boolean;
  /** whether the store has been read into memory (default: a PostgreSQL server's is; an embedded one is not) */
  warm?: () => boolean;
  /** host names the API answers to besides IP addresses and localhost (a reverse proxy's public name) */
  allowedHosts?: readonly string[];
  /** GET /metrics has the process's own metrics too (default false; rasd serve sets it) */
  processMetrics?: boolean;
}

export function buildServer(opts: ServerOptions): FastifyInstance {
  const app = Fastify({
    logger: opts.logger ?? false,
    // event keys hold document ids, which may be whole URLs
    routerOptions: { maxParamLength: 2000 },
    schemaErrorFormatter: formatSchemaError,
    bodyLimit: opts.bodyLimit ?? 1024 * 1024,
  });
  installSecurity(app, opts.token);
  installInputGuards(app, { allowedHosts: opts.allowedHosts });
  const writes = opts.store.writes;
  if (writes && opts.readCache !== false) installReadCache(app, writes);
  const ctx: ApiContext = {
    store: opts.store,
    ingestLimit: opts.ingestLimit ?? DEFAULT_INGEST_LIMIT,
    allowPrivate: opts.allowPrivate ?? false,
    inlineExtraction: opts.inlineExtraction ?? false,
    warm: opts.warm ?? (() => opts.store.target.kind !== 'pglite'),
    queue: apiQueue(opts.store),
    counts: countsOf(app, opts.store),
  };
  app.addHook('onClose', () => ctx.queue.close());
  installErrorHandler(app, { ingest: ctx.ingestLimit });
  installHttpCaching(app);
  // the routes in a plugin registered after compression and ETags, which see only the routes added after them
  app.register(async (scope) => {
    healthRoutes(scope, ctx);
    installMetrics(scope, ctx, { processMetrics: opts.processMetrics });
    incidentRoutes(scope, ctx);
    eventRoutes(scope, ctx);
    reviewRoutes(scope, ctx);
    documentRoutes(scope, ctx);
    ingestRoutes(scope, ctx);
    enqueueRoutes(scope, ctx);
    exportRoutes(scope, ctx);
    acledReadRoutes(scope, ctx);
    webRoutes(scope, opts.webRoot);
  });
  return app;
}
