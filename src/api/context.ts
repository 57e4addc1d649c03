/** What every route group is given. */
import type { Store } from '../store/open.js';

export interface ApiContext {
  store: Store;
  /** the largest POST /api/ingest body, in bytes */
  ingestLimit: number;
  /** URLs on private addresses may be fetched */
  allowPrivate: boolean;
}
