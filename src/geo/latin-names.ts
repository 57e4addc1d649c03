/**
 * Towns the gazetteer has no Arabic name for, found by how their Latin name sounds: "بلدة سوروتش" is Suruç,
 * "قرية كيزليار" Kizlyar, "ولاية سيعرت" Siirt. Both spellings are reduced to a consonant skeleton (letters that
 * sound alike fold into one class; short vowels, which Arabic does not write, are dropped) and to the sequence of
 * their long vowels, which the Latin name's vowels must contain in order.
 *
 * The table (data/gazetteer/places-latin.tsv.gz, written by scripts/build-gazetteer.ts) holds GeoNames towns of
 * 15,000 people or more and administrative seats, and the first-level regions; ids are those of places.tsv, so a
 * place the gazetteer knows by another Arabic spelling is the same entry.
 */
import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { dataPath } from '../data.js';
import { type GazEntry, gazetteer } from './gazetteer.js';

export interface SoundKey {
  /** the consonant classes, in order */
  consonants: string;
  /** the long vowels (A, I, U), in order */
  vowels: string;
}

/** Arabic letters (normalised: ة→ه, ى→ي, أإآ→ا) → consonant class; vowel letters handled apart */
const AR_CLASS: Record<string, string> = {
  ب: 'B',
  پ: 'B',
  ت: 'T',
  ط: 'T',
  ث: 'S',
  ج: 'J',
  ح: 'H',
  خ: 'H',
  ه: 'H',
  د: 'D',
  ض: 'D',
  ذ: 'D',
  ر: 'R',
  ز: 'S',
  س: 'S',
  ص: 'S',
  ظ: 'S',
  ش: 'X',
  ژ: 'J',
  غ: 'K',
  ف: 'F',
  ڤ: 'F',
  ق: 'K',
  ك: 'K',
  گ: 'K',
  ل: 'L',
  م: 'M',
  ن: 'N',
};

/** The sound key of a normalised Arabic word (its clitics and article already off). */
export function arabicKey(word: string): SoundKey {
  // "تش" writes ch/ç; a final ه is a vowel (a, e), not h
  const w = word.replace(/تش/g, 'ش').replace(/ه$/, '');
  let consonants = '';
  let vowels = '';
  for (let i = 0; i < w.length; i++) {
    const c = w[i];
    if (c === 'ا') {
      if (i > 0) vowels += 'A';
    } else if (c === 'و' || c === 'ي') {
      // beside an alif, و and ي are glides (كيزليار Kizlyar, بيشاور Peshawar), not long vowels
      if (i > 0 && w[i - 1] !== 'ا' && w[i + 1] !== 'ا') vowels += c === 'و' ? 'U' : 'I';
    } else {
      const k = AR_CLASS[c];
      // ع and hamza carry no Latin letter
      if (k && !consonants.endsWith(k)) consonants += k;
    }
  }
  return { consonants: consonants.replace(/H/g, ''), vowels };
}

/** The sound key of a Latin place name ("Suruç", "Kizlyar", "Mastung"). */
export function latinKey(name: string): SoundKey {
  const s = name
    .toLowerCase()
    .replace(/ç/g, 'ch')
    .replace(/ş/g, 'sh')
    .normalize('NFD')
    .replace(/[^a-z]/g, '');
  const folded = s
    .replace(/tch|sch|sh|ch/g, 'X')
    .replace(/kh/g, 'H')
    .replace(/gh/g, 'K')
    .replace(/th/g, 'T')
    .replace(/dh/g, 'D')
    .replace(/ph/g, 'F')
    .replace(/ck/g, 'K')
    .replace(/c(?=[eiy])/g, 'S')
    .replace(/dj/g, 'J');
  let consonants = '';
  let vowels = '';
  for (let i = 0; i < folded.length; i++) {
    const c = folded[i];
    let k = '';
    if (c === 'a') vowels += 'A';
    else if (c === 'e' || c === 'i' || (c === 'y' && !/[aeiou]/.test(folded[i + 1] ?? ''))) vowels += 'I';
    else if (c === 'o' || c === 'u') vowels += 'U';
    else if (c === 'w' || c === 'y' || c === 'h' || c === 'H') k = '';
    else k = LATIN_CLASS[c] ?? c.toUpperCase();
    if (k && !consonants.endsWith(k)) consonants += k;
  }
  return { consonants, vowels };
}

const LATIN_CLASS: Record<string, string> = {
  p: 'B',
  b: 'B',
  v: 'F',
  f: 'F',
  z: 'S',
  s: 'S',
  c: 'K',
  q: 'K',
  g: 'K',
  k: 'K',
  x: 'KS',
  j: 'J',
};

/** Every letter of `sub` in `s`, in order. */
function isSubsequence(sub: string, s: string): boolean {
  let j = 0;
  for (let i = 0; i < s.length && j < sub.length; i++) if (s[i] === sub[j]) j++;
  return j === sub.length;
}

/** The Arabic spelling may stand for the Latin name: one skeleton, and the long vowels written in Latin too. */
export function soundsLike(arabic: SoundKey, latin: SoundKey): boolean {
  return arabic.consonants === latin.consonants && isSubsequence(arabic.vowels, latin.vowels);
}

/** Below this many consonant classes a skeleton matches too many towns by chance. */
export const MIN_CONSONANTS = 3;

interface LatinTable {
  byConsonants: Map<string, { entry: GazEntry; key: SoundKey }[]>;
}
let table: LatinTable | null = null;

function latinTable(): LatinTable {
  if (table) return table;
  const byConsonants = new Map<string, { entry: GazEntry; key: SoundKey }[]>();
  const file = dataPath('gazetteer', 'places-latin.tsv.gz');
  const known = new Map(gazetteer().entries.map((e) => [e.id, e]));
  if (existsSync(file)) {
    const lines = gunzipSync(readFileSync(file)).toString('utf8').split('\n');
    for (let i = 1; i < lines.length; i++) {
      if (lines[i] === '') continue;
      const [id, name, lat, lon, country, admin1, feature, population] = lines[i].split('\t');
      const entry: GazEntry = known.get(id) ?? {
        id,
        name,
        name_ar: '',
        names_ar: [],
        lat: Number(lat),
        lon: Number(lon),
        country,
        admin1,
        admin2: '',
        feature,
        population: Number(population) || 0,
        wikidata: false,
        minor: false,
      };
      const key = latinKey(name);
      if (key.consonants.length < MIN_CONSONANTS) continue;
      const list = byConsonants.get(key.consonants);
      if (list) list.push({ entry, key });
      else byConsonants.set(key.consonants, [{ entry, key }]);
    }
  }
  table = { byConsonants };
  return table;
}

/** The places of the given countries whose Latin name an Arabic word (normalised, bare) may spell, largest first. */
export function placesSoundingLike(word: string, countries: ReadonlySet<string>): GazEntry[] {
  const key = arabicKey(word);
  if (key.consonants.length < MIN_CONSONANTS) return [];
  const list = latinTable().byConsonants.get(key.consonants) ?? [];
  const out: GazEntry[] = [];
  for (const { entry, key: lk } of list)
    if (countries.has(entry.country) && soundsLike(key, lk) && !out.includes(entry)) out.push(entry);
  return out.sort((a, b) => b.population - a.population || (a.id < b.id ? -1 : 1));
}
