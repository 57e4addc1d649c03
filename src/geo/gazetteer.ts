/**
 * The shipped gazetteer, loaded once on first use, indexed by Arabic name: data/gazetteer/places.tsv (GeoNames
 * towns, admin1 regions, countries, facilities), the curated regions.tsv, and places-wof.tsv.gz (Who's On First:
 * the region's villages, neighbourhoods and admin 2/3 units). A WOF name marked `~` is read only after a frame
 * word (byNameFramed: قرية X، حي X، مديرية X), one marked `!` (an admin-word form) is kept for look-ups only.
 * What extraction reads of the WOF part: see gazetteerMode.
 */
import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { dataPath, readTsv, splitList } from '../data.js';
import { normalizeString } from '../lang/ar/normalize.js';
import { hamzaLamWords, PhraseIndex, type PhraseMatch, splitWords } from '../text/phrases.js';
import type { Token } from '../text/tokenize.js';

export interface GazEntry {
  id: string;
  name: string;
  name_ar: string;
  /** every Arabic name, normalised */
  names_ar: string[];
  lat: number;
  lon: number;
  country: string;
  admin1: string;
  /** the second-level unit (district, qada, mintaqa) by its English name, '' where unknown */
  admin2: string;
  /** place:PPL…, admin1, admin2, admin3, country, airbase, gas_field, lake, … */
  feature: string;
  population: number;
  /** has a Wikidata item (a place someone wrote about) */
  wikidata: boolean;
  /** a WOF place none of whose names is read without a frame word */
  minor: boolean;
}

export interface Gazetteer {
  entries: GazEntry[];
  byName: PhraseIndex<GazEntry>;
  /**
   * The names of places read only after a frame word (قرية، بلدة، حي، مديرية، منطقة …), of the rows above: normalised
   * name (words joined by one space) → places. framedAt also reads places-framed.tsv.gz, on its first call.
   */
  byNameFramed: Map<string, GazEntry[]>;
  byCountry: Map<string, GazEntry>;
  /** cold load time, ms */
  loadMs: number;
}

let cached: Gazetteer | null = null;

/**
 * Which part of the WOF extension extraction reads (RASD_GAZETTEER): `villages` (the default) its admin 2/3 units
 * after a frame word (مديرية نهم، قضاء سنجار، منطقة البوكمال) and its villages and neighbourhoods after a
 * settlement word (قرية، بلدة، حي), in a country the text names; `admin` the admin units alone; `plain` all, each
 * name as the build marked it (a prominent place's name read plainly); `base` none. On corpus/train and dev,
 * `plain` loses events' precision (a village named in passing becomes an event of its own); see the README.
 */
export type GazetteerMode = 'base' | 'admin' | 'villages' | 'plain';
let mode: GazetteerMode | null = null;
export function gazetteerMode(): GazetteerMode {
  if (mode) return mode;
  const m = process.env.RASD_GAZETTEER;
  mode = m === 'base' || m === 'admin' || m === 'plain' ? m : 'villages';
  return mode;
}
const wanted = (feature: string) => gazetteerMode() !== 'admin' || !feature.startsWith('place:');

const WOF_FILE = 'places-wof.tsv.gz';

/** The rows of a gzipped TSV with a header line (those `keep` accepts, a test on the line). */
function readTsvGz(file: string, keep: (line: string) => boolean): Record<string, string>[] {
  const lines = gunzipSync(readFileSync(file)).toString('utf8').split('\n');
  const cols = lines[0].split('\t');
  const out: Record<string, string>[] = [];
  for (let i = 1; i < lines.length; i++) {
    if (lines[i] === '' || !keep(lines[i])) continue;
    const v = lines[i].split('\t');
    const row: Record<string, string> = {};
    for (let c = 0; c < cols.length; c++) row[cols[c]] = v[c] ?? '';
    out.push(row);
  }
  return out;
}

const isAdminLine = (line: string) => line.includes('\tadmin2\t') || line.includes('\tadmin3\t');

/** One row of a gazetteer table, indexed: plain names in byName, `~` names in byNameFramed, `!` names not at all. */
function addRow(g: Omit<Gazetteer, 'loadMs'>, r: Record<string, string>): void {
  const marked = splitList(r.names_ar);
  const names = marked.map((n) => n.replace(/^[~!]/, ''));
  const e: GazEntry = {
    id: r.id,
    name: r.name,
    name_ar: names[marked.findIndex((n) => !n.startsWith('!'))] ?? names[0] ?? '',
    names_ar: names.map(normalizeString),
    lat: Number(r.lat),
    lon: Number(r.lon),
    country: r.country,
    admin1: r.admin1,
    admin2: r.admin2 ?? '',
    feature: r.feature,
    population: Number(r.population) || 0,
    wikidata: !!r.wikidata,
    minor: marked.every((n) => n.startsWith('~') || n.startsWith('!')),
  };
  g.entries.push(e);
  if (e.feature === 'country') g.byCountry.set(e.country, e);
  const addFramed = (key: string) => {
    const list = g.byNameFramed.get(key);
    if (!list) g.byNameFramed.set(key, [e]);
    else if (!list.includes(e)) list.push(e);
  };
  for (let k = 0; k < names.length; k++) {
    if (marked[k].startsWith('!')) continue;
    if (marked[k].startsWith('~')) {
      // read after a frame word: the name as written, and without its article or final hamza
      const n = e.names_ar[k];
      addFramed(n);
      if (n.startsWith('ال') && !/^[أإآ]ل/.test(names[k]) && n.split(' ')[0].length > 4) addFramed(n.slice(2));
      if (n.length > 4 && n.endsWith('اء')) addFramed(n.slice(0, -1));
      continue;
    }
    const words = splitWords(e.names_ar[k]);
    if (words.length === 0) continue;
    g.byName.addWords(words, hamzaLamWords(names[k], words.length), e);
    // a final hamza after alif is often not written in the press: التحيتاء / التحيتا
    const last = words[words.length - 1];
    if (last.length > 4 && last.endsWith('اء')) {
      const bare = [...words.slice(0, -1), last.slice(0, -1)];
      g.byName.addWords(bare, hamzaLamWords(names[k], words.length), e);
      e.names_ar.push(bare.join(' '));
    }
    // a foreign city's final vowel is written with ta marbuta or with alif: كويته / كويتا
    const other = finalVowelVariant(e, words);
    if (other) {
      g.byName.addWords(other, hamzaLamWords(names[k], words.length), e);
      e.names_ar.push(other.join(' '));
    }
  }
}

/** below this a town's other spelling is more often another word or another place than the town */
const VARIANT_POPULATION = 100_000;

/** The one-word main name of a large town with its final ه written ا (كويته / كويتا), where it has no article. */
function finalVowelVariant(e: GazEntry, words: string[]): string[] | null {
  if (words.length !== 1 || !e.feature.startsWith('place:') || e.population < VARIANT_POPULATION) return null;
  const w = words[0];
  if (w !== normalizeString(e.name_ar)) return null;
  // the other way round (بادیا → بادية) and in short names (دوله → دولا) the variant is a word of prose
  if (w.length < 5 || w.startsWith('ال') || !w.endsWith('ه')) return null;
  return [`${w.slice(0, -1)}ا`];
}

/**
 * The gazetteer, loaded on first use: places.tsv and regions.tsv (and, in `plain`, places-wof.tsv.gz, whose
 * prominent names are read plainly). Otherwise the WOF rows load with the framed villages, on the first framed
 * look-up (framedPlaces).
 */
export function gazetteer(): Gazetteer {
  if (cached) return cached;
  const t0 = performance.now();
  const g = {
    entries: [] as GazEntry[],
    byName: new PhraseIndex<GazEntry>(),
    byNameFramed: new Map<string, GazEntry[]>(),
    byCountry: new Map<string, GazEntry>(),
  };
  const rows = [...readTsv(dataPath('gazetteer', 'places.tsv')), ...readTsv(dataPath('gazetteer', 'regions.tsv'))];
  const wof = dataPath('gazetteer', WOF_FILE);
  if (gazetteerMode() === 'plain' && existsSync(wof)) rows.push(...readTsvGz(wof, () => true));
  for (const r of rows) addRow(g, r);
  cached = { ...g, loadMs: performance.now() - t0 };
  return cached;
}

/** The rows of a WOF file row as a gazetteer entry. */
function entryOf(v: string[], at: number): GazEntry {
  const marked = splitList(v[at + 2]);
  const names = marked.map((n) => n.replace(/^[~!]/, ''));
  return {
    id: v[at],
    name: v[at + 1],
    name_ar: names[marked.findIndex((n) => !n.startsWith('!'))] ?? names[0] ?? '',
    names_ar: names.map(normalizeString),
    lat: Number(v[at + 3]),
    lon: Number(v[at + 4]),
    country: v[at + 5],
    admin1: v[at + 6],
    admin2: v[at + 7],
    feature: v[at + 8],
    population: Number(v[at + 9]) || 0,
    wikidata: !!v[at + 10],
    minor: true,
  };
}

interface FramedTable {
  /** normalised name → row numbers */
  keys: Map<string, number[]>;
  /** the first word of every name (a token that is none is turned away with one look-up) */
  firsts: Set<string>;
  lines: string[];
  /** row number → entry, made on the first hit */
  made: Map<number, GazEntry>;
  maxWords: number;
  loadMs: number;
}
let framedTable: FramedTable | null = null;

/**
 * places-framed.tsv.gz, on first use: the small places (no population, no Wikidata item) and prose-like names, by
 * their normalised names (written by the build); an entry is made from its row when a text first names it.
 */
export function framedPlaces(): FramedTable {
  if (framedTable) return framedTable;
  const t0 = performance.now();
  const keys = new Map<string, number[]>();
  const firsts = new Set<string>();
  let maxWords = 1;
  const m = gazetteerMode();
  const read = (file: string, keep: (line: string) => boolean) =>
    existsSync(file)
      ? gunzipSync(readFileSync(file))
          .toString('utf8')
          .split('\n')
          .slice(1)
          .filter((l) => l !== '' && keep(l))
      : [];
  // the WOF admin units and prominent places, every name after a frame word (in `plain`, loaded plainly already),
  // then the villages the build wrote for a frame only
  const lines: string[] = [];
  if (m === 'admin' || m === 'villages')
    lines.push(...read(dataPath('gazetteer', WOF_FILE), m === 'admin' ? isAdminLine : () => true));
  if (m === 'villages' || m === 'plain') lines.push(...read(dataPath('gazetteer', 'places-framed.tsv.gz'), () => true));
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const tab = line.indexOf('\t');
    if (tab <= 0) continue;
    for (const k of line.slice(0, tab).split('|')) {
      const list = keys.get(k);
      if (list) list.push(i);
      else keys.set(k, [i]);
      const sp = k.indexOf(' ');
      firsts.add(sp < 0 ? k : k.slice(0, sp));
      let words = 1;
      for (let c = sp; c >= 0; c = k.indexOf(' ', c + 1)) words++;
      if (words > maxWords) maxWords = words;
    }
  }
  const g = gazetteer();
  for (const k of g.byNameFramed.keys()) {
    maxWords = Math.max(maxWords, k.split(' ').length);
    firsts.add(k.split(' ')[0]);
  }
  framedTable = { keys, firsts, lines, made: new Map(), maxWords, loadMs: performance.now() - t0 };
  return framedTable;
}

/** The places a normalised name (words joined by one space) names after a frame word. */
export function framedNamed(name: string): GazEntry[] {
  return framedEntries(name) ?? [];
}

/** An entry by its id, the WOF ones included (made from their row on first use). */
export function entryById(id: string): GazEntry | undefined {
  const e = gazetteer().entries.find((x) => x.id === id);
  if (e || !id.startsWith('wof:')) return e;
  const t = framedPlaces();
  const at = t.lines.findIndex((l) => l.includes(`\t${id}\t`));
  if (at < 0) return undefined;
  const key = t.lines[at].slice(0, t.lines[at].indexOf('\t')).split('|')[0];
  return framedEntries(key)?.find((x) => x.id === id);
}

function framedEntries(key: string): GazEntry[] | undefined {
  const t = framedPlaces();
  const rows = t.keys.get(key);
  const own = gazetteer().byNameFramed.get(key);
  if (!rows) return own;
  const out = own ? [...own] : [];
  for (const r of rows) {
    let e = t.made.get(r);
    if (!e) {
      e = entryOf(t.lines[r].split('\t'), 1);
      t.made.set(r, e);
      gazetteer().entries.push(e);
    }
    if (wanted(e.feature)) out.push(e);
  }
  return out;
}

/**
 * The places named at tokens [i, last) for a text that frames them (قرية X، حي X، مديرية X): the longest name there
 * that only a frame makes a place, read from the token forms (a leading و of a coordinated name dropped).
 */
export function framedAt(tokens: Token[], i: number, end: number, settlement = true): PhraseMatch<GazEntry>[] {
  if (tokens[i]?.kind !== 'word' || gazetteerMode() === 'base') return [];
  const t = framedPlaces();
  const first = tokens[i].norm;
  const heads = (first.startsWith('و') && first.length > 3 ? [first, first.slice(1)] : [first]).filter((h) =>
    t.firsts.has(h),
  );
  if (heads.length === 0) return [];
  // the words after the first, in the sentence, as far as the longest name goes
  const rests = [''];
  for (let k = i + 1; k < Math.min(end, i + t.maxWords); k++) {
    if (tokens[k].kind !== 'word' || tokens[k].sent !== tokens[i].sent) break;
    rests.push(`${rests[rests.length - 1]} ${tokens[k].norm}`);
  }
  const own = gazetteer().byNameFramed;
  for (let n = rests.length; n >= 1; n--) {
    for (const h of heads) {
      const key = h + rests[n - 1];
      if (!t.keys.has(key) && !own.has(key)) continue;
      const all = framedEntries(key) ?? [];
      // a village or a neighbourhood after a settlement word (قرية، بلدة، حي); an admin unit after any frame
      const es = settlement ? all : all.filter((e) => !e.feature.startsWith('place:'));
      if (es.length > 0) return es.map((value) => ({ value, first: i, last: i + n, cost: 0, key: h }));
    }
  }
  return [];
}

/** The admin-word forms of an admin 2/3 unit's name ("مديرية نهم", "قضاء سنجار"), normalised. */
export function adminWordNames(e: GazEntry): string[] {
  return e.feature === 'admin2' || e.feature === 'admin3' ? e.names_ar.filter((n) => n.includes(' ')) : [];
}

export function isArea(e: GazEntry): boolean {
  return e.feature === 'country' || e.feature === 'admin1';
}

export function haversineKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const r = Math.PI / 180;
  const dLat = (b.lat - a.lat) * r;
  const dLon = (b.lon - a.lon) * r;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * r) * Math.cos(b.lat * r) * Math.sin(dLon / 2) ** 2;
  return 6371 * 2 * Math.asin(Math.sqrt(Math.min(1, h)));
}
