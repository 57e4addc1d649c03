/**
 * ACLED's event_id_cnty as the store keeps it: assigned once per incident, unchanged when an earlier report joins
 * the incident (which changes Rasd's incident id) and after a re-extraction; unique across a million incidents.
 */
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { sql } from 'kysely';
import type { Incident } from '../../src/fuse/types.js';
import type { InputItem } from '../../src/sources/read.js';
import { type AcledIdRow, chooseAcledIds } from '../../src/store/acled-ids.js';
import { ingestItems } from '../../src/store/ingest.js';
import { openStore } from '../../src/store/open.js';
import { reextract } from '../../src/store/reextract.js';
import { backends } from './backends.js';

const backend = backends()[0];
after(() => backend.cleanup());

async function* each(items: InputItem[]): AsyncGenerator<InputItem> {
  yield* items;
}
const TEXT = 'قتل ثلاثة مدنيين في غارة جوية على مدينة إدلب يوم 12 آذار 2018.';
const doc = (id: string, url: string): InputItem => ({
  ref: id,
  doc: { id, text: TEXT, url, published: '2018-03-13', source: 'skynews' },
});

test('an incident keeps its event_id_cnty when an earlier report joins it and after a re-extraction', async () => {
  const store = await openStore(await backend.fresh());
  try {
    const incidents = async () =>
      (
        await sql<{ id: string; acled_id: string; members: number }>`
          select id, acled_id, members from incidents order by id`.execute(store.db)
      ).rows;
    await ingestItems(store.db, each([doc('zz-later', 'https://example.org/b')]));
    const [first] = await incidents();
    assert.match(first.acled_id, /^SYR\d+$/);
    // a report whose key sorts first: the incident's own id changes, its ACLED id does not
    await ingestItems(store.db, each([doc('aa-earlier', 'https://example.org/a')]));
    const [joined] = await incidents();
    assert.equal(joined.members, 2);
    assert.notEqual(joined.id, first.id);
    assert.equal(joined.acled_id, first.acled_id);
    await reextract(store.db, { all: true });
    const [again] = await incidents();
    assert.equal(again.acled_id, first.acled_id);
    // a new incident in the same country takes the next number
    await ingestItems(
      store.db,
      each([
        {
          ref: 'x',
          doc: { id: 'other', text: TEXT.replace('إدلب', 'حلب').replace('12', '20'), published: '2018-03-21' },
        },
      ]),
    );
    const ids = (await incidents()).map((r) => r.acled_id).sort();
    assert.equal(new Set(ids).size, 2);
    assert.ok(ids.every((id) => id.startsWith('SYR')));
  } finally {
    await store.close();
  }
});

test('a store made before ACLED ids gets one for each incident it holds when it is opened', async () => {
  const dir = await backend.fresh();
  let store = await openStore(dir);
  await ingestItems(store.db, each([doc('one', 'https://example.org/1')]));
  // back to the schema before migration 0006
  await sql`
    drop table acled_ids; drop table acled_sequences; alter table incidents drop column acled_id;
    update incidents set fields = fields - 'acledId';
    delete from rasd_migrations where name = '0006_acled_ids'`.execute(store.db);
  await store.close();
  store = await openStore(dir);
  try {
    const rows = (
      await sql<{ acled_id: string; fields: Incident }>`select acled_id, fields from incidents`.execute(store.db)
    ).rows;
    assert.equal(rows.length, 1);
    assert.equal(rows[0].acled_id, 'SYR1');
    assert.equal(rows[0].fields.acledId, 'SYR1');
    // and the next incident of the country continues its sequence
    await ingestItems(
      store.db,
      each([
        {
          ref: 'x',
          doc: { id: 'two', text: TEXT.replace('إدلب', 'حلب').replace('12', '20'), published: '2018-03-21' },
        },
      ]),
    );
    const ids = (await sql<{ acled_id: string }>`select acled_id from incidents order by acled_id`.execute(store.db))
      .rows;
    assert.deepEqual(
      ids.map((r) => r.acled_id),
      ['SYR1', 'SYR2'],
    );
  } finally {
    await store.close();
  }
});

test('a million incidents: every event_id_cnty unique; a second fusion keeps every one; a merge keeps the older', () => {
  const COUNTRIES = ['SY', 'IQ', 'YE', 'LY', null];
  const founded = new Map<string, AcledIdRow>();
  const counters = new Map<string, number>();
  const next = (iso3: string) => {
    const n = counters.get(iso3) ?? 1;
    counters.set(iso3, n + 1);
    return n;
  };
  const seen = new Set<string>();
  const first: string[] = [];
  const synthetic = (k: number) =>
    ({
      members: [`doc-${k}#e1`],
      location: COUNTRIES[k % COUNTRIES.length] ? { country: COUNTRIES[k % COUNTRIES.length] } : null,
    }) as unknown as Incident;
  for (let from = 0; from < 1_000_000; from += 100_000) {
    const batch = Array.from({ length: 100_000 }, (_, k) => synthetic(from + k));
    const { ids, created } = chooseAcledIds(batch, founded, next);
    for (const r of created) founded.set(r.founder, r);
    for (const id of ids) {
      assert.ok(!seen.has(id), id);
      seen.add(id);
    }
    if (from === 0) first.push(...ids.slice(0, 1000));
  }
  assert.equal(seen.size, 1_000_000);
  assert.equal(counters.get('XXX'), 200_001, 'unplaced incidents have a sequence of their own');
  // the same incidents fused again: the same ids, nothing new
  const again = chooseAcledIds(
    Array.from({ length: 1000 }, (_, k) => synthetic(k)),
    founded,
    next,
  );
  assert.deepEqual(again.ids, first);
  assert.deepEqual(again.created, []);
  // two incidents merged: the older id; the younger one's founder still holds its own if cut out again
  const merged = { members: ['doc-5#e1', 'doc-3#e1'], location: { country: 'SY' } } as unknown as Incident;
  assert.deepEqual(chooseAcledIds([merged], founded, next).ids, [first[3]]);
});
