/**
 * Builds data/gazetteer/places.tsv from the raw gazetteer tables (GeoNames CC BY 4.0, Natural Earth, OurAirports,
 * curated facilities): every place with an Arabic name, in one compact table the geocoder loads at run time; and
 * common-words.tsv from those places and the 2018 news in corpus/news/.
 *
 * usage: node --import tsx scripts/build-gazetteer.ts [GAZETTEER_DIR]   (else $RASD_SOURCE_DATA/gazetteer)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { NEWS_GZ, readText } from './corpus.js';
import { sourceData } from './source-data.js';

const root = path.resolve(import.meta.dirname, '..');
const src = sourceData('gazetteer', process.argv[2], 'pass the gazetteer folder: build-gazetteer.ts DIR');
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

// The West Bank is coded to Palestine (as ACLED does): GeoNames' Israeli "Judea and Samaria Area" keeps its own
// names but not the Arabic names of the Palestinian West Bank.
const westBank = new Set(admin1.get('PS.WE')?.names_ar ?? []);
const judea = admin1.get('IL.WE');
if (judea) judea.names_ar = judea.names_ar.filter((n) => !westBank.has(n));

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

const centroid = new Map<string, { lat: number; lon: number }>();
for (const line of readFileSync(path.join(root, 'data/gazetteer/country-centroids.tsv'), 'utf8').split('\n')) {
  const [iso2, lat, lon] = line.split('\t');
  if (!line.startsWith('#') && iso2 !== 'iso2' && lat) centroid.set(iso2, { lat: Number(lat), lon: Number(lon) });
}
for (const c of table('countries.tsv')) {
  if (!c.lat || !c.lon) continue;
  const point = centroid.get(c.iso2) ?? { lat: Number(c.lat), lon: Number(c.lon) };
  rows.push({
    id: `country:${c.iso2}`,
    name: c.name_en,
    names_ar: arabicOnly(c.names_ar),
    lat: point.lat,
    lon: point.lon,
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
  [
    r.id,
    r.name,
    r.names_ar.join('|'),
    r.lat.toFixed(4),
    r.lon.toFixed(4),
    r.country,
    r.admin1,
    r.feature,
    r.population,
  ].join('\t'),
);
writeFileSync(out, `${header}\n${lines.join('\n')}\n`);
console.log(`${rows.length} places -> ${path.relative(root, out)}`);

// One-word place names that are also common words (بيان, العديد, بأن, كان): listed with their frequency in the
// 2018 news corpus, so the recogniser takes them as places only inside a place frame (مدينة X, قرب X). A word is
// prose when it rarely follows a locative (في X, بX, مدينة X) and is frequent or also written with the other
// article form (المقر/مقر), or when it is often written with the other article form at all (بيان/البيان).
const { normalizeString } = await import('../src/lang/ar/normalize.js');
const { stripArticle } = await import('../src/lang/ar/clitics.js');
const LOCATIVE_BEFORE = new Set(['في', 'مدينه', 'بلده', 'منطقه', 'قريه', 'مخيم', 'حي', 'محافظه', 'ريف', 'قرب']);
for (const w of ['شمال', 'جنوب', 'شرق', 'غرب', 'مديريه', 'جبهه', 'ناحيه', 'قضاء']) LOCATIVE_BEFORE.add(w);

const byKey = new Map<string, { rows: Row[]; article: boolean }>();
for (const r of rows) {
  for (const n of r.names_ar) {
    const words = normalizeString(n).split(' ');
    if (words.length !== 1) continue;
    const hamzaLam = /^[أإآ]ل/.test(n.trim());
    const k = hamzaLam ? words[0] : stripArticle(words[0]);
    const entry = byKey.get(k) ?? { rows: [], article: !hamzaLam && words[0] !== k };
    entry.rows.push(r);
    byKey.set(k, entry);
  }
}
const stats = new Map<string, { bare: number; withArticle: number; locative: number }>();
for (const line of readText(NEWS_GZ).split('\n')) {
  if (!line.trim()) continue;
  const { text } = JSON.parse(line) as { text: string };
  const words = normalizeString(text).split(/[^\u0621-\u064a]+/);
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    // the word itself, then without a conjunction, then without a preposition (ب، ل، ك)
    for (const form of [w, w.replace(/^[وف]/, ''), w.replace(/^[وف]?[بلك]/, '')]) {
      const art = form.startsWith('ال') && form.length > 3;
      const st =
        stats.get(art ? form.slice(2) : form) ??
        (byKey.has(art ? form.slice(2) : form) ? { bare: 0, withArticle: 0, locative: 0 } : null);
      if (!st) continue;
      stats.set(art ? form.slice(2) : form, st);
      if (art) st.withArticle++;
      else st.bare++;
      if (LOCATIVE_BEFORE.has(words[i - 1] ?? '') || (form !== w && /^[وف]?[بل]/.test(w))) st.locative++;
      break;
    }
  }
}
// frequent nouns of news prose that "في" often precedes without making them places (في بيان, في إطار)
const PROSE = [
  'بيان',
  'وقت',
  'حديث',
  'اطار',
  'ظل',
  'حين',
  'حال',
  'سياق',
  'مؤتمر',
  'تصريح',
  'تقرير',
  'مقابله',
  'اتصال',
  'كلمه',
  'عمليه',
];
const common: [string, number][] = PROSE.filter((k) => byKey.has(k)).map((k) => [k, 0]);
for (const [k, { rows: rs, article }] of byKey) {
  if (rs.some((r) => r.feature === 'country') || PROSE.includes(k)) continue;
  const st = stats.get(k);
  if (!st) continue;
  const f = st.bare + st.withArticle;
  if (f < 15) continue;
  const other = (article ? st.bare : st.withArticle) / f;
  const located = st.locative / f;
  // a big place is named often without a locative (غزة، طهران as actors); only one never located is prose (كان)
  const big = rs.some(
    (r) => r.feature === 'admin1' || r.feature === 'place:PPLC' || r.feature === 'place:PPLA' || r.population >= 100000,
  );
  if (big ? located < 0.05 : (located < 0.3 && (other > 0.02 || f >= 200)) || other > 0.15) common.push([k, f]);
}
common.sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]));
writeFileSync(
  path.join(root, 'data/gazetteer/common-words.tsv'),
  `# built by scripts/build-gazetteer.ts from the 2018 news corpus\nword\tnews_frequency\n${common.map(([k, f]) => `${k}\t${f}`).join('\n')}\n`,
);
console.log(`${common.length} one-word place names that are common words -> data/gazetteer/common-words.tsv`);
