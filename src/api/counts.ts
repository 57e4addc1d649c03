/**
 * The store's counts (documents, events, incidents) for /api/health and /metrics. Counting reads every row, which
 * on an embedded store that is not yet read into memory is a read of its files: so there the counts are kept until
 * the next write (only this process can write an embedded store, its lock), and health answers at once while the
 * store is being warmed. "Until the next write": until the store's count of committed writes changes, so that
 * health answers at once while an ingest holds the connection. A PostgreSQL store may be written by other
 * processes (the workers): counted each time.
 */
import type { FastifyInstance } from 'fastify';
import { type StoreCounts, storeCounts } from '../store/document-queries.js';
import type { Store } from '../store/open.js';

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function countsOf(app: FastifyInstance, store: Store): () => Promise<StoreCounts> {
  const writes = store.writes;
  if (!writes) return () => storeCounts(store.db);
  let requests = 0;
  let kept: { generation: string; counts: StoreCounts } | null = null;
  // after a write request as well (a write the count could not see)
  app.addHook('onResponse', async (req) => {
    if (WRITES.has(req.method)) requests++;
  });
  const generation = () => `${writes()}/${requests}`;
  return async () => {
    const started = generation();
    if (kept && kept.generation === started) return kept.counts;
    const counts = await storeCounts(store.db);
    // a count that ran across a write is not kept
    if (started === generation()) kept = { generation: started, counts };
    return counts;
  };
}
