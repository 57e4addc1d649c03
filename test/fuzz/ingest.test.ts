/**
 * The ingest path under arbitrary batches: ids, texts and URLs drawn from small pools so that repeats are common
 * (the same id and text, the same id with another text or URL, no id). Every batch ends; every item is counted once
 * (read = new + duplicate + failed); the store gains exactly the new documents; the same batch again adds nothing.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import fc from 'fast-check';
import { sql } from 'kysely';
import type { InputItem } from '../../src/sources/read.js';
import { ingestItems } from '../../src/store/ingest.js';
import { openStore, type Store } from '../../src/store/open.js';
import { backends } from '../store/backends.js';
import { fuzzParams } from './settings.js';

const backend = backends()[0];
let store: Store;
before(async () => {
  store = await openStore(await backend.fresh());
});
after(async () => {
  await store?.close();
  await backend.cleanup();
});

const TEXTS = [
  'قتل ثلاثة مدنيين في غارة جوية على مدينة إدلب أمس.',
  'اشتباكات بين الجيش والمسلحين في مدينة درعا.',
  'نص بلا حدث.',
  '',
  ' ',
  'a\u0000b',
];
const item = fc.record(
  {
    id: fc.oneof(fc.constantFrom('a', 'b', 'a~1', 'x'.repeat(300), ''), fc.string({ maxLength: 6 })),
    text: fc.oneof(fc.constantFrom(...TEXTS), fc.string({ maxLength: 40 })),
    url: fc.oneof(fc.constantFrom('https://example.org/1', 'https://example.org/2'), fc.webUrl()),
    published: fc.constantFrom('2018-06-10', '2018-02-30', ''),
  },
  { requiredKeys: ['text'] },
);
/** a batch: documents from the pools, or one document copied under many URLs (the 17th copy once hung) */
const batchOf = fc.oneof(
  fc.array(item, { maxLength: 25 }),
  fc
    .tuple(item, fc.integer({ min: 1, max: 40 }))
    .map(([doc, k]) => Array.from({ length: k }, (_, i) => ({ ...doc, url: `https://example.org/copy/${i}` }))),
);

async function* each(batch: InputItem[]): AsyncGenerator<InputItem> {
  yield* batch;
}
const documents = async () =>
  Number((await sql<{ n: number }>`select count(*)::int as n from documents`.execute(store.db)).rows[0].n);

test('any batch: it ends, each item counted once, the store gains the new documents, a repeat adds nothing', async () => {
  await fc.assert(
    fc.asyncProperty(batchOf, async (docs) => {
      const batch: InputItem[] = docs.map((doc, i) => ({
        ref: `item:${i + 1}`,
        doc: { ...doc, id: doc.id ?? `item:${i + 1}` },
      }));
      const before = await documents();
      const s = await ingestItems(store.db, each(batch));
      assert.equal(s.read, batch.length);
      assert.equal(s.new + s.duplicate + s.failed, s.read);
      assert.equal((await documents()) - before, s.new);
      const again = await ingestItems(store.db, each(batch));
      assert.equal(again.new, 0, 'the same batch again');
      assert.equal(await documents(), before + s.new);
    }),
    fuzzParams(15),
  );
});
