/**
 * An embedded store's fusion that reads outside its transaction (refreshIncidentsAside, what POST /api/ingest uses):
 * the incidents it writes are the ones one fusion of every stored event gives, in batches, and also when a write
 * commits between its reads and its writes (then it fuses again inside the transaction).
 */
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { refreshIncidentsAside } from '../../src/store/incidents.js';
import { ingestItems } from '../../src/store/ingest.js';
import { openStore } from '../../src/store/open.js';
import { backends } from './backends.js';
import { each, items, NEWS } from './data.js';
import { fusedFromScratch, storedIncidents } from './fusion.js';

const [pglite] = backends();
after(() => pglite.cleanup());

test('batches fused aside give the incidents of one fusion of every event; a write between its reads and writes too', async () => {
  const news = (await items([NEWS])).slice(0, 240);
  const store = await openStore(await pglite.fresh());
  try {
    const writes = store.writes!;
    assert.equal(typeof writes, 'function', 'an embedded store counts its writes');
    for (let i = 0; i < news.length; i += 60) {
      const s = await ingestItems(store.db, each(news.slice(i, i + 60)), { fuse: false });
      assert.ok(s.events > 0);
      const before = writes();
      // every other batch: a write commits after the fusion's first read (so its region may be out of date)
      const interrupted = (i / 60) % 2 === 1;
      let reads = 0;
      const change = await refreshIncidentsAside(store.db, () => {
        reads++;
        return interrupted && reads > 1 ? before + 1 : writes();
      });
      assert.ok(change.written > 0);
      assert.deepEqual(await storedIncidents(store), await fusedFromScratch(store), `after batch ${i / 60}`);
      const unfused = await store.db.selectFrom('events').select('key').where('fused', '=', false).execute();
      assert.equal(unfused.length, 0);
      assert.ok(writes() > before, 'the fusion committed a write');
    }
  } finally {
    await store.close();
  }
});
