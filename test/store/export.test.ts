/** `rasd export` and `rasd tally` over a store the seeds were ingested into, on PGlite and on PostgreSQL. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { after, test } from 'node:test';
import { EXPORT_COLUMNS } from '../../src/export/acled.js';
import { backends } from './backends.js';
import { root, SEEDS } from './data.js';

const rasd = (args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'src/cli/run.ts'), ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, RASD_DB: '' },
  });

for (const b of backends()) {
  after(() => b.cleanup());
  test(`${b.name}: export (ACLED CSV, GeoJSON, JSONL, filters) and tally over the ingested seeds`, {
    skip: b.skip,
  }, async () => {
    const db = await b.fresh();
    const ing = rasd(['ingest', '--db', db, SEEDS]);
    assert.equal(ing.status, 0, ing.stderr);

    const csv = rasd(['export', '--db', db, '--format', 'acled-csv']);
    assert.equal(csv.status, 0, csv.stderr);
    const lines = csv.stdout.trim().split('\n');
    assert.equal(lines[0], EXPORT_COLUMNS.join(','));
    assert.equal(lines.length - 1, 4);
    assert.ok(lines.some((l) => /^IRQ\d+,2023-10-30,/.test(l) && l.includes('Ain al-Asad Air Base')));
    // the store's ids: ISO3 and a number of the country's sequence, one per incident
    const ids = lines.slice(1).map((l) => l.split(',')[0]);
    assert.ok(
      ids.every((id) => /^[A-Z]{3}\d+$/.test(id)),
      ids.join(' '),
    );
    assert.equal(new Set(ids).size, ids.length);

    const geo = JSON.parse(rasd(['export', '--db', db, '--format', 'geojson', '--country', 'IQ']).stdout);
    assert.deepEqual(geo.features.map((f: { properties: { event_date: string } }) => f.properties.event_date).sort(), [
      '2023-10-30',
      '2023-12-15',
    ]);
    // the GeoJSON carries the CSV's ids
    for (const f of geo.features) assert.ok(ids.includes(f.properties.event_id_cnty), f.properties.event_id_cnty);
    const dec = rasd([
      'export',
      '--db',
      db,
      '--format',
      'jsonl',
      '--from',
      '2023-12-01',
      '--actor',
      'المقاومة الإسلامية',
    ]);
    const incidents = dec.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    assert.deepEqual(
      incidents.map((i: { date: { start: string } }) => i.date.start),
      ['2023-12-15'],
    );

    const bad = rasd(['export', '--db', db, '--from', 'yesterday']);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /YYYY-MM-DD/);

    const tally = rasd(['tally', '--db', db, '--json']);
    assert.equal(tally.status, 0, tally.stderr);
    const checks = tally.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    const iraq = checks.find((c: { statistic: { value: number } }) => c.statistic.value === 14);
    assert.equal(iraq.counted, 1);
    assert.equal(iraq.difference, -13);
  });
}
