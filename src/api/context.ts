/** What every route group is given. */
import type { StoreCounts } from '../store/document-queries.js';
import type { Store } from '../store/open.js';
import type { ApiQueue } from './queue.js';

export interface ApiContext {
  store: Store;
  /** the largest POST /api/ingest body, in bytes */
  ingestLimit: number;
  /** extract ingested documents on the request's thread (tests with tiny inputs) instead of a worker thread */
  inlineExtraction: boolean;
  /** URLs on private addresses may be fetched */
  allowPrivate: boolean;
  /** whether the store has been read into memory (rasd serve warms an embedded store after it listens) */
  warm: () => boolean;
  /** the job queue of a PostgreSQL store, for POST /api/enqueue */
  queue: ApiQueue;
  /** documents, events and incidents (kept until the next write on an embedded store, see counts.ts) */
  counts: () => Promise<StoreCounts>;
}
