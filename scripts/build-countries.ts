/**
 * data/gazetteer/countries.tsv: ISO2, ISO3 and English name of every country, from the raw gazetteer folder's
 * countries.tsv (i18n-iso-countries, MIT; world-countries, ODbL), the ISO 3166-1 numeric code and the ACLED region
 * (data/gazetteer/acled-regions.tsv, else from world-countries' UN sub-region). Read by the exports (ACLED's event_id_cnty, iso, region, country columns).
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
/**
 * ACLED's region of the countries acled-regions.tsv does not list, from the UN sub-region world-countries gives:
 * ACLED's regions follow the UN's, but for the Middle East (Western Asia and Iran), the Caucasus and Central Asia,
 * and Europe whole.
 */
const BY_SUBREGION: Record<string, string> = {
  'Western Africa': 'Western Africa',
  'Middle Africa': 'Middle Africa',
  'Eastern Africa': 'Eastern Africa',
  'Southern Africa': 'Southern Africa',
  'Northern Africa': 'Northern Africa',
  'Western Asia': 'Middle East',
  'Central Asia': 'Caucasus and Central Asia',
  'Southern Asia': 'South Asia',
  'South-Eastern Asia': 'Southeast Asia',
  'Eastern Asia': 'East Asia',
  'Northern Europe': 'Europe',
  'Southern Europe': 'Europe',
  'Southeast Europe': 'Europe',
  'Central Europe': 'Europe',
  'Western Europe': 'Europe',
  'Eastern Europe': 'Europe',
  Caribbean: 'Caribbean',
  'Central America': 'Central America',
  'South America': 'South America',
  'North America': 'North America',
  'Australia and New Zealand': 'Oceania',
  Melanesia: 'Oceania',
  Micronesia: 'Oceania',
  Polynesia: 'Oceania',
};
const CAUCASUS = new Set(['AM', 'AZ', 'GE']);
interface WorldCountry {
  cca2: string;
  ccn3: string;
  region: string;
  subregion: string;
}
const world = new Map(
  (
    JSON.parse(readFileSync(path.join(root, 'node_modules/world-countries/countries.json'), 'utf8')) as WorldCountry[]
  ).map((c) => [c.cca2, c]),
);
const regionOf = (iso2: string): string => {
  const listed = region.get(iso2);
  if (listed) return listed;
  if (CAUCASUS.has(iso2)) return 'Caucasus and Central Asia';
  const w = world.get(iso2);
  if (!w) return '';
  if (w.region === 'Antarctic') return 'Antarctica';
  return BY_SUBREGION[w.subregion] ?? '';
};
const out = rows(path.join(shared, 'countries.tsv'))
  .filter((r) => r.iso2 && r.iso3)
  .map((r) =>
    [r.iso2, r.iso3, String(Number(world.get(r.iso2)?.ccn3 ?? 0) || ''), r.name_en, regionOf(r.iso2)].join('\t'),
  )
  .sort();
const missing = out.filter((l) => l.split('\t')[2] === '' || l.split('\t')[4] === '');
writeFileSync(
  path.join(root, 'data/gazetteer/countries.tsv'),
  `# built by scripts/build-countries.ts from the source gazetteer/countries.tsv (names: i18n-iso-countries, MIT;\n# world-countries, ODbL: ISO 3166-1 numeric codes and UN sub-regions), ACLED's region from acled-regions.tsv or the\n# sub-region\niso2\tiso3\tnumeric\tname\tregion\n${out.join('\n')}\n`,
);
console.log(
  `${out.length} countries -> data/gazetteer/countries.tsv (${missing.length} without a numeric code or a region: ${missing.map((l) => l.split('\t')[0]).join(' ')})`,
);
