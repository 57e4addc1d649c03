/** Exports of incidents: ACLED CSV (columns, names, codes, notes), GeoJSON, the filters; tallies against incidents. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { ACLED_COLUMNS, acledCsv, acledRow, EXPORT_COLUMNS } from '../../src/export/acled.js';
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
  assert.deepEqual(rows[0], [...EXPORT_COLUMNS]);
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

/** ACLED's vocabularies the columns are checked against (ACLED Codebook 2024: regions, source scales, actor types) */
const ACLED_REGIONS = new Set([
  'Western Africa',
  'Middle Africa',
  'Eastern Africa',
  'Southern Africa',
  'Northern Africa',
  'Middle East',
  'Europe',
  'Caucasus and Central Asia',
  'South Asia',
  'Southeast Asia',
  'East Asia',
  'Oceania',
  'Central America',
  'South America',
  'Caribbean',
  'North America',
  'Antarctica',
]);
const INTER = [
  'State forces',
  'Rebel group',
  'Political militia',
  'Identity militia',
  'Rioters',
  'Protesters',
  'Civilians',
  'External/Other forces',
];
const SOURCE_SCALES =
  /^(Local partner|Subnational|National|Regional|International|New media|Other)(-(Local partner|Subnational|National|Regional|International|New media|Other))?$/;

test('ACLED CSV: numeric iso, interaction in ACLED order, region, outlets by name and scale, civilians of VAC, timestamps', () => {
  const changed = (i: (typeof incidents)[number]) => 1_700_000_000 + incidents.indexOf(i);
  const rows = csvRows(acledCsv(incidents, changed));
  const at = (r: string[], c: (typeof ACLED_COLUMNS)[number]) => r[ACLED_COLUMNS.indexOf(c)];
  const body = rows.slice(1);
  const ain = body.find((r) => at(r, 'location') === 'Ain al-Asad Air Base' && at(r, 'event_date') === '2023-10-30')!;
  assert.equal(at(ain, 'iso'), '368');
  assert.equal(at(ain, 'interaction'), 'State forces-Political militia', 'the lower actor type first');
  assert.equal(at(ain, 'source'), 'Al-Araby Al-Jadeed');
  assert.equal(at(ain, 'source_scale'), 'International');
  body.forEach((r, k) => {
    assert.match(at(r, 'iso'), /^\d+$/);
    assert.ok(ACLED_REGIONS.has(at(r, 'region')), at(r, 'region'));
    assert.match(at(r, 'source_scale'), SOURCE_SCALES);
    assert.equal(at(r, 'timestamp'), String(1_700_000_000 + k), 'each incident its own last change');
    const [a, b] =
      at(r, 'interaction')
        .replace(/ only$/, '')
        .split('-').length === 2
        ? [at(r, 'interaction').split('-')[0], at(r, 'interaction').split('-').slice(1).join('-')]
        : [at(r, 'interaction').replace(/ only$/, ''), null];
    assert.ok(INTER.includes(a), at(r, 'interaction'));
    if (b !== null) assert.ok(INTER.indexOf(a) <= INTER.indexOf(b), at(r, 'interaction'));
    if (at(r, 'event_type') === 'Violence against civilians') {
      assert.match(at(r, 'actor2'), /\S/);
      assert.equal(at(r, 'civilian_targeting'), 'Civilian targeting');
    }
  });
  // every country of the table has an ACLED region and a numeric code, but for Kosovo and two that are no more
  const table = readFileSync(new URL('../../data/gazetteer/countries.tsv', import.meta.url), 'utf8')
    .split('\n')
    .filter((l) => l && !l.startsWith('#') && !l.startsWith('iso2'))
    .map((l) => l.split('\t'));
  const gaps = table.filter(([, , numeric, , region]) => !numeric || !ACLED_REGIONS.has(region)).map(([iso2]) => iso2);
  assert.deepEqual(gaps.sort(), ['AN', 'CS', 'XK']);
  // an attacker nobody names, qualified by the country as ACLED writes it
  const unnamed = acledRow(
    { ...incidents[0], perpetrators: [{ ...incidents[0].perpetrators[0], name: 'Unidentified armed group' }] },
    1,
  );
  assert.equal(unnamed.actor1, `Unidentified Armed Group (${unnamed.country})`);
  // violence against civilians with no target named: civilians of the country, as ACLED codes it
  const vac = { ...incidents[0], type: 'violence_against_civilians' as const, subtype: 'attack' as const, targets: [] };
  const row = acledRow(vac, 1);
  assert.equal(row.actor2, `Civilians (${row.country})`);
  assert.equal(row.inter2, 'Civilians');
  assert.equal(row.civilian_targeting, 'Civilian targeting');
  // a byte order mark for Excel, only when asked
  assert.ok(acledCsv(incidents, 1, { bom: true }).startsWith('\uFEFFevent_id_cnty,'));
  assert.ok(acledCsv(incidents, 1).startsWith('event_id_cnty,'));
});

test("GeoJSON: a point per placed incident, longitude first; flat properties under the CSV's names", () => {
  const g = toGeoJson(incidents, 1700000000);
  assert.equal(g.type, 'FeatureCollection');
  assert.equal(g.features.length, incidents.filter((i) => i.location).length);
  const ain = g.features.find((f) => f.properties.location === 'Ain al-Asad Air Base')!;
  assert.deepEqual(ain.geometry.coordinates, [42.4412, 33.7856]);
  // every value a string or a number (a Shapefile has no list fields), the CSV's columns first, the same values
  const header = csvRows(acledCsv(incidents, 1700000000))[0];
  for (const f of g.features) {
    assert.deepEqual(Object.keys(f.properties).slice(0, header.length), header);
    for (const [k, v] of Object.entries(f.properties))
      assert.ok(typeof v === 'string' || typeof v === 'number', `${k}: ${JSON.stringify(v)}`);
  }
  const row = acledRow(incidents.find((i) => i.id === ain.id)!, 1700000000);
  for (const c of ACLED_COLUMNS) assert.equal(ain.properties[c], row[c], c);
  assert.equal(ain.properties.rasd_incident_id, ain.id);
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
  // a cited source goes to the notes (source names the outlets), where it starts no cell
  assert.equal(at('source'), '');
  assert.match(at('notes'), /Sources cited: =HYPERLINK\("https:\/\/evil\.example","x"\); @SUM\(A1\)\.$/);
  const formulaOutlet = csvRows(acledCsv([{ ...hostile, location: null, perpetrators: [] }], 1700000000))[1];
  for (const cell of formulaOutlet) assert.ok(!/^[=+@\t\r]/.test(cell), cell);
  assert.equal(at('location'), "'-2+3");
  assert.equal(at('longitude'), '-5.5');
  for (const cell of rows[1]) assert.ok(!/^[=+@\t\r]/.test(cell), cell);
});
