/**
 * The job queue as the API sees it, on a PostgreSQL store: pg-boss opened as a client (it sends jobs; the workers
 * take them and supervise) at the first request that needs it, and stopped with the server. An embedded store has
 * no queue: its documents are ingested in the serving process (POST /api/ingest).
 */
import type { PgBoss } from 'pg-boss';
import type { Store } from '../store/open.js';

export interface ApiQueue {
  /** the queue, opened on first use; null on an embedded store */
  get(): Promise<PgBoss> | null;
  close(): Promise<void>;
}

export function apiQueue(store: Store): ApiQueue {
  let opening: Promise<PgBoss> | null = null;
  return {
    get() {
      if (store.target.kind !== 'postgres') return null;
      const url = store.target.url;
      opening ??= import('../queue/boss.js').then(({ openQueue }) => openQueue(url, { role: 'client' }));
      // a failed opening is tried again by the next request
      opening.catch(() => {
        opening = null;
      });
      return opening;
    },
    async close() {
      const boss = await opening?.catch(() => null);
      opening = null;
      await boss?.stop({ graceful: false, close: true });
    },
  };
}
