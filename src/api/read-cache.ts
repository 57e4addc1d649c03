/**
 * Answers to API reads kept until the next write. Embedded PGlite runs each query on the event loop, one at a
 * time, so a hundred clients asking for the same views would queue behind each other's queries; since only this
 * process may open an embedded store (its lock), every write goes through here and clearing the cache on each one
 * keeps every answer current. A PostgreSQL store may be written by other processes: no cache there.
 *
 * "The next write" is the next one committed (`writes`, the store's count of committed writes), not the next write
 * request: an ingest holds the store's one connection for its transactions (writing a batch, fusing it), and
 * until one commits, what any read would see is what the cache holds, so it is answered from there instead of
 * waiting for the connection. An answer is kept only when no write committed while it was made. A write request's
 * answer clears the cache as well (a write that the count could not see).
 */
import type { FastifyInstance } from 'fastify';

interface Cached {
  contentType: string;
  body: string | Buffer;
}

const MAX_ENTRIES = 2000;
const MAX_BYTES = 64 * 1024 * 1024;
const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function installReadCache(app: FastifyInstance, writes: () => number): void {
  const cache = new Map<string, Cached>();
  let bytes = 0;
  let cleared = 0;
  /** what the cache holds answers for: the committed writes and the clears when they were made */
  let holds = '0/0';
  const generation = () => `${writes()}/${cleared}`;
  const clear = () => {
    cache.clear();
    bytes = 0;
    cleared++;
  };

  app.addHook('onRequest', async (req, reply) => {
    // (a write request clears it when answered, below; what it commits meanwhile, the count sees)
    if (WRITES.has(req.method)) return;
    // health says what is true now (warm, the workers), which no write changes
    if (req.method !== 'GET' || !req.url.startsWith('/api/') || req.url.startsWith('/api/health')) return;
    const now = generation();
    if (now !== holds) {
      // a write committed since these answers were made
      cache.clear();
      bytes = 0;
      holds = now;
    }
    const hit = cache.get(req.url);
    if (!hit) {
      (req as { cacheGeneration?: string }).cacheGeneration = now;
      return;
    }
    // most recently used last, so the oldest is evicted first
    cache.delete(req.url);
    cache.set(req.url, hit);
    reply.header('x-rasd-cache', 'hit').type(hit.contentType);
    return reply.send(hit.body);
  });

  app.addHook('onSend', async (req, reply, payload) => {
    // a write request's answer clears it too (a write the count could not see; a refused write changed nothing)
    if (WRITES.has(req.method) && (reply.statusCode < 400 || reply.statusCode >= 500)) clear();
    const started = (req as { cacheGeneration?: string }).cacheGeneration;
    // kept only when no write committed while it was made, and the cache still holds answers of that time
    if (started === undefined || started !== generation() || started !== holds || reply.statusCode !== 200)
      return payload;
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
