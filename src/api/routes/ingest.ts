/**
 * POST /api/ingest: JSONL documents (application/x-ndjson), { "url": feed or article } or { "documents": [...] },
 * through the same Ingester as `rasd ingest`. Bad items come back in `failed` with the reason; the rest is
 * stored. Ingests run one at a time (their duplicate checks would race).
 */
import type { FastifyInstance } from 'fastify';
import type { InputItem } from '../../sources/item.js';
import { readJsonl } from '../../sources/jsonl.js';
import { DEFAULT_MAX_DOC_BYTES } from '../../sources/read.js';
import { isUrl, readUrl } from '../../sources/web.js';
import { type ExtractPool, inlinePool, workerPool } from '../../store/extract-pool.js';
import { ingestItems } from '../../store/ingest.js';
import type { ApiContext } from '../context.js';
import { badRequest } from '../errors.js';

async function* once(buf: Buffer): AsyncGenerator<Buffer> {
  yield buf;
}

async function* documentItems(documents: unknown[]): AsyncGenerator<InputItem> {
  // each document read as a JSONL line would be, so both paths give the same items and messages
  for (let i = 0; i < documents.length; i++) {
    const line = Buffer.from(`${JSON.stringify(documents[i])}\n`);
    yield* readJsonl(once(line), { refPrefix: `documents[${i}]`, label: `documents[${i}]` }, DEFAULT_MAX_DOC_BYTES);
  }
}

const SHAPES = 'JSONL documents (Content-Type: application/x-ndjson), { "url": "https://…" } or { "documents": [...] }';

/** The URL of a `{ "url": … }` body (checked), or null for the other shapes. */
export function bodyUrl(body: unknown): string | null {
  const o = (typeof body === 'object' && body !== null && !Buffer.isBuffer(body) ? body : {}) as { url?: unknown };
  if (typeof o.url !== 'string') return null;
  if (!isUrl(o.url)) throw badRequest(`body field "url": "${o.url}" is not an http(s) URL`);
  return o.url;
}

/** The documents of a JSONL body or of `{ "documents": [...] }`, each as `rasd ingest` reads a JSONL line. */
export function bodyDocuments(body: unknown, shapes = SHAPES): AsyncIterable<InputItem> {
  // fastify reads text/plain itself: it is not guessed to be JSONL
  if (typeof body === 'string') throw badRequest(`a text/plain body is not read: send ${shapes}`);
  if (Buffer.isBuffer(body)) {
    return readJsonl(once(body), { refPrefix: 'line ', label: 'body' }, DEFAULT_MAX_DOC_BYTES);
  }
  const o = (typeof body === 'object' && body !== null ? body : {}) as { documents?: unknown };
  if (Array.isArray(o.documents)) return documentItems(o.documents);
  throw badRequest(`the body must be ${shapes}`);
}

function itemsOf(body: unknown, allowPrivate: boolean): AsyncIterable<InputItem> {
  const url = bodyUrl(body);
  if (url !== null) return readUrl(url, { maxBytes: DEFAULT_MAX_DOC_BYTES, allowPrivate });
  return bodyDocuments(body);
}

export function ingestRoutes(app: FastifyInstance, ctx: ApiContext): void {
  app.addContentTypeParser(
    'application/x-ndjson',
    { parseAs: 'buffer', bodyLimit: ctx.ingestLimit },
    (_req, body, done) => done(null, body),
  );
  let queue: Promise<unknown> = Promise.resolve();
  // extraction off the event loop (a worker thread, made at the first ingest): reads stay answered meanwhile
  let pool: ExtractPool | null = null;
  app.addHook('onClose', async () => {
    await pool?.close();
  });

  app.post(
    '/api/ingest',
    {
      bodyLimit: ctx.ingestLimit,
      schema: {
        summary: 'Store documents and their events (JSONL, a feed or article URL, or a list of documents)',
        tags: ['ingest'],
        consumes: ['application/x-ndjson', 'application/json'],
      },
    },
    async (req) => {
      const items = itemsOf(req.body, ctx.allowPrivate);
      pool ??= ctx.inlineExtraction ? inlinePool() : workerPool(1);
      const using = pool;
      // an embedded store's fusion reads outside its transaction: reads are answered meanwhile
      const run = queue.then(() => ingestItems(ctx.store.db, items, { pool: using, writes: ctx.store.writes }));
      queue = run.catch(() => {});
      const s = await run;
      return {
        stored: s.new + s.failures.filter((f) => f.stored).length,
        duplicates: s.duplicate,
        failed: s.failures.map((f) => ({ item: f.id ?? f.ref, reason: f.reasons.join('; ') })),
        events: s.events,
        incidents: s.incidents,
      };
    },
  );
}
