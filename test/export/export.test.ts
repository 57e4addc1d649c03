/** Exports of incidents: ACLED CSV (columns, names, codes, notes), GeoJSON, the filters; tallies against incidents. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { ACLED_COLUMNS, acledCsv, acledRow } from '../../src/export/acled.js';
import { filterIncidents } from '../../src/export/filter.js';
import { toGeoJson } from '../../src/export/geojson.js';
import { extract } from '../../src/extract.js';
import { fuseAll } from '../../src/fuse/fuse.js';
import { checkTallies } from '../../src/fuse/tally.js';
import type { MemberEvent } from '../../src/fuse/types.js';
import type { DocumentInput } from '../../src/types.js';
import { csvRows } from './csv.js';

const seeds = readFileSync(new URL('../../corpus/seeds/articles.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as DocumentInput);
const results = seeds.map((d) => extract(d));
const members: MemberEvent[] = results.flatMap((r) =>
  r.events.map((event) => ({
    key: `${r.document.id}#${event.id}`,
    documentId: r.document.id,
    source: r.document.source,
    url: null,
    published: r.document.published,
    event,
  })),
);
const incidents = fuseAll(members);

test('ACLED CSV: ACLED columns in order, one row per incident, names and codes as ACLED writes them', () => {
  const csv = acledCsv(incidents, 1700000000);
  const rows = csvRows(csv);
  assert.deepEqual(rows[0], [...ACLED_COLUMNS]);
  assert.equal(rows.length, incidents.length + 1);
  const at = (r: string[], c: (typeof ACLED_COLUMNS)[number]) => r[ACLED_COLUMNS.indexOf(c)];
  const ain = rows.find((r) => at(r, 'location') === 'Ain al-Asad Air Base' && at(r, 'event_date') === '2023-10-30')!;
  assert.ok(ain, csv);
  assert.match(at(ain, 'event_id_cnty'), /^IRQ\d+$/);
  assert.equal(at(ain, 'event_type'), 'Explosions/Remote violence');
  assert.equal(at(ain, 'sub_event_type'), 'Shelling/artillery/missile attack');
  assert.equal(at(ain, 'disorder_type'), 'Political violence');
  assert.equal(at(ain, 'actor1'), 'Islamic Resistance in Iraq');
  assert.equal(at(ain, 'inter1'), 'Political militia');
  assert.equal(at(ain, 'actor2'), 'Military Forces of the United States');
  assert.equal(at(ain, 'inter2'), 'State forces');
  assert.equal(at(ain, 'country'), 'Iraq');
  assert.equal(at(ain, 'region'), 'Middle East');
  assert.equal(at(ain, 'time_precision'), '1');
  assert.equal(at(ain, 'geo_precision'), '1');
  assert.equal(at(ain, 'fatalities'), '0');
  assert.match(
    at(ain, 'notes'),
    /^On 30 October 2023, Islamic Resistance in Iraq carried out a shelling\/artillery\/missile attack on Military Forces of the United States in Ain al-Asad Air Base/,
  );
  assert.match(at(ain, 'notes'), /claimed responsibility/);
  // the same incident always gets the same event id
  assert.equal(acledRow(incidents[0], 1).event_id_cnty, acledRow(incidents[0], 2).event_id_cnty);
});

test('GeoJSON: a point per placed incident, longitude first', () => {
  const g = toGeoJson(incidents);
  assert.equal(g.type, 'FeatureCollection');
  assert.equal(g.features.length, incidents.filter((i) => i.location).length);
  const ain = g.features.find((f) => f.properties.location === 'Ain al-Asad Air Base')!;
  assert.deepEqual(ain.geometry.coordinates, [42.4412, 33.7856]);
});

test('filters: date range, country, type, actor (English or Arabic), Arabic text with normalisation', () => {
  assert.deepEqual(
    filterIncidents(incidents, { from: '2023-12-01' }).map((i) => i.date.start),
    incidents.filter((i) => i.date.start >= '2023-12-01').map((i) => i.date.start),
  );
  assert.ok(filterIncidents(incidents, { country: 'sy' }).every((i) => i.location?.country === 'SY'));
  assert.equal(filterIncidents(incidents, { country: 'SY' }).length, 2);
  assert.equal(filterIncidents(incidents, { type: 'shelling_artillery_missile_attack' }).length, 2);
  const byActor = filterIncidents(incidents, { actor: 'المقاومة الاسلامية' });
  assert.equal(byActor.length, filterIncidents(incidents, { actor: 'Islamic Resistance' }).length);
  assert.ok(byActor.length >= 3);
  // أ/ا and ة/ه do not matter
  assert.deepEqual(
    filterIncidents(incidents, { text: 'عين الاسد' }),
    filterIncidents(incidents, { text: 'عين الأسد' }),
  );
  assert.ok(filterIncidents(incidents, { text: 'عين الأسد' }).length >= 2);
  assert.equal(filterIncidents(incidents, { text: 'حلب' }).length, 0);
});

test("tallies: the article's 23 attacks next to the incidents the store holds for the same area and period", () => {
  const stats = results.flatMap((r) => r.statistics.map((statistic) => ({ document: r.document.id, statistic })));
  const checks = checkTallies(stats, incidents);
  const iraq = checks.find((c) => c.statistic.value === 14)!;
  assert.ok(iraq, JSON.stringify(checks.map((c) => c.statistic.value)));
  assert.equal(iraq.statistic.area, 'IQ');
  // the store knows the one attack on Ain al-Asad of 30 October (the other seed is December)
  assert.equal(iraq.counted, 1);
  assert.equal(iraq.difference, 1 - 14);
  // counts that are not over a period (troops) are not checked
  assert.ok(checks.every((c) => c.statistic.what !== 'troops'));
});

test('ACLED CSV: text that a spreadsheet would run as a formula stays text; negative coordinates stay numbers', () => {
  const hostile = {
    ...incidents[0],
    sources: ['=HYPERLINK("https://evil.example","x")', '@SUM(A1)'],
    location: incidents[0].location ? { ...incidents[0].location, name: '-2+3', lon: -5.5 } : null,
  };
  const rows = csvRows(acledCsv([hostile], 1700000000));
  const at = (c: (typeof ACLED_COLUMNS)[number]) => rows[1][ACLED_COLUMNS.indexOf(c)];
  assert.equal(at('source'), `'=HYPERLINK("https://evil.example","x"); @SUM(A1)`);
  assert.equal(at('location'), "'-2+3");
  assert.equal(at('longitude'), '-5.5');
  for (const cell of rows[1]) assert.ok(!/^[=+@\t\r]/.test(cell), cell);
});
