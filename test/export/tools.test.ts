/**
 * The exports in the tools ACLED users have: pandas reads the ACLED CSV with the dtypes ACLED users set, and GDAL's
 * ogr2ogr turns the GeoJSON into a Shapefile and a GeoPackage keeping every field (Debian's python3-pandas and
 * gdal-bin, which .ci/run installs; elsewhere the test is skipped unless CI=1).
 */
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { acledCsv, EXPORT_COLUMNS } from '../../src/export/acled.js';
import { toGeoJson } from '../../src/export/geojson.js';
import { fuseAll } from '../../src/fuse/fuse.js';
import { membersOf, readDocuments } from '../fuse/members.js';

const PYTHON = '/usr/bin/python3';
const OGR = '/usr/bin/ogr2ogr';
const hasPandas = existsSync(PYTHON) && spawnSync(PYTHON, ['-c', 'import pandas']).status === 0;
const hasOgr = existsSync(OGR);
const why = (ok: boolean, what: string) =>
  ok || process.env.CI ? false : `${what} is not installed (.ci/run installs it)`;

const dir = mkdtempSync(path.join(tmpdir(), 'rasd-tools-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const incidents = fuseAll(membersOf(readDocuments(new URL('../../corpus/dev/articles.jsonl', import.meta.url))));

test('pandas reads the ACLED CSV with the dtypes ACLED users set', { skip: why(hasPandas, 'python3-pandas') }, () => {
  const csv = path.join(dir, 'acled.csv');
  writeFileSync(csv, acledCsv(incidents, 1_700_000_000, { bom: true }));
  const script = `
import json, sys, pandas as pd
df = pd.read_csv(sys.argv[1], encoding="utf-8-sig", parse_dates=["event_date"], dtype={
  "event_id_cnty": str, "year": "int64", "time_precision": "int64", "iso": "Int64", "latitude": float,
  "longitude": float, "geo_precision": "Int64", "fatalities": "int64", "timestamp": "int64",
  "interaction": str, "region": str, "source_scale": str})
print(json.dumps({"rows": len(df), "columns": list(df.columns), "iso": sorted(set(int(x) for x in df["iso"].dropna())),
  "dates": str(df["event_date"].dtype), "ids_unique": bool(df["event_id_cnty"].is_unique),
  "regions": sorted(set(df["region"].dropna()))}))
`;
  const out = JSON.parse(execFileSync(PYTHON, ['-c', script, csv], { encoding: 'utf8' }));
  assert.equal(out.rows, incidents.length);
  assert.deepEqual(out.columns, [...EXPORT_COLUMNS]);
  assert.match(out.dates, /datetime64/);
  assert.ok(out.iso.includes(760) && out.iso.includes(887), JSON.stringify(out.iso));
  assert.ok(out.regions.includes('Middle East'));
});

test('ogr2ogr turns the GeoJSON into a Shapefile and a GeoPackage keeping every field', {
  skip: why(hasOgr, 'gdal-bin'),
}, () => {
  const geojson = path.join(dir, 'incidents.geojson');
  const g = toGeoJson(incidents, 1_700_000_000);
  writeFileSync(geojson, JSON.stringify(g));
  const fields = Object.keys(g.features[0].properties);
  for (const [driver, file] of [
    ['GPKG', 'incidents.gpkg'],
    ['ESRI Shapefile', 'incidents.shp'],
  ] as const) {
    const target = path.join(dir, file);
    const r = spawnSync(OGR, ['-f', driver, target, geojson, '-lco', 'ENCODING=UTF-8'], { encoding: 'utf8' });
    assert.equal(r.status, 0, `${driver}: ${r.stderr}`);
    assert.doesNotMatch(r.stderr, /StringList|Can't create field/, driver);
    const info = execFileSync('/usr/bin/ogrinfo', ['-so', '-al', target], { encoding: 'utf8' });
    assert.match(info, new RegExp(`Feature Count: ${g.features.length}\\b`), driver);
    // every field kept, and the feature's id as one more (a Shapefile cuts names to 10 characters)
    const names = [...info.matchAll(/^(\w+): (String|Integer|Integer64|Real|Date)/gm)].map((m) => m[1]);
    assert.equal(names.length, fields.length + 1, `${driver}: ${names.join(' ')}`);
    if (driver === 'GPKG') for (const f of fields) assert.ok(names.includes(f), `${driver}: ${f}`);
  }
});
