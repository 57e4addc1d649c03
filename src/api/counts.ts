/**
 * The store's counts (documents, events, incidents) for /api/health and /metrics. Counting reads every row, which
 * on an embedded store that is not yet read into memory is a read of its files: so there the counts are kept until
 * the next write (only this process can write an embedded store, its lock), and health answers at once while the
 * store is being warmed. A PostgreSQL store may be written by other processes (the workers): counted each time.
 */
import type { FastifyInstance } from 'fastify';
import { type StoreCounts, storeCounts } from '../store/document-queries.js';
import type { Store } from '../store/open.js';

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function countsOf(app: FastifyInstance, store: Store): () => Promise<StoreCounts> {
  if (store.target.kind !== 'pglite') return () => storeCounts(store.db);
  let generation = 0;
  let kept: { generation: number; counts: StoreCounts } | null = null;
  // before a write and after it: a count that ran across a write is not kept
  const written = async (req: { method: string }) => {
    if (!WRITES.has(req.method)) return;
    generation++;
    kept = null;
  };
  app.addHook('onRequest', written);
  app.addHook('onResponse', written);
  return async () => {
    if (kept && kept.generation === generation) return kept.counts;
    const started = generation;
    const counts = await storeCounts(store.db);
    if (started === generation) kept = { generation, counts };
    return counts;
  };
}
