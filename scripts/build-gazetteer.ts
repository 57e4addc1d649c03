/**
 * Builds data/gazetteer/places.tsv from ../shared/data/gazetteer (GeoNames CC BY 4.0, Natural Earth, OurAirports,
 * curated facilities): every place with an Arabic name, in one compact table the geocoder loads at run time.
 *
 * usage: node --import tsx scripts/build-gazetteer.ts [SHARED_GAZETTEER_DIR]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const src = process.argv[2] ?? path.resolve(root, '../shared/data/gazetteer');
const out = path.join(root, 'data/gazetteer/places.tsv');

function table(file: string): Record<string, string>[] {
  const [head, ...rows] = readFileSync(path.join(src, file), 'utf8').split('\n');
  const cols = head.split('\t');
  return rows
    .filter((r) => r.trim() !== '')
    .map((r) => {
      const v = r.split('\t');
      return Object.fromEntries(cols.map((c, i) => [c, v[i] ?? '']));
    });
}

// Persian/Kurdish-only spellings are dropped: the matcher reads standard Arabic.
const arabicOnly = (names: string) =>
  names
    .split('|')
    .map((n) => n.trim())
    .filter((n) => n && !/[پچژگڤڕۆێەی]/.test(n));

interface Row {
  id: string;
  name: string;
  names_ar: string[];
  lat: number;
  lon: number;
  country: string;
  admin1: string;
  feature: string;
  population: number;
}

const rows: Row[] = [];
const admin1 = new Map<string, { name: string; names_ar: string[]; geonameid: string }>();
for (const a of table('geonames_admin1.tsv')) {
  admin1.set(a.code, { name: a.name, names_ar: arabicOnly(a.names_ar), geonameid: a.geonameid });
}
const adminName = (country: string, code: string) => admin1.get(`${country}.${code}`)?.name ?? '';

const places = table('geonames_places.tsv');
const seatOf = new Map<string, { lat: number; lon: number; pop: number }>();
for (const p of places) {
  const key = `${p.country}.${p.admin1_code}`;
  const pop = Number(p.population) || 0;
  const isSeat = p.feature_code === 'PPLA' || p.feature_code === 'PPLC';
  const prev = seatOf.get(key);
  if (isSeat && (!prev || pop > prev.pop)) seatOf.set(key, { lat: Number(p.lat), lon: Number(p.lon), pop });
  const names = arabicOnly(p.names_ar);
  if (names.length === 0) continue;
  rows.push({
    id: `gn:${p.geonameid}`,
    name: p.name,
    names_ar: names,
    lat: Number(p.lat),
    lon: Number(p.lon),
    country: p.country,
    admin1: adminName(p.country, p.admin1_code),
    feature: `place:${p.feature_code}`,
    population: Number(p.population) || 0,
  });
}

for (const [code, a] of admin1) {
  if (a.names_ar.length === 0) continue;
  const seat = seatOf.get(code);
  if (!seat) continue;
  rows.push({
    id: `adm1:${code}`,
    name: a.name,
    names_ar: a.names_ar,
    lat: seat.lat,
    lon: seat.lon,
    country: code.split('.')[0],
    admin1: a.name,
    feature: 'admin1',
    population: 0,
  });
}

for (const c of table('countries.tsv')) {
  if (!c.lat || !c.lon) continue;
  rows.push({
    id: `country:${c.iso2}`,
    name: c.name_en,
    names_ar: arabicOnly(c.names_ar),
    lat: Number(c.lat),
    lon: Number(c.lon),
    country: c.iso2,
    admin1: '',
    feature: 'country',
    population: 0,
  });
}

for (const f of table('facilities_ar.tsv')) {
  const [country, code] = f.admin1.split('.');
  rows.push({
    id: `fac:${f.name_en.replace(/\s+/g, '_')}`,
    name: f.name_en,
    names_ar: arabicOnly(f.names_ar),
    lat: Number(f.lat),
    lon: Number(f.lon),
    country: f.country,
    admin1: code ? adminName(country, code) : '',
    feature: f.kind,
    population: 0,
  });
}

for (const a of table('airports_mena.tsv')) {
  const names = arabicOnly(a.names_ar);
  if (names.length === 0) continue;
  rows.push({
    id: `ap:${a.ident}`,
    name: a.name,
    names_ar: names,
    lat: Number(a.lat),
    lon: Number(a.lon),
    country: a.iso_country,
    admin1: '',
    feature: a.type.includes('airport') ? 'airport' : a.type,
    population: 0,
  });
}

const header = 'id\tname\tnames_ar\tlat\tlon\tcountry\tadmin1\tfeature\tpopulation';
const lines = rows.map((r) =>
  [r.id, r.name, r.names_ar.join('|'), r.lat.toFixed(4), r.lon.toFixed(4), r.country, r.admin1, r.feature, r.population].join(
    '\t',
  ),
);
writeFileSync(out, `${header}\n${lines.join('\n')}\n`);
console.log(`${rows.length} places -> ${path.relative(root, out)}`);
