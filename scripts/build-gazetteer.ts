/**
 * Builds data/gazetteer/places.tsv from the raw gazetteer tables (GeoNames CC BY 4.0, Natural Earth, OurAirports,
 * curated facilities): every place with an Arabic name, in one compact table the geocoder loads at run time; and
 * common-words.tsv from those places and the 2018 news in corpus/news/.
 *
 * With the Who's On First extension beside it (GAZETTEER_DIR/../gazetteer-wof, or $RASD_GAZETTEER_WOF), also
 * places-wof.tsv.gz: the region's villages, neighbourhoods and admin 2/3 units (scripts/gazetteer-wof.ts), each
 * name marked for plain reading or for a frame only by what the 2018 news does with it.
 *
 * usage: node --import tsx scripts/build-gazetteer.ts [GAZETTEER_DIR]   (else $RASD_SOURCE_DATA/gazetteer)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { NEWS_GZ, readText } from './corpus.js';
import { INDEXED_ADMIN_WORDS, readWof, type WofRow, wofDir } from './gazetteer-wof.js';
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
  admin2?: string;
  wikidata?: string;
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

// The WOF extension: admin2 and Wikidata of the old rows (by geonameid), and the new places and admin units.
const wofSrc = wofDir(src);
const oldIds = new Set(rows.filter((r) => r.id.startsWith('gn:')).map((r) => r.id.slice(3)));
const wof = wofSrc
  ? readWof(wofSrc, oldIds, (code) => adminName(code.split('.')[0], code.split('.')[1]))
  : { rows: [] as WofRow[], byGeonameid: new Map<string, { admin2: string; wikidata: string }>() };
// curated corrections of WOF coordinates (data/gazetteer/wof-corrections.tsv)
const corrections = new Map<string, { lat: number; lon: number }>();
for (const l of readFileSync(path.join(root, 'data/gazetteer/wof-corrections.tsv'), 'utf8').split('\n')) {
  const [id, lat, lon] = l.split('\t');
  if (!l.startsWith('#') && id !== 'id' && lat) corrections.set(id, { lat: Number(lat), lon: Number(lon) });
}
for (const r of wof.rows) Object.assign(r, corrections.get(r.id) ?? {});
// curated wrong Arabic names (data/gazetteer/name-corrections.tsv)
const wrongNames = new Set<string>();
for (const l of readFileSync(path.join(root, 'data/gazetteer/name-corrections.tsv'), 'utf8').split('\n')) {
  const [id, name] = l.split('\t');
  if (!l.startsWith('#') && id !== 'id' && name) wrongNames.add(`${id}\t${name}`);
}
for (const r of rows) r.names_ar = r.names_ar.filter((n) => !wrongNames.has(`${r.id}\t${n}`));
// curated names the tables lack (data/gazetteer/name-additions.tsv)
const addedNames = new Map<string, string[]>();
for (const l of readFileSync(path.join(root, 'data/gazetteer/name-additions.tsv'), 'utf8').split('\n')) {
  const [id, name] = l.split('\t');
  if (!l.startsWith('#') && id !== 'id' && name) addedNames.set(id, [...(addedNames.get(id) ?? []), name]);
}
for (const r of rows) for (const n of addedNames.get(r.id) ?? []) if (!r.names_ar.includes(n)) r.names_ar.push(n);
for (const r of rows) {
  const w = r.id.startsWith('gn:') ? wof.byGeonameid.get(r.id.slice(3)) : undefined;
  r.admin2 = w?.admin2 ?? '';
  r.wikidata = w?.wikidata ?? '';
}

const header = 'id\tname\tnames_ar\tlat\tlon\tcountry\tadmin1\tadmin2\tfeature\tpopulation\twikidata';
const line = (r: Row) =>
  [
    r.id,
    r.name,
    r.names_ar.join('|'),
    r.lat.toFixed(4),
    r.lon.toFixed(4),
    r.country,
    r.admin1,
    r.admin2 ?? '',
    r.feature,
    r.population,
    r.wikidata ?? '',
  ].join('\t');
writeFileSync(out, `${header}\n${rows.map(line).join('\n')}\n`);
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
  // "دبي، الإمارات (CNN)": the dateline's first word is where the report was filed, a place as after a locative
  const dateline = /^[^\u0621-\u064a]*([\u0621-\u064a]+)\s*[،,]/.exec(normalizeString(text))?.[1];
  const datelineAt = words.findIndex((x) => x !== '');
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
      if (
        LOCATIVE_BEFORE.has(words[i - 1] ?? '') ||
        (form !== w && /^[وف]?[بل]/.test(w)) ||
        (i === datelineAt && w === dateline)
      )
        st.locative++;
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

// The new places' names (WOF): what the 2018 news does with each. A one-word name the old table lacks is prose when
// the news writes it at all and mostly not after a locative or a frame word (a village's name is rarely news, so
// any frequent use is a word of prose), or often with the other article form; a longer name is prose when it is
// written five times or more and mostly without a locative before it (بيت الله، دار السلام as phrases).
const oldNames = new Map<string, Set<string>>();
const noteOld = (k: string, country: string) => {
  const s = oldNames.get(k) ?? new Set<string>();
  s.add(country);
  oldNames.set(k, s);
};
const regionRows = readFileSync(path.join(root, 'data/gazetteer/regions.tsv'), 'utf8')
  .split('\n')
  .filter((l) => l && !l.startsWith('#') && !l.startsWith('id\t'))
  .map((l) => l.split('\t'))
  .map((v) => ({ names_ar: v[2]?.split('|') ?? [], country: v[5] ?? '' }));
for (const r of [...rows, ...regionRows]) {
  for (const n of r.names_ar) {
    const norm = normalizeString(n);
    noteOld(norm, r.country);
    if (!norm.includes(' ')) noteOld(stripArticle(norm), r.country);
  }
}
const notPlaces = new Set(
  readFileSync(path.join(root, 'data/gazetteer/not-places.tsv'), 'utf8')
    .split('\n')
    .filter((l) => l && !l.startsWith('#'))
    .map((l) => l.split('\t')[0]),
);
const oneKey = (n: string) => {
  const w = normalizeString(n);
  return /^[أإآ]ل/.test(n.trim()) ? w : stripArticle(w);
};
// one-word keys the old table lacks, and the longer names (by their first word)
const newOne = new Map<string, { bare: number; withArticle: number; locative: number; article: boolean }>();
const newMulti = new Map<string, Map<string, { f: number; locative: number }>>();
for (const r of wof.rows) {
  for (const n of r.names_ar) {
    const norm = normalizeString(n);
    if (!norm.includes(' ')) {
      const k = oneKey(n);
      if (!byKey.has(k) && !newOne.has(k)) newOne.set(k, { bare: 0, withArticle: 0, locative: 0, article: k !== norm });
    } else {
      const first = norm.split(' ')[0];
      const m = newMulti.get(first) ?? new Map<string, { f: number; locative: number }>();
      m.set(norm, { f: 0, locative: 0 });
      newMulti.set(first, m);
    }
  }
}
for (const line of readText(NEWS_GZ).split('\n')) {
  if (!line.trim()) continue;
  const { text } = JSON.parse(line) as { text: string };
  const words = normalizeString(text).split(/[^\u0621-\u064a]+/);
  // "دبي، الإمارات (CNN)": the dateline's first word is where the report was filed, a place as after a locative
  const dateline = /^[^\u0621-\u064a]*([\u0621-\u064a]+)\s*[،,]/.exec(normalizeString(text))?.[1];
  const datelineAt = words.findIndex((x) => x !== '');
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    const locPrev = LOCATIVE_BEFORE.has(words[i - 1] ?? '');
    for (const form of [w, w.replace(/^[وف]/, ''), w.replace(/^[وف]?[بلك]/, '')]) {
      const art = form.startsWith('ال') && form.length > 3;
      const st = newOne.get(art ? form.slice(2) : form);
      if (!st) continue;
      if (art) st.withArticle++;
      else st.bare++;
      if (locPrev || (form !== w && /^[وف]?[بل]/.test(w))) st.locative++;
      break;
    }
    for (const form of new Set([w, w.replace(/^[وف]/, ''), w.replace(/^[وف]?[بل]/, '')])) {
      const m = newMulti.get(form);
      if (!m) continue;
      for (const [name, st] of m) {
        const ws = name.split(' ');
        let ok = true;
        for (let j = 1; j < ws.length && ok; j++) ok = words[i + j] === ws[j];
        if (!ok) continue;
        st.f++;
        if (locPrev || (form !== w && /^[وف]?[بل]/.test(w))) st.locative++;
      }
    }
  }
}
const newCommon: [string, number][] = [];
for (const [k, st] of newOne) {
  const f = st.bare + st.withArticle;
  if (f < 3) continue;
  const other = (st.article ? st.bare : st.withArticle) / f;
  if (st.locative / f < 0.5 || other > 0.15) newCommon.push([k, f]);
}
newCommon.sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]));
const proseOne = new Set(newCommon.map(([k]) => k));
const proseMulti = (norm: string) => {
  const st = newMulti.get(norm.split(' ')[0])?.get(norm);
  return st !== undefined && st.f >= 5 && st.locative / st.f < 0.3;
};
writeFileSync(
  path.join(root, 'data/gazetteer/common-words-wof.tsv'),
  `# built by scripts/build-gazetteer.ts from the 2018 news corpus: one-word names of the WOF extension's places (not
# in common-words.tsv) that the news writes as words of prose; the build reads them after a frame word only
word\tnews_frequency\n${newCommon.map(([k, f]) => `${k}\t${f}`).join('\n')}\n`,
);
console.log(`${newCommon.length} one-word names of the WOF places that are common words -> common-words-wof.tsv`);

// Each name of a new place: plain (read anywhere), `~` (only after a frame word), `!` (look-ups only).
const ADMIN_FORM =
  /^(مديري[هة]|محافظ[هة]|قضاء|ناحي[هة]|منطق[هة]|ولاي[هة]|مركز|قسم|لواء|معتمدي[هة]|محلي[هة]|مقاطع[هة]|[إا]قليم|جماع[هة]|ولسوالي[هة]) /;
// words of place frames and directions: a name made of them alone is prose (جنوب شرق), one that starts with one
// before an old name is that frame and that place (ريف دمشق)
const FRAME_WORDS = new Set<string>();
for (const l of readFileSync(path.join(root, 'data/lexicons/place-frames.tsv'), 'utf8').split('\n')) {
  if (l.startsWith('#') || l.startsWith('forms\t') || !l.includes('\t')) continue;
  for (const f of l.split('\t')[0].split('|')) for (const w of normalizeString(f).split(' ')) FRAME_WORDS.add(w);
}
for (const w of ['وسط', 'شرقي', 'غربي', 'شمالي', 'جنوبي', 'الشمالي', 'الجنوبي', 'الشرقي', 'الغربي', 'الوسطي'])
  FRAME_WORDS.add(w);
// the spelling of a name for homonymy: no spaces, no article (البوكمال، البو كمال، بوكمال)
const squash = (norm: string) => norm.replace(/(^| )ال/g, '$1').replace(/ /g, '');
const populated = new Map<string, Set<string>>();
for (const r of [...rows, ...wof.rows]) {
  if (!r.feature.startsWith('place:')) continue;
  for (const n of r.names_ar) {
    const k = squash(normalizeString(n));
    const s = populated.get(k) ?? new Set<string>();
    s.add(r.country);
    populated.set(k, s);
  }
}
// a one-word name the news writes often and seldom as a place is never one (تحت، مشروع), framed or not
const hardProse = (k: string) => {
  const st = stats.get(k) ?? newOne.get(k);
  if (!st) return false;
  const f = st.bare + st.withArticle;
  return f >= 30 && st.locative / f < 0.2;
};
let plain = 0;
let framed = 0;
const marked = wof.rows.map((r) => {
  const prominent =
    r.population > 0 || r.wikidata !== '' || /^(place:PPLA\d?|place:PPLC|admin2|admin3)$/.test(r.feature);
  const names: string[] = [];
  for (const n of r.names_ar) {
    const norm = normalizeString(n);
    if (norm.replace(/ /g, '').length < 3) continue;
    const admin = ADMIN_FORM.exec(n);
    if (admin) {
      names.push(INDEXED_ADMIN_WORDS.has(admin[1]) ? n : `!${n}`);
      continue;
    }
    const words = norm.split(' ');
    const one = words.length === 1;
    if (
      words.every((w) => FRAME_WORDS.has(w)) ||
      (!one && FRAME_WORDS.has(words[0]) && oldNames.has(words.slice(1).join(' '))) ||
      (one && hardProse(oneKey(n))) ||
      notPlaces.has(norm)
    ) {
      names.push(`!${n}`);
      continue;
    }
    const clash = oldNames.get(norm)?.has(r.country) || (one && oldNames.get(oneKey(n))?.has(r.country));
    // a district named like a town of its country: the bare name is the town's (سنجار، البوكمال)
    const seatNamed = !r.feature.startsWith('place:') && populated.get(squash(norm))?.has(r.country);
    const prose = one
      ? proseOne.has(oneKey(n)) || byKey.has(oneKey(n)) || notPlaces.has(norm) || oneKey(n).length <= 2
      : proseMulti(norm) || notPlaces.has(norm);
    const ok = prominent && !clash && !prose && !seatNamed;
    if (ok) plain++;
    else framed++;
    names.push(ok ? n : `~${n}`);
  }
  return { ...r, names_ar: names };
});
// Places with a name read plain load with the gazetteer; the others (read only after a frame word) load on the
// first framed look-up, keyed by their names as normalised here (and without the article or final hamza).
const wofOut = path.join(root, 'data/gazetteer/places-wof.tsv.gz');
const framedOut = path.join(root, 'data/gazetteer/places-framed.tsv.gz');
const cells = (r: (typeof marked)[number]) => [
  r.id,
  r.name,
  r.names_ar.join('|'),
  r.lat.toFixed(4),
  r.lon.toFixed(4),
  r.country,
  r.admin1,
  r.admin2,
  r.feature,
  r.population,
  r.wikidata,
];
const framedKeys = (names: string[], all = false) => {
  const keys: string[] = [];
  const add = (k: string) => {
    if (!keys.includes(k)) keys.push(k);
  };
  for (const m of names) {
    if (m.startsWith('!') || (!all && !m.startsWith('~'))) continue;
    const n = normalizeString(m.replace(/^~/, ''));
    add(n);
    if (n.startsWith('ال') && !/^[أإآ]ل/.test(m.replace(/^~/, '')) && n.split(' ')[0].length > 4) add(n.slice(2));
    if (n.length > 4 && n.endsWith('اء')) add(n.slice(0, -1));
  }
  return keys;
};
// the admin units all load with the gazetteer (a few thousand rows), the villages read plain too
const eager = (r: (typeof marked)[number]) =>
  !r.feature.startsWith('place:') || r.names_ar.some((n) => !n.startsWith('!') && !n.startsWith('~'));
const withPlain = marked.filter((r) => eager(r) && r.names_ar.some((n) => !n.startsWith('!')));
const minorRows = marked.filter((r) => !eager(r) && framedKeys(r.names_ar).length > 0);
if (wofSrc) {
  // with the keys every name has after a frame word, for the modes that read them all so (src/geo/gazetteer.ts)
  writeFileSync(
    wofOut,
    gzipSync(
      `keys\t${header}\n${withPlain.map((r) => [framedKeys(r.names_ar, true).join('|'), ...cells(r)].join('\t')).join('\n')}\n`,
      { level: 9 },
    ),
  );
  writeFileSync(
    framedOut,
    gzipSync(
      `keys\t${header}\n${minorRows.map((r) => [framedKeys(r.names_ar).join('|'), ...cells(r)].join('\t')).join('\n')}\n`,
      { level: 9 },
    ),
  );
  console.log(
    `${withPlain.length} WOF admin units and places read plain -> ${path.relative(root, wofOut)}; ${minorRows.length} after a frame only -> ${path.relative(root, framedOut)} (${plain} names read plain, ${framed} after a frame only)`,
  );
} else console.log('no gazetteer-wof/ beside the gazetteer folder: places-wof.tsv.gz left as it is');

// Towns of 15,000 people or more, administrative seats and first-level regions by their Latin names, for the Arabic
// spellings the tables lack (src/geo/latin-names.ts): ids as in places.tsv, so a known place stays one entry.
const LATIN_MIN_POPULATION = 15_000;
const latinOut = path.join(root, 'data/gazetteer/places-latin.tsv.gz');
const latinRows: string[] = [];
for (const p of places) {
  const pop = Number(p.population) || 0;
  if (pop < LATIN_MIN_POPULATION && p.feature_code !== 'PPLA' && p.feature_code !== 'PPLC') continue;
  const admin = adminName(p.country, p.admin1_code);
  latinRows.push(
    [`gn:${p.geonameid}`, p.name, p.lat, p.lon, p.country, admin, `place:${p.feature_code}`, pop].join('\t'),
  );
}
for (const [code, a] of admin1) {
  const seat = seatOf.get(code);
  if (seat)
    latinRows.push([`adm1:${code}`, a.name, seat.lat, seat.lon, code.split('.')[0], a.name, 'admin1', 0].join('\t'));
}
writeFileSync(
  latinOut,
  gzipSync(`id\tname\tlat\tlon\tcountry\tadmin1\tfeature\tpopulation\n${latinRows.join('\n')}\n`, { level: 9 }),
);
console.log(`${latinRows.length} towns and regions by their Latin names -> ${path.relative(root, latinOut)}`);
