/**
 * The Who's On First extension of the gazetteer (villages, neighbourhoods, admin 2/3 units), read by
 * scripts/build-gazetteer.ts from the folder gazetteer-wof/ beside the raw gazetteer tables (see its README: WOF
 * CC0 with GeoNames CC BY 4.0 and Quattroshapes CC BY properties).
 *
 * Each name of a new place is either indexed as a plain name (the recogniser may read it anywhere, like the old
 * entries) or kept for a frame only (prefixed `~`: read as a place only after قرية، بلدة، حي، مديرية، منطقة …):
 * a small place (no population, no Wikidata item), a name that the 2018 news writes as prose, or a name an old
 * entry of the same country already has (the old reading keeps its rank; a frame adds the new candidate).
 * Names prefixed `!` are spellings kept for look-ups only (the admin-word forms "مديرية نهم", "قضاء سنجار").
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';

export interface WofRow {
  id: string;
  name: string;
  names_ar: string[];
  lat: number;
  lon: number;
  country: string;
  admin1: string;
  admin2: string;
  feature: string;
  population: number;
  wikidata: string;
}

export function readTable(file: string): Record<string, string>[] {
  const bytes = readFileSync(file);
  const text = (file.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8');
  const [head, ...rows] = text.split('\n');
  const cols = head.split('\t');
  const out: Record<string, string>[] = [];
  for (const r of rows) {
    if (r.trim() === '') continue;
    const v = r.split('\t');
    const row: Record<string, string> = {};
    for (let i = 0; i < cols.length; i++) row[cols[i]] = v[i] ?? '';
    out.push(row);
  }
  return out;
}

/** The folder of the WOF extension: beside the raw gazetteer folder, or $RASD_GAZETTEER_WOF. */
export function wofDir(gazetteerSrc: string): string | null {
  const dir = process.env.RASD_GAZETTEER_WOF ?? path.join(path.dirname(gazetteerSrc), 'gazetteer-wof');
  return existsSync(path.join(dir, 'places.tsv')) ? dir : null;
}

/**
 * The admin words before a level-2/3 unit's name, per country (ACLED's admin2 of each): those the recogniser
 * already reads as a frame (data/lexicons/place-frames.tsv: مديرية، قضاء، ناحية، منطقة، محافظة، ولاية) reach the
 * bare name through the frame; the others are indexed with the name.
 */
export const ADMIN_WORDS: Record<string, string[]> = {
  YE: ['مديرية'],
  IQ: ['قضاء', 'ناحية'],
  SY: ['منطقة', 'ناحية'],
  LB: ['قضاء'],
  EG: ['مركز', 'قسم'],
  SA: ['محافظة'],
  PS: ['محافظة'],
  OM: ['ولاية'],
  TN: ['معتمدية'],
  SD: ['محلية'],
  SS: ['مقاطعة'],
  MA: ['إقليم', 'جماعة'],
  AF: ['ولسوالية', 'مديرية'],
  TR: ['قضاء', 'منطقة'],
  IR: ['مقاطعة'],
  PK: ['مقاطعة', 'منطقة'],
};
/** admin words the frames of the recogniser do not know: indexed with the name */
export const INDEXED_ADMIN_WORDS = new Set(['معتمدية', 'محلية', 'ولسوالية']);
/** every admin word a name may begin with (stripped to find the bare name) */
const ANY_ADMIN_WORD =
  /^(مديرية|مديريه|محافظة|محافظه|قضاء|ناحية|ناحيه|منطقة|منطقه|ولاية|ولايه|لواء|معتمدية|معتمديه|محلية|محليه|مقاطعة|مقاطعه|إقليم|اقليم|مركز|قسم|جماعة|جماعه|ولسوالية|ولسواليه|شهرستان|دائرة|دائره|بلدية|بلديه) /;

/** Persian/Kurdish-only spellings are dropped: the matcher reads standard Arabic. */
export const arabicOnly = (names: string) =>
  names
    .split('|')
    .map((n) => n.trim())
    .filter((n) => n && !/[پچژگکڤڕۆێەیٹڈڑںھہۓےۍېۇۋ]/.test(n) && !/[A-Za-z0-9]/.test(n) && n.length >= 2)
    // "القف ضلع", "نهم ضلع": the Urdu word for district after the name
    .map((n) => n.replace(/ ضلع$/, ''));

/** a neighbourhood, settlement or village the news may name (not a historic, abandoned or destroyed one) */
const PLACE_CODES = /^(PPL|PPLA|PPLA2|PPLA3|PPLA4|PPLC|PPLX|PPLL|PPLF|PPLS|PPLR|STLMT)$/;

/**
 * The countries whose places the extension adds: the Arab states, and Turkey, Iran, Afghanistan, Pakistan and
 * Israel, whose places the Arabic press names with standard-Arabic spellings.
 */
export const WOF_COUNTRIES = new Set(
  'DZ BH KM DJ EG IQ JO KW LB LY MR MA OM PS QA SA SO SD SY TN AE YE EH TR IR AF PK IL'.split(' '),
);

export interface WofBuild {
  /** new places and admin units, in file order */
  rows: WofRow[];
  /** geonameid → admin2 name (English) and Wikidata id, for the old rows */
  byGeonameid: Map<string, { admin2: string; wikidata: string }>;
}

/**
 * Reads the extension. `oldIds` are the geonameids the old table has (those rows are not added again, only
 * enriched); `admin1Name` maps a GeoNames admin1 code (`SY.08`) to the name the old rows carry.
 */
export function readWof(dir: string, oldIds: Set<string>, admin1Name: (code: string) => string): WofBuild {
  const admins = readTable(path.join(dir, 'admin.tsv'));
  const unitName = new Map<string, string>();
  for (const a of admins) unitName.set(a.id, a.name);
  const rows: WofRow[] = [];
  const byGeonameid = new Map<string, { admin2: string; wikidata: string }>();
  for (const p of readTable(path.join(dir, 'places.tsv'))) {
    const admin2 = unitName.get(p.admin2) ?? '';
    if (p.geonameid && oldIds.has(p.geonameid)) {
      byGeonameid.set(p.geonameid, { admin2, wikidata: p.wikidata });
      continue;
    }
    if (p.source.includes('gn500') || !PLACE_CODES.test(p.feature_code) || !WOF_COUNTRIES.has(p.country)) continue;
    const names = arabicOnly(p.names_ar);
    if (names.length === 0) continue;
    rows.push({
      id: p.id,
      name: p.name,
      names_ar: names,
      lat: Number(p.lat),
      lon: Number(p.lon),
      country: p.country,
      admin1: p.admin1 ? admin1Name(p.admin1) : '',
      admin2,
      feature: `place:${p.feature_code}`,
      population: Number(p.population) || 0,
      wikidata: p.wikidata,
    });
  }
  for (const a of admins) {
    // admin1: the old table's regions, with their curated names
    if (a.level === '1' || !WOF_COUNTRIES.has(a.country)) continue;
    const names = [...new Set(arabicOnly(a.names_ar))];
    if (names.length === 0) continue;
    // the bare names first (without the admin word), then the admin-word forms, written for each admin word
    const bare: string[] = [];
    for (const n of names) {
      const b = n.replace(ANY_ADMIN_WORD, '').trim();
      if (b && b.split(' ').length <= 4 && !bare.includes(b)) bare.push(b);
    }
    if (bare.length === 0) continue;
    const framed: string[] = [];
    for (const w of ADMIN_WORDS[a.country] ?? ['منطقة']) for (const b of bare) framed.push(`${w} ${b}`);
    rows.push({
      id: a.id,
      name: a.name,
      names_ar: [...bare, ...framed],
      lat: Number(a.label_lat || a.lat),
      lon: Number(a.label_lon || a.lon),
      country: a.country,
      admin1: a.admin1 ? admin1Name(a.admin1) : '',
      admin2: a.level === '2' ? a.name : (unitName.get(a.parent_id) ?? ''),
      feature: a.level === '2' ? 'admin2' : 'admin3',
      population: 0,
      wikidata: a.wikidata,
    });
  }
  return { rows, byGeonameid };
}
