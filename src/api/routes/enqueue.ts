/**
 * POST /api/enqueue (a PostgreSQL store): documents and URLs handed to the workers (`rasd worker`) as jobs, as
 * `rasd enqueue` does, answered at once (202) with what was queued; the workers extract, store and fuse. Bodies as
 * POST /api/ingest takes them, and `{ "urls": [...] }`.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { InputItem } from '../../sources/item.js';
import { isUrl } from '../../sources/web.js';
import type { ApiContext } from '../context.js';
import { badRequest, HttpError } from '../errors.js';
import { bodyDocuments, bodyUrl } from './ingest.js';

const SHAPES =
  'JSONL documents (Content-Type: application/x-ndjson), { "documents": [...] }, { "url": "https://…" } or { "urls": [...] }';

function bodyUrls(body: unknown): string[] | null {
  const one = bodyUrl(body);
  if (one !== null) return [one];
  const o = (typeof body === 'object' && body !== null && !Buffer.isBuffer(body) ? body : {}) as { urls?: unknown };
  if (!Array.isArray(o.urls)) return null;
  o.urls.forEach((u, i) => {
    if (typeof u !== 'string' || !isUrl(u))
      throw badRequest(`body field "urls.${i}": ${JSON.stringify(u)} is not an http(s) URL`);
  });
  return o.urls as string[];
}

/** A document is known by its id in the workers' logs and failures ('line 3' says little once queued). */
async function* byId(items: AsyncIterable<InputItem>): AsyncGenerator<InputItem> {
  for await (const item of items) yield !item.error && item.doc?.id ? { ...item, ref: item.doc.id } : item;
}

export function enqueueRoutes(app: FastifyInstance, ctx: ApiContext): void {
  app.post(
    '/api/enqueue',
    {
      bodyLimit: ctx.ingestLimit,
      schema: {
        summary: 'Queue documents, feed and article URLs for the workers (PostgreSQL store); answered at once',
        tags: ['ingest'],
        consumes: ['application/x-ndjson', 'application/json'],
      },
    },
    async (req, reply) => {
      const opening = ctx.queue.get();
      if (!opening) {
        throw new HttpError(
          409,
          'the job queue needs a PostgreSQL store (rasd serve --db postgres://…); on an embedded store use POST /api/ingest',
        );
      }
      const urls = bodyUrls(req.body);
      const items = urls ? null : bodyDocuments(req.body, SHAPES);
      const { enqueueItems, enqueueUrls } = await import('../../queue/enqueue.js');
      const boss = await opening;
      // names this request's jobs apart from every other's (the same lines sent again are queued again)
      const stamp = `${new Date().toISOString()} ${randomUUID()}`;
      if (urls) {
        await enqueueUrls(boss, urls, stamp);
        return reply.status(202).send({ urls: urls.length, documents: 0, failed: [] });
      }
      const s = await enqueueItems(boss, byId(items!), stamp);
      return reply.status(202).send({
        urls: 0,
        documents: s.documents,
        failed: s.unreadable.map((u) => ({ item: u.ref, reason: u.reason })),
      });
    },
  );
}
