/** Warming an embedded store (what `rasd serve` does once it listens): its tables come to be read from the buffers. */
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { type Kysely, sql } from 'kysely';
import { ingestItems } from '../../src/store/ingest.js';
import { openStore } from '../../src/store/open.js';
import type { Schema } from '../../src/store/schema.js';
import { warmStore } from '../../src/store/warm.js';
import { backends } from './backends.js';
import { DEV, each, items } from './data.js';

const [pglite, postgres] = backends();
after(() => pglite.cleanup());
after(() => postgres.cleanup());

/** Pages a read of every row of `table` found in the buffers and pages it read from the files. */
async function bufferUse(db: Kysely<Schema>, table: string): Promise<{ hit: number; read: number }> {
  const plan = await sql<{ 'QUERY PLAN': string }>`
    explain (analyze, buffers) select count(*) from ${sql.table(table)} where ctid >= '(0,0)'::tid`.execute(db);
  const text = plan.rows.map((r) => r['QUERY PLAN']).join('\n');
  const buffers = /Buffers: shared(?: hit=(\d+))?(?: read=(\d+))?/.exec(text);
  return { hit: Number(buffers?.[1] ?? 0), read: Number(buffers?.[2] ?? 0) };
}

test('an embedded store reopened reads its tables from the files until it is warmed, then from the buffers', async () => {
  const dir = await pglite.fresh();
  let store = await openStore(dir);
  await ingestItems(store.db, each(await items([DEV])));
  await store.close();

  store = await openStore(dir);
  try {
    const cold = await bufferUse(store.db, 'documents');
    assert.ok(cold.read > 0, `a reopened store reads documents from its files: ${JSON.stringify(cold)}`);
    await store.close();
    store = await openStore(dir);
    const warmed = await warmStore(store);
    assert.ok(warmed);
    const size = await sql<{ pages: number; bytes: number }>`
      select (sum(pg_relation_size(t::regclass)) / current_setting('block_size')::int)::int as pages,
        sum(pg_relation_size(t::regclass))::int as bytes
      from unnest(array['events', 'incidents', 'documents', 'incident_members']) t`.execute(store.db);
    assert.deepEqual([warmed.pages, warmed.bytes], [size.rows[0].pages, size.rows[0].bytes]);
    for (const table of ['events', 'incidents', 'documents', 'incident_members']) {
      const warm = await bufferUse(store.db, table);
      assert.equal(warm.read, 0, `${table} after warming: ${JSON.stringify(warm)}`);
      assert.ok(warm.hit > 0, table);
    }
  } finally {
    await store.close();
  }
});

test('a PostgreSQL store is not warmed (the server keeps its own caches)', { skip: postgres.skip }, async () => {
  const store = await openStore(await postgres.fresh());
  try {
    assert.equal(await warmStore(store), null);
  } finally {
    await store.close();
  }
});
