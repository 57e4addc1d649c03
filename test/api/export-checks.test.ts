/**
 * The exports flag, not hide, what the plausibility checks put to check (`rasd_check`, issue 19): a country-level
 * toll in the CSV's last column, the GeoJSON's properties and the JSONL's records; a reviewed event is flagged no more.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { EXPORT_COLUMNS } from '../../src/export/acled.js';
import { exportChunks } from '../../src/export/stream.js';
import { incidentBatches } from '../../src/store/incident-batches.js';
import { csvRows } from '../export/csv.js';
import { backends } from '../store/backends.js';
import { type Api, type J, parseCsv, startApi } from './helpers.js';

const DOCS = [
  ['country-toll', '2019-05-13', 'أعلن الجيش السوري أن 25 جنديا قتلوا في هجوم شنه مسلحون في سوريا اليوم.'],
  [
    'assad-forces',
    '2019-06-02',
    'قتل 6 مدنيين في قصف مدفعي لقوات الأسد على بلدة عين لاروز في ريف إدلب الجنوبي اليوم الأحد.',
  ],
].map(([id, published, text]) => ({ ref: id, doc: { id, published, text } }));

for (const backend of backends()) {
  describe(`rasd_check in the exports on ${backend.name}`, { skip: backend.skip }, () => {
    let api: Api;
    before(async () => {
      api = await startApi(backend, DOCS, { readCache: false });
    });
    after(async () => {
      await api?.close();
      await backend.cleanup();
    });

    test('the country-level toll is flagged in the CSV, the GeoJSON and the JSONL; the other is not', async () => {
      const csv = await api.call('/api/export?format=acled-csv');
      assert.equal(csv.status, 200, csv.text);
      assert.deepEqual(csvRows(csv.text)[0], [...EXPORT_COLUMNS]);
      const rows = parseCsv(csv.text);
      const toll = rows.find((r) => r.event_date === '2019-05-13')!;
      const idlib = rows.find((r) => r.event_date === '2019-06-02')!;
      assert.ok(toll && idlib, csv.text);
      assert.equal(toll.rasd_check, 'coarse_toll');
      assert.equal(toll.fatalities, '25', 'flagged, not changed');
      assert.equal(idlib.rasd_check, '');

      const jsonl = await api.call('/api/export?format=jsonl');
      const records = jsonl.text
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l));
      const rec = records.find((r: J) => r.date.start === '2019-05-13');
      assert.equal(rec.rasd_check, 'coarse_toll');
      assert.equal(records.find((r: J) => r.date.start === '2019-06-02').rasd_check, '');

      const geo = JSON.parse((await api.call('/api/export?format=geojson')).text);
      const props = geo.features.map((f: J) => f.properties);
      const placed = props.find((p: J) => p.event_date === '2019-05-13');
      // a country-level place is still a point (the country's); the flag says it is worth a look
      if (placed) assert.equal(placed.rasd_check, 'coarse_toll');
      assert.equal(props.find((p: J) => p.event_date === '2019-06-02').rasd_check, '');
      for (const p of props) assert.equal(Object.keys(p).indexOf('rasd_check'), EXPORT_COLUMNS.length - 1);

      // once an analyst confirms the event, there is nothing left to check
      const key = rec.members[0];
      const r = await api.call({
        method: 'POST',
        url: `/api/events/${encodeURIComponent(key)}/reviews`,
        payload: { who: 'analyst-1', action: 'confirm' },
      });
      assert.ok(r.status < 300, r.text);
      const again = parseCsv((await api.call('/api/export?format=acled-csv')).text);
      assert.equal(again.find((x) => x.event_date === '2019-05-13')!.rasd_check, '');
    });

    test('the store read in keyset batches of one: every incident once, in order, the bytes of the download', async () => {
      const whole = (await api.call('/api/export?format=acled-csv&bom=1')).text;
      const ids: string[] = [];
      for await (const b of incidentBatches(api.store.db, {}, 1)) ids.push(...b.incidents.map((i) => i.id));
      assert.equal(ids.length, DOCS.length);
      assert.equal(new Set(ids).size, ids.length);
      let text = '';
      for await (const c of exportChunks('acled-csv', incidentBatches(api.store.db, {}, 1), { bom: true })) text += c;
      assert.equal(text, whole);
    });
  });
}
