/**
 * Reads an embedded store's tables into its shared buffers (sized to hold them, buffers.ts), so that the first
 * queries after `rasd serve` starts are as fast as the later ones: a cold listing reads its rows page by page from
 * the files (measured on 100,000 events: a deep page of a broad filter 100–130 ms cold, 22 ms warm).
 *
 * The pages are read by ranges of row positions (ctid), not by a sequential scan: PostgreSQL reads a table larger
 * than a quarter of the buffers through a small ring of them, which would leave the buffers cold. Ranges of a few
 * thousand pages are a few tens of milliseconds each, so requests that come meanwhile wait for one range, not for
 * the whole store. A PostgreSQL server keeps its own caches between clients, so only an embedded store is warmed.
 */
import { sql } from 'kysely';
import type { Store } from './open.js';

/** The tables listings and incident views read, largest first. */
const TABLES = ['events', 'incidents', 'documents', 'incident_members'] as const;

/** Pages per statement. */
const RANGE = 2_000;

export interface Warmed {
  pages: number;
  bytes: number;
  ms: number;
}

/** Reads the tables of an embedded store into its buffers; null for a PostgreSQL server. Stops when `stop` aborts. */
export async function warmStore(store: Store, stop?: AbortSignal): Promise<Warmed | null> {
  if (store.target.kind !== 'pglite') return null;
  const t0 = performance.now();
  let pages = 0;
  let bytes = 0;
  for (const table of TABLES) {
    const r = await sql<{ bytes: string; block: string }>`
      select pg_relation_size(${table}::regclass) as bytes, current_setting('block_size') as block`.execute(store.db);
    const size = Number(r.rows[0].bytes);
    const n = size / Number(r.rows[0].block);
    bytes += size;
    for (let from = 0; from < n && !stop?.aborted; from += RANGE) {
      await sql`
        select count(*) from ${sql.table(table)}
        where ctid >= ${`(${from},0)`}::tid and ctid < ${`(${from + RANGE},0)`}::tid`.execute(store.db);
    }
    pages += n;
  }
  return { pages, bytes, ms: performance.now() - t0 };
}
