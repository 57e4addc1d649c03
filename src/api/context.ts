/** What every route group is given. */
import type { Store } from '../store/open.js';

export interface ApiContext {
  store: Store;
  /** the largest POST /api/ingest body, in bytes */
  ingestLimit: number;
  /** extract ingested documents on the request's thread (tests with tiny inputs) instead of a worker thread */
  inlineExtraction: boolean;
  /** URLs on private addresses may be fetched */
  allowPrivate: boolean;
}
