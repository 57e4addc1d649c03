/**
 * Answers to API reads kept until the next write. Embedded PGlite runs each query on the event loop, one at a
 * time, so a hundred clients asking for the same views would queue behind each other's queries; since only this
 * process may open an embedded store (its lock), every write goes through here and clearing the cache on each one
 * keeps every answer current. A PostgreSQL store may be written by other processes: no cache there.
 */
import type { FastifyInstance } from 'fastify';

interface Cached {
  contentType: string;
  body: string | Buffer;
}

const MAX_ENTRIES = 2000;
const MAX_BYTES = 64 * 1024 * 1024;
const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function installReadCache(app: FastifyInstance): void {
  const cache = new Map<string, Cached>();
  let bytes = 0;
  let generation = 0;
  const clear = () => {
    cache.clear();
    bytes = 0;
    generation++;
  };

  app.addHook('onRequest', async (req, reply) => {
    if (WRITES.has(req.method)) {
      // before the write, so no read started earlier can store an answer from before it
      clear();
      return;
    }
    // health says what is true now (warm, the workers), which no write changes
    if (req.method !== 'GET' || !req.url.startsWith('/api/') || req.url.startsWith('/api/health')) return;
    const hit = cache.get(req.url);
    if (!hit) {
      (req as { cacheGeneration?: number }).cacheGeneration = generation;
      return;
    }
    // most recently used last, so the oldest is evicted first
    cache.delete(req.url);
    cache.set(req.url, hit);
    reply.header('x-rasd-cache', 'hit').type(hit.contentType);
    return reply.send(hit.body);
  });

  app.addHook('onSend', async (req, reply, payload) => {
    // and after it, for reads that ran while it did (a refused write changed nothing)
    if (WRITES.has(req.method) && (reply.statusCode < 400 || reply.statusCode >= 500)) clear();
    const started = (req as { cacheGeneration?: number }).cacheGeneration;
    if (started === undefined || started !== generation || reply.statusCode !== 200) return payload;
    if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload;
    // JSON answers only: a file (an export) has headers of its own a stored body would lose
    const contentType = String(reply.getHeader('content-type') ?? '');
    if (!contentType.startsWith('application/json')) return payload;
    const size = Buffer.byteLength(payload);
    if (size > MAX_BYTES / 8) return payload;
    cache.set(req.url, { contentType, body: payload });
    bytes += size;
    for (const [k, v] of cache) {
      if (cache.size <= MAX_ENTRIES && bytes <= MAX_BYTES) break;
      cache.delete(k);
      bytes -= Buffer.byteLength(v.body);
    }
    return payload;
  });
}
