/**
 * Two ingests into one PostgreSQL at the same time, of overlapping sets of articles whose events fuse across the
 * sets, each fusing after every batch: the incidents are those of one fusion of one process's extraction.
 */
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { fuseAll } from '../../src/fuse/fuse.js';
import type { InputItem } from '../../src/sources/item.js';
import { ingestItems } from '../../src/store/ingest.js';
import { openStore } from '../../src/store/open.js';
import { backends } from '../store/backends.js';
import { DEV, each, items } from '../store/data.js';
import { extractedMembers, signature, storedIncidents } from '../store/fusion.js';

const postgres = backends().find((b) => b.name === 'postgres')!;

function fusedInProcess(list: InputItem[]): string[] {
  const members = extractedMembers(list);
  return fuseAll(members).map(signature).sort();
}

describe('fusion under concurrency', { skip: postgres.skip }, () => {
  after(() => postgres.cleanup());

  test('two concurrent ingests of overlapping sets: the incidents of a single process', async () => {
    const list = (await items([DEV])).filter((i) => !i.error);
    const shared = Math.floor(list.length / 5);
    // every other article to each side, and the first fifth to both
    const a = list.filter((_, i) => i < shared || i % 2 === 0);
    const b = list.filter((_, i) => i < shared || i % 2 === 1);
    const expected = fusedInProcess(list);
    const onlyA = new Set(a.filter((x) => !b.includes(x)).map((x) => x.doc!.id));
    const onlyB = new Set(b.filter((x) => !a.includes(x)).map((x) => x.doc!.id));
    const docsOf = (s: string) =>
      s
        .split(' ')
        .slice(1)
        .map((k) => k.split('#')[0]);
    assert.ok(
      expected.some((s) => docsOf(s).some((d) => onlyA.has(d)) && docsOf(s).some((d) => onlyB.has(d))),
      'some incident joins an article of one set only with one of the other only',
    );

    const url = await postgres.fresh();
    const stores = [await openStore(url), await openStore(url)];
    try {
      // small batches, a fusion after each: the two writers' commits and fusions interleave
      const runs = await Promise.all([
        ingestItems(stores[0].db, each(a), { batchSize: 4, fuseEvery: 1 }),
        ingestItems(stores[1].db, each([...b].reverse()), { batchSize: 5, fuseEvery: 1 }),
      ]);
      assert.equal(runs[0].new + runs[1].new, list.length);
      assert.deepEqual(await storedIncidents(stores[0]), expected);
    } finally {
      for (const s of stores) await s.close();
    }
  });
});
