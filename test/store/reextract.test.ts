/** Re-extraction after a version change: events replaced, review actions kept and re-applied or flagged. */
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { EXTRACTOR_VERSION, extract } from '../../src/extract.js';
import { inlinePool } from '../../src/store/extract-pool.js';
import { ingestItems } from '../../src/store/ingest.js';
import { openStore } from '../../src/store/open.js';
import { isOlder, reextract } from '../../src/store/reextract.js';
import { reviewEvent } from '../../src/store/reviews.js';
import type { DocumentInput } from '../../src/types.js';
import { backends } from './backends.js';
import { DEV, each, items } from './data.js';
import { fusedFromScratch, storedIncidents } from './fusion.js';

/**
 * "Last version's" extractor: the real one, which also reported, for each document, its first event a second
 * time under another id (the kind of event a later version drops).
 */
const OLD_VERSION = '0.0.9';
const oldExtractor = {
  version: OLD_VERSION,
  run(input: DocumentInput, id: string) {
    const r = extract(input, id);
    if (r.events[0]) r.events.push({ ...structuredClone(r.events[0]), id: 'e99' });
    return r;
  },
};

test('versions compare part by part', () => {
  assert.equal(isOlder('0.0.9', '0.1.0'), true);
  assert.equal(isOlder('0.9.1', '0.10.0'), true);
  assert.equal(isOlder('0.10.0', '0.9.1'), false);
  assert.equal(isOlder(EXTRACTOR_VERSION, EXTRACTOR_VERSION), false);
  assert.equal(isOlder('dev', EXTRACTOR_VERSION), true);
});

for (const backend of backends()) {
  describe(`reextract on ${backend.name}`, { skip: backend.skip }, () => {
    after(() => backend.cleanup());

    test('a version bump replaces the events and keeps the reviews', async () => {
      const list = await items([DEV]);
      const store = await openStore(await backend.fresh());
      try {
        await ingestItems(store.db, each(list), { pool: inlinePool(oldExtractor), batchSize: 6 });
        const before = await store.db.selectFrom('events').select(['id', 'key', 'killed']).orderBy('key').execute();
        const gone = before.find((e) => e.key.endsWith('#e99'))!;
        const kept = before.find((e) => e.key.endsWith('#e1') && e.key.startsWith(gone.key.split('#')[0]))!;
        assert.ok(gone && kept);
        await reviewEvent(store.db, { who: 'analyst', target: kept.key, field: 'fatalities.killed', after: 99 });
        await reviewEvent(store.db, {
          who: 'analyst',
          target: kept.key,
          field: 'subtype',
          after: 'shelling_artillery_missile_attack',
        });
        await reviewEvent(store.db, { who: 'analyst', target: gone.key, field: 'type', after: 'battles' });
        // a correction that unplaces an event of a multi-article incident: that incident is cut again
        const shared = await store.db
          .selectFrom('incident_members')
          .select(['incident_id', (eb) => eb.fn.min('event_key').as('key')])
          .where('event_key', 'not in', [gone.key, kept.key])
          .groupBy('incident_id')
          .having((eb) => eb.fn.count('event_key'), '>', 2)
          .executeTakeFirstOrThrow();
        const incidentsBefore = await storedIncidents(store);
        await reviewEvent(store.db, { who: 'analyst', target: shared.key, field: 'location', after: null });
        assert.notDeepEqual(await storedIncidents(store), incidentsBefore);
        assert.deepEqual(await storedIncidents(store), await fusedFromScratch(store));
        const reviewed = await store.db
          .selectFrom('events')
          .select(['killed', 'record'])
          .where('key', '=', kept.key)
          .executeTakeFirstOrThrow();
        assert.equal(reviewed.killed, 99);

        const summary = await reextract(store.db, { pool: inlinePool(), batchSize: 5 });
        assert.equal(summary.documents, list.length);
        assert.equal(summary.reviewsApplied, 3);
        assert.equal(summary.reviewsGone, 1);

        // the events are the current extractor's, in new rows
        const afterRows = await store.db.selectFrom('events').selectAll().orderBy('key').execute();
        const expected = list.flatMap((i) => extract(i.doc!, i.doc!.id).events.map((e) => `${i.doc!.id}#${e.id}`));
        assert.deepEqual(afterRows.map((r) => r.key).sort(), [...expected].sort());
        const oldIds = new Set(before.map((e) => e.id));
        assert.ok(
          afterRows.every((r) => !oldIds.has(r.id)),
          'every event row is new',
        );
        const versions = await store.db.selectFrom('extractions').select('extractor_version').distinct().execute();
        assert.deepEqual(
          versions.map((v) => v.extractor_version),
          [EXTRACTOR_VERSION],
        );

        // the reviews: all kept; re-applied to the event of the same key, flagged where the event is gone
        const actions = await store.db.selectFrom('review_actions').selectAll().orderBy('id').execute();
        assert.deepEqual(
          actions.map((a) => [a.target, a.field, a.after, a.status]),
          [
            [kept.key, 'fatalities.killed', 99, 'applied'],
            [kept.key, 'subtype', 'shelling_artillery_missile_attack', 'applied'],
            [gone.key, 'type', 'battles', 'event_gone'],
            [shared.key, 'location', null, 'applied'],
          ],
        );
        assert.equal(actions[0].before, kept.killed);
        const now = afterRows.find((r) => r.key === kept.key)!;
        assert.equal(now.killed, 99);
        assert.equal(now.subtype, 'shelling_artillery_missile_attack');
        assert.equal((now.record as { fatalities: { killed: number } }).fatalities.killed, 99);

        // incidents: the fusion of the events as they now stand (reviews included)
        assert.deepEqual(await storedIncidents(store), await fusedFromScratch(store));
        const orphans = await store.db
          .selectFrom('incident_members')
          .select('event_key')
          .where(
            'event_key',
            'not in',
            afterRows.map((r) => r.key),
          )
          .execute();
        assert.deepEqual(orphans, []);

        // nothing older is left; --all does them again, and the reviews still hold
        assert.equal((await reextract(store.db, { pool: inlinePool() })).documents, 0);
        const all = await reextract(store.db, { pool: inlinePool(), all: true });
        assert.equal(all.documents, list.length);
        assert.equal(all.reviewsApplied, 3);
        const again = await store.db
          .selectFrom('events')
          .select('killed')
          .where('key', '=', kept.key)
          .executeTakeFirstOrThrow();
        assert.equal(again.killed, 99);
      } finally {
        await store.close();
      }
    });
  });
}
