/**
 * HTTP as clients expect it (well-kept plugins, not code of our own): answers compressed when the client accepts it
 * (@fastify/compress: brotli, gzip; /api/incidents/points is about a tenth of its size), an ETag on every answer
 * (@fastify/etag) so that a client asking again gets a 304 while nothing changed, and reads marked to be
 * revalidated each time (`Cache-Control: no-cache`: every write may change them).
 */
import compress from '@fastify/compress';
import etag from '@fastify/etag';
import type { FastifyInstance } from 'fastify';

export function installHttpCaching(app: FastifyInstance): void {
  // the ETag is of the answer as written, before compression: registered first, its hook runs first
  app.register(etag);
  app.register(compress, { threshold: 1024 });
  app.addHook('onSend', async (req, reply, payload) => {
    if (req.method === 'GET' && req.url.startsWith('/api/') && !reply.hasHeader('cache-control'))
      reply.header('cache-control', 'no-cache');
    return payload;
  });
}
