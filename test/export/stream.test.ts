/** Streamed exports (csv-stringify, a batch at a time) give the bytes of the whole-file writers, on the dev corpus. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { acledCsv } from '../../src/export/acled.js';
import { toGeoJson } from '../../src/export/geojson.js';
import { incidentChecks } from '../../src/export/record-checks.js';
import { type ExportFormat, exportChunks, type IncidentBatch } from '../../src/export/stream.js';
import type { Incident } from '../../src/fuse/types.js';
import { csvRows } from './csv.js';
import { fusedIncidents } from './dev-incidents.js';

const dev = fusedIncidents('dev/articles.jsonl');
// names from articles that a spreadsheet would read as formulas or line breaks
const hostile: Incident[] = dev.map((i, k) => ({
  ...i,
  sources: ['=HYPERLINK("x","y")', '@SUM(A1)', 'a\rb', '\tTab', 'x"y,z\nw'],
  location: i.location && k % 2 ? { ...i.location, name: k % 4 === 1 ? '-2+3' : '\rR' } : i.location,
}));
const all = [...dev, ...hostile];

const batches = (size: number): IncidentBatch[] => {
  const out: IncidentBatch[] = [];
  for (let k = 0; k < all.length; k += size)
    out.push({ incidents: all.slice(k, k + size), changed: 1_700_000_000, checks: incidentChecks });
  return out;
};
const read = async (format: ExportFormat, b: IncidentBatch[], bom = false) => {
  let s = '';
  for await (const c of exportChunks(format, b, { bom })) s += c;
  return s;
};

test('streamed exports: the same bytes as the whole file, in batches of any size, with --bom', async () => {
  const csv = acledCsv(all, 1_700_000_000, { bom: true });
  const geo = `${JSON.stringify(toGeoJson(all, 1_700_000_000))}\n`;
  for (const size of [1, 7, 1000]) {
    assert.equal(await read('acled-csv', batches(size), true), csv, `csv in batches of ${size}`);
    assert.equal(await read('geojson', batches(size)), geo, `geojson in batches of ${size}`);
    const lines = (await read('jsonl', batches(size))).trim().split('\n');
    assert.equal(lines.length, all.length);
    assert.deepEqual(JSON.parse(lines[3]), { ...all[3], rasd_check: '' });
  }
  assert.equal(await read('acled-csv', []), acledCsv([], 1));
  assert.equal(await read('geojson', []), '{"type":"FeatureCollection","features":[]}\n');
  assert.equal(await read('jsonl', []), '');
});

test('csv-stringify cells: quoted where needed (a lone \\r too), formulas kept as text, read back whole', () => {
  const csv = acledCsv(hostile, 1);
  const rows = csvRows(csv);
  assert.equal(rows.length, hostile.length + 1);
  for (const r of rows.slice(1)) {
    assert.equal(r.length, rows[0].length);
    for (const cell of r) assert.ok(!/^[=+@\t\r]/.test(cell), JSON.stringify(cell));
  }
  assert.ok(csv.includes('"\'\rR"'), 'a cell with a carriage return is quoted');
  assert.ok(rows.some((r) => r.includes("'-2+3")));
});
