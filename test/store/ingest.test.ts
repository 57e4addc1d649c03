/** Ingesting into the store, on PGlite and on PostgreSQL: identity, what is stored, incidents. */
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { sql } from 'kysely';
import { extract } from '../../src/extract.js';
import { fuseAll } from '../../src/fuse/fuse.js';
import { workerPool } from '../../src/store/extract-pool.js';
import { ingestItems } from '../../src/store/ingest.js';
import { openStore, type Store } from '../../src/store/open.js';
import type { EventRecord } from '../../src/types.js';
import { backends } from './backends.js';
import { DEV, distinctDocuments, each, items, NEWS } from './data.js';
import { extractedMembers, fusedFromScratch, storedIncidents } from './fusion.js';

const count = async (store: Store, table: string) =>
  Number((await sql<{ n: string }>`select count(*) as n from ${sql.table(table)}`.execute(store.db)).rows[0].n);

for (const backend of backends()) {
  describe(`store on ${backend.name}`, { skip: backend.skip }, () => {
    after(() => backend.cleanup());

    test('the dev articles and the 2018 news, ingested twice, are stored once each', async () => {
      const list = await items([DEV, NEWS]);
      const distinct = distinctDocuments(list);
      const unreadable = list.filter((i) => i.error).length;
      assert.ok(list.length > 2600 && distinct > 2600, `${list.length} items, ${distinct} distinct`);
      const store = await openStore(await backend.fresh());
      const pool = workerPool();
      try {
        const first = await ingestItems(store.db, each(list), { pool });
        assert.equal(first.read, list.length);
        const storedWithErrors = first.failures.filter((f) => f.stored).length;
        assert.equal(first.new + storedWithErrors, distinct);
        assert.equal(first.duplicate, list.length - unreadable - distinct);
        assert.equal(first.failed, unreadable + storedWithErrors);
        assert.equal(await count(store, 'documents'), distinct);
        assert.equal(await count(store, 'extractions'), distinct);
        assert.equal(await count(store, 'events'), first.events);
        assert.ok(first.events > 5000, `${first.events} events`);

        const again = await ingestItems(store.db, each(list), { pool });
        assert.deepEqual(
          { read: again.read, new: again.new, duplicate: again.duplicate, failed: again.failed, events: again.events },
          { read: list.length, new: 0, duplicate: list.length - unreadable, failed: unreadable, events: 0 },
        );
        assert.equal(await count(store, 'documents'), distinct);
        assert.equal(await count(store, 'events'), first.events);
        // fused a thousand documents at a time, the incidents are those of one fusion of everything stored
        assert.deepEqual(await storedIncidents(store), await fusedFromScratch(store));
      } finally {
        await pool.close();
        await store.close();
      }
    });

    test('identity: the same text at another address is another document; an id taken by another text is kept apart', async () => {
      const text = 'قتل ثلاثة مدنيين في غارة جوية على مدينة إدلب أمس.';
      const other = 'اشتباكات عنيفة في درعا بين القوات الحكومية ومسلحين.';
      const item = (ref: string, doc: Record<string, string>) => ({ ref, doc: { published: '2023-10-30', ...doc } });
      const list = [
        item('a:1', { id: 'x', text, url: 'https://one.example/1' }),
        item('a:2', { id: 'x', text, url: 'https://one.example/1' }), // the same document again
        item('a:3', { id: 'y', text, url: 'https://two.example/9' }), // syndicated elsewhere
        item('a:4', { id: 'x', text: other }), // another text under a taken id
        item('a:5', { text: other }), // no id, no address: named by its content… and the same as a:4
        item('a:6', { text: `${other} ` }),
      ];
      const store = await openStore(await backend.fresh());
      try {
        const s = await ingestItems(store.db, each(list), { batchSize: 2 });
        assert.deepEqual([s.read, s.new, s.duplicate, s.failed], [6, 4, 2, 0]);
        const ids = (await store.db.selectFrom('documents').select('id').execute()).map((d) => d.id).sort();
        assert.equal(ids.length, 4);
        assert.ok(ids.includes('x') && ids.includes('y'));
        assert.ok(
          ids.some((id) => /^x~[0-9a-f]{8}$/.test(id)),
          ids.join(' '),
        );
        assert.ok(
          ids.some((id) => /^doc:[0-9a-f]{16}$/.test(id)),
          ids.join(' '),
        );
        // the events of each are keyed by its own id
        const keys = (await store.db.selectFrom('events').select('key').execute()).map((e) => e.key.split('#')[0]);
        assert.deepEqual([...new Set(keys)].sort(), ids);
      } finally {
        await store.close();
      }
    });

    test('the same id and text at 40 addresses: 40 documents, each its own id, and the ingest ends', async () => {
      const text = 'قتل ثلاثة مدنيين في غارة جوية على مدينة إدلب أمس.';
      const list = Array.from({ length: 40 }, (_, i) => ({
        ref: `copy:${i}`,
        doc: { id: 'same', text, published: '2023-10-30', url: `https://mirror${i}.example/a` },
      }));
      const store = await openStore(await backend.fresh());
      try {
        const s = await ingestItems(store.db, each(list), { batchSize: 7 });
        assert.deepEqual([s.read, s.new, s.duplicate, s.failed], [40, 40, 0, 0]);
        const ids = (await store.db.selectFrom('documents').select('id').execute()).map((d) => d.id);
        assert.equal(new Set(ids).size, 40);
        // the 17th and later copies, once the whole hash is taken, are counted
        assert.ok(
          ids.some((id) => /^same~[0-9a-f]{64}~2$/.test(id)),
          ids.join(' '),
        );
      } finally {
        await store.close();
      }
    });

    test('each event is stored as extracted: its columns, its evidence spans and its claims', async () => {
      const list = (await items([DEV])).slice(0, 12);
      const store = await openStore(await backend.fresh());
      try {
        await ingestItems(store.db, each(list), { batchSize: 5 });
        let claimsSeen = 0;
        for (const item of list) {
          const expected = extract(item.doc!, item.doc!.id);
          const doc = await store.db
            .selectFrom('documents')
            .selectAll()
            .where('id', '=', item.doc!.id!)
            .executeTakeFirstOrThrow();
          assert.equal(doc.text, item.doc!.text);
          assert.equal(doc.published, item.doc!.published ?? null);
          const rows = await store.db
            .selectFrom('events')
            .selectAll()
            .where('document_id', '=', doc.id)
            .orderBy('id')
            .execute();
          assert.deepEqual(
            rows.map((r) => r.record),
            expected.events,
          );
          for (const [i, row] of rows.entries()) {
            const e: EventRecord = expected.events[i];
            assert.equal(row.key, `${doc.id}#${e.id}`);
            assert.deepEqual(
              [row.type, row.subtype, row.date_start, row.date_end, row.country, row.location_precision, row.killed],
              [
                e.type,
                e.subtype,
                e.date.start,
                e.date.end,
                e.location?.country ?? null,
                e.location?.precision ?? null,
                e.fatalities.killed,
              ],
            );
            const spans = await store.db.selectFrom('spans').selectAll().where('event_id', '=', row.id).execute();
            assert.ok(spans.length >= e.evidence.length);
            for (const s of spans) assert.equal(doc.text.slice(s.start, s.end), s.text, `${row.key} ${s.field}`);
            const claims = await store.db.selectFrom('claims').selectAll().where('event_id', '=', row.id).execute();
            assert.deepEqual(
              claims.map((c) => [c.kind, c.by, c.outcome]),
              e.claims.map((c) => [c.kind, c.by, c.outcome]),
            );
            claimsSeen += claims.length;
          }
        }
        assert.ok(claimsSeen > 0, 'the seed reports carry claims');
      } finally {
        await store.close();
      }
    });

    test('a run cut short after storing and before fusing: the next run, with nothing new to store, fuses what was left', async () => {
      const list = await items([DEV]);
      const store = await openStore(await backend.fresh());
      try {
        // a run that stored every document and died before its fusion leaves exactly this
        await ingestItems(store.db, each(list), { fuse: false });
        assert.equal(await count(store, 'incidents'), 0);
        const again = await ingestItems(store.db, each(list));
        assert.equal(again.new, 0);
        const incidents = await storedIncidents(store);
        assert.ok(incidents.length > 0, 'the second run fused the stored events');
        assert.deepEqual(incidents, await fusedFromScratch(store));
        const unfused = await sql<{ n: string }>`select count(*) as n from events where not fused`.execute(store.db);
        assert.equal(Number(unfused.rows[0].n), 0);
      } finally {
        await store.close();
      }
    });

    test('incidents are the fusion of everything stored, whatever the order and the batch size', async () => {
      const list = await items([DEV]);
      const stores = [await openStore(await backend.fresh()), await openStore(await backend.fresh())];
      try {
        // fused after every batch, and after every third one
        await ingestItems(stores[0].db, each(list), { batchSize: 7, fuseEvery: 1 });
        await ingestItems(stores[1].db, each([...list].reverse()), { batchSize: 3, fuseEvery: 9 });
        // the fusion of all members at once, from an extraction of our own
        const members = extractedMembers(list);
        const expected = fuseAll(members).map((i) => [i.id, i.members.join(' ')]);
        assert.ok(
          expected.some(([, m]) => m.includes(' ')),
          'some incident joins events of different articles',
        );
        for (const store of stores) {
          const rows = await store.db.selectFrom('incidents').select(['id', 'fields']).execute();
          const got = rows.map((r) => [r.id, (r.fields as { members: string[] }).members.join(' ')]);
          assert.deepEqual(got.sort(), [...expected].sort());
          const members = await count(store, 'incident_members');
          assert.equal(
            members,
            expected.reduce((n, [, m]) => n + m.split(' ').length, 0),
          );
        }
      } finally {
        for (const s of stores) await s.close();
      }
    });
  });
}
