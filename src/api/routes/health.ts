/** GET /api/health and /api/openapi.json */
import type { FastifyInstance } from 'fastify';
import { EXTRACTOR_VERSION } from '../../extract.js';
import { queueDepths } from '../../queue/queue-stats.js';
import { liveWorkers, WORKER_WINDOW_SECONDS } from '../../queue/registry.js';
import type { ApiContext } from '../context.js';
import { errorBody } from '../errors.js';
import { openApiDocument, recordRoutes } from '../openapi.js';

const EMBEDDED =
  'an embedded store has no job queue and no workers: POST /api/ingest extracts and stores in this process';

/**
 * The server answers (ready), whether it has read an embedded store into memory yet (warm: until then the first
 * queries read from the files), what the store holds and, on PostgreSQL, the queue's depth and the workers whose
 * heartbeat reached the store lately. A store that cannot be read makes it a 503.
 */
async function health({ store, warm, counts: storeCounts }: ApiContext) {
  const base = { ready: true, warm: warm(), version: EXTRACTOR_VERSION, store: store.target.kind };
  const counts = await storeCounts();
  if (store.target.kind !== 'postgres')
    return { ok: true, ...base, ...counts, queue: null, workers: null, note: EMBEDDED };
  const [depth, live] = await Promise.all([queueDepths(store.db), liveWorkers(store.db)]);
  return {
    ok: true,
    ...base,
    ...counts,
    queue: depth ? { installed: true, jobs: depth } : { installed: false, jobs: null },
    workers: { windowSeconds: WORKER_WINDOW_SECONDS, live },
  };
}

/** Registers the health route and the OpenAPI route; call before the other route groups so they are recorded. */
export function healthRoutes(app: FastifyInstance, ctx: ApiContext): void {
  const routes = recordRoutes(app);
  app.get(
    '/api/health',
    {
      schema: {
        summary: "The server is up (ready) and warm; the store's kind and counts; the queue and the live workers",
        tags: ['health'],
      },
    },
    async (_req, reply) => {
      try {
        return await health(ctx);
      } catch (e) {
        return reply
          .status(503)
          .send({ ...errorBody(503, `the store cannot be read: ${(e as Error).message}`), ok: false, ready: true });
      }
    },
  );
  app.get(
    '/api/openapi.json',
    { schema: { summary: 'This API as an OpenAPI 3.1 document', tags: ['health'] } },
    async () => openApiDocument(routes, EXTRACTOR_VERSION),
  );
}
