/** GET /api/health and /api/openapi.json */
import type { FastifyInstance } from 'fastify';
import { EXTRACTOR_VERSION } from '../../extract.js';
import { storeCounts } from '../../store/document-queries.js';
import type { ApiContext } from '../context.js';
import { openApiDocument, recordRoutes } from '../openapi.js';

/** Registers the health route and the OpenAPI route; call before the other route groups so they are recorded. */
export function healthRoutes(app: FastifyInstance, { store }: ApiContext): void {
  const routes = recordRoutes(app);
  app.get(
    '/api/health',
    { schema: { summary: "The server is up; the store's kind and counts", tags: ['health'] } },
    async () => ({
      ok: true,
      version: EXTRACTOR_VERSION,
      store: store.target.kind,
      ...(await storeCounts(store.db)),
    }),
  );
  app.get(
    '/api/openapi.json',
    { schema: { summary: 'This API as an OpenAPI 3.1 document', tags: ['health'] } },
    async () => openApiDocument(routes, EXTRACTOR_VERSION),
  );
}
