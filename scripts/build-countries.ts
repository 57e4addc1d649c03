/**
 * data/gazetteer/countries.tsv: ISO2, ISO3 and English name of every country, from the raw gazetteer folder's
 * countries.tsv (i18n-iso-countries, MIT; world-countries, ODbL), with the ACLED region of
 * data/gazetteer/acled-regions.tsv. Read by the exports (ACLED's event_id_cnty, iso, region, country columns).
 *
 * usage: node --import tsx scripts/build-countries.ts [GAZETTEER_DIR]   (else $RASD_SOURCE_DATA/gazetteer)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { sourceData } from './source-data.js';

const root = path.resolve(import.meta.dirname, '..');
const shared = sourceData('gazetteer', process.argv[2], 'pass the gazetteer folder: build-countries.ts DIR');

const rows = (file: string) => {
  const lines = readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() && !l.startsWith('#'));
  const head = lines[0].split('\t');
  return lines.slice(1).map((l) => Object.fromEntries(l.split('\t').map((v, i) => [head[i], v])));
};

const region = new Map(rows(path.join(root, 'data/gazetteer/acled-regions.tsv')).map((r) => [r.iso2, r.region]));
const out = rows(path.join(shared, 'countries.tsv'))
  .filter((r) => r.iso2 && r.iso3)
  .map((r) => [r.iso2, r.iso3, r.name_en, region.get(r.iso2) ?? ''].join('\t'))
  .sort();
writeFileSync(
  path.join(root, 'data/gazetteer/countries.tsv'),
  `# built by scripts/build-countries.ts from the source gazetteer/countries.tsv (names: i18n-iso-countries, MIT;\n# world-countries, ODbL) and acled-regions.tsv\niso2\tiso3\tname\tregion\n${out.join('\n')}\n`,
);
console.log(`${out.length} countries -> data/gazetteer/countries.tsv`);
