/**
 * Observation features of the NER tagger, shared by the trainer (scripts/train-ner.ts) and the runtime tagger.
 *
 * Every feature belongs to one word and one role: the word itself, or the word one or two places before or
 * after the current token. Because no feature mixes two words, the weights a word brings in each role can be
 * summed once per word type and cached (see tagger.ts): tagging a token then costs a handful of vector adds.
 *
 * A feature is (role, template, value), written `<role prefix><template>:<value>` in the model file
 * (`w:بغداد`, `-1c:رئيس`, `s2:ان`). Extraction calls back with the three parts, so the tagger looks values up
 * in one map per role and template and never builds the joined strings.
 */
import { dataPath, readTsv, splitList } from '../../data.js';
import { firstKeys, stripArticle } from '../../lang/ar/clitics.js';
import { normalizeString } from '../../lang/ar/normalize.js';

/** Stand-ins for the words before the start and after the end of a sentence. */
export const BOS = '\u0002';
export const EOS = '\u0003';

/** Roles, in the order of a word's cached score vector: self, -1, +1, -2, +2. */
export const ROLES = 5;
/** Offsets of the word in each role relative to the current token. */
export const ROLE_OFFSET = [0, -1, 1, -2, 2] as const;
/** How a role is written before the template in a feature's name. */
export const ROLE_PREFIX = ['', '-1', '+1', '-2', '+2'] as const;

/**
 * Feature templates; a template's index is its id. b: bias; w: the normalised form (at ±2: the core); unk: a form
 * seen less than twice in training; sh: shape; len: length (capped at 12); k: a clitic-stripped key (firstKeys,
 * cost 0); f: a nisba-folded key (cost 1); p1–p3, s1–s3: prefixes and suffixes of the form; cp1–cp3, cs1–cs3:
 * of the core; cl: the proclitics stripped; g3: a character trigram of the core; g: gazetteer membership; c: the
 * core, at ±1.
 */
export const TEMPLATES = [
  'b',
  'w',
  'unk',
  'sh',
  'len',
  'k',
  'f',
  'p1',
  'p2',
  'p3',
  's1',
  's2',
  's3',
  'cp1',
  'cp2',
  'cp3',
  'cs1',
  'cs2',
  'cs3',
  'cl',
  'g3',
  'g',
  'c',
] as const;
const T = Object.fromEntries(TEMPLATES.map((t, i) => [t, i])) as Record<(typeof TEMPLATES)[number], number>;

/** Receives each feature of a word: role (0–4), template id (index in TEMPLATES), value. */
export type FeatureSink = (role: number, template: number, value: string) => void;

/** Bits of single-token gazetteer membership (by clitic-stripped key). */
export const GAZ = {
  /** a one-word place name */
  PLACE: 1,
  /** … of a country, a region or a place of 100,000 people or more */
  BIG: 2,
  /** a word of a longer place name */
  PLACE_PART: 4,
  /** a common word (data/gazetteer/common-words.tsv) */
  COMMON: 8,
  /** a one-word person name (data/lexicons/persons.tsv) */
  PERSON: 16,
  /** a word of a longer person name */
  PERSON_PART: 32,
  /** a one-word name of an organisation, armed group or news agency (data/lexicons/actors.tsv, sources.tsv) */
  ORG: 64,
  /** the first word of a longer such name */
  ORG_HEAD: 128,
  /** a later word of a longer such name */
  ORG_PART: 256,
} as const;

/** What the features of a word depend on besides the word: the training vocabulary and the gazetteer bits. */
export interface FeatureContext {
  /** words seen at least twice in training; others get `unk` in place of their form */
  known(w: string): boolean;
  gaz: ReadonlyMap<string, number>;
  /** training only: give a word only the features an unseen name would share with it (word dropout) */
  blind?: boolean;
}

/**
 * Gazetteer bits of every key, from data/gazetteer/places.tsv (names_ar), common-words.tsv,
 * data/lexicons/persons.tsv (names_ar), and the organisations among data/lexicons/actors.tsv (armed groups and
 * forces, not the civilians, protesters and rioters rows) and sources.tsv (agencies, ministries, outlets). Used by the trainer; the model ships the result, so tagging does not
 * read the lists and a model always sees the lists it was trained with.
 */
export function buildGazetteerBits(): Map<string, number> {
  const bits = new Map<string, number>();
  const mark = (k: string, b: number) => bits.set(k, (bits.get(k) ?? 0) | b);
  const add = (name: string, one: number, part: number) => {
    const toks = normalizeString(name).split(' ');
    for (const t of toks) {
      if (t.length < 2) continue;
      const b = toks.length === 1 ? one : part;
      mark(t, b);
      mark(stripArticle(t), b);
    }
  };
  for (const r of readTsv(dataPath('gazetteer', 'places.tsv'))) {
    const big = r.feature === 'country' || r.feature === 'admin1' || Number(r.population) >= 100000;
    for (const n of splitList(r.names_ar)) add(n, big ? GAZ.PLACE | GAZ.BIG : GAZ.PLACE, GAZ.PLACE_PART);
  }
  for (const r of readTsv(dataPath('gazetteer', 'common-words.tsv'))) mark(r.word, GAZ.COMMON);
  for (const r of readTsv(dataPath('lexicons', 'persons.tsv'))) {
    for (const n of splitList(r.names_ar)) add(n, GAZ.PERSON, GAZ.PERSON_PART);
  }
  // organisations: a one-word name, or the head (first word) and the other words of a longer one
  const org = (name: string) => {
    const toks = normalizeString(name).split(' ');
    for (let i = 0; i < toks.length; i++) {
      const t = toks[i];
      if (t.length < 2) continue;
      const b = toks.length === 1 ? GAZ.ORG : i === 0 ? GAZ.ORG_HEAD : GAZ.ORG_PART;
      mark(t, b);
      mark(stripArticle(t), b);
    }
  };
  const NOT_ORG = new Set(['civilians', 'protesters', 'rioters']);
  for (const r of readTsv(dataPath('lexicons', 'actors.tsv'))) {
    if (!NOT_ORG.has(r.category)) for (const n of splitList(r.names_ar)) org(n);
  }
  for (const r of readTsv(dataPath('lexicons', 'sources.tsv'))) for (const n of splitList(r.names_ar)) org(n);
  return bits;
}

/** Coarse shape of a normalised token. */
export function shapeOf(w: string): string {
  if (w.length === 0) return 'E';
  let ar = 0;
  let lat = 0;
  let dig = 0;
  let other = 0;
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c >= 0x0621 && c <= 0x06ff) ar++;
    else if ((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a)) lat++;
    else if (c >= 0x30 && c <= 0x39) dig++;
    else other++;
  }
  if (ar === w.length) return 'A';
  if (lat === w.length) return 'L';
  if (dig === w.length) return 'D';
  if (dig > 0 && dig + other === w.length) return 'DP';
  if (other === w.length) return w.length === 1 ? 'P' : 'PP';
  if (lat > 0 && ar === 0) return 'LX';
  return 'M';
}

/** The word with its proclitics and article removed: the shortest clitic-free key, or the word itself. */
export function coreOf(w: string): string {
  let core = w;
  for (const k of firstKeys(w)) if (k.cost === 0 && k.key.length < core.length) core = k.key;
  return core;
}

const LEN = Array.from({ length: 13 }, (_, i) => String(i));
const PRE = [T.p1, T.p2, T.p3];
const SUF = [T.s1, T.s2, T.s3];
const CPRE = [T.cp1, T.cp2, T.cp3];
const CSUF = [T.cs1, T.cs2, T.cs3];

/** Features of a word as the current token (role 0). */
function selfFeatures(w: string, core: string, ctx: FeatureContext, out: FeatureSink): void {
  const shape = shapeOf(w);
  out(0, T.b, '');
  if (ctx.known(w)) out(0, T.w, w);
  else out(0, T.unk, '');
  out(0, T.sh, shape);
  out(0, T.len, LEN[Math.min(w.length, 12)]);
  if (shape !== 'A' && shape !== 'M') return;
  let bits = 0;
  for (const k of firstKeys(w)) {
    if (k.cost === 0) bits |= ctx.gaz.get(k.key) ?? 0;
    if (k.key !== w && !ctx.blind) out(0, k.cost === 0 ? T.k : T.f, k.key);
  }
  if (ctx.blind) {
    gazFeatures(w, core, bits, ctx, out);
    out(0, SUF[0], w.slice(-1));
    out(0, PRE[0], w.slice(0, 1));
    if (core !== w) out(0, T.cl, w.slice(0, w.length - core.length));
    return;
  }
  for (let n = 1; n <= 3 && n < w.length; n++) {
    out(0, PRE[n - 1], w.slice(0, n));
    out(0, SUF[n - 1], w.slice(-n));
  }
  if (core !== w) {
    for (let n = 1; n <= 3 && n < core.length; n++) {
      out(0, CPRE[n - 1], core.slice(0, n));
      out(0, CSUF[n - 1], core.slice(-n));
    }
    out(0, T.cl, w.slice(0, w.length - core.length));
  }
  for (let i = 0; i + 3 <= core.length; i++) out(0, T.g3, core.slice(i, i + 3));
  gazFeatures(w, core, bits, ctx, out);
}

/** The gazetteer features of a word with gazetteer bits `bits`. */
function gazFeatures(w: string, core: string, bits: number, ctx: FeatureContext, out: FeatureSink): void {
  if (bits & GAZ.PLACE) {
    const common = ((ctx.gaz.get(core) ?? 0) | (ctx.gaz.get(w) ?? 0)) & GAZ.COMMON;
    out(0, T.g, common ? 'pc' : bits & GAZ.BIG ? 'pb' : 'p1');
  }
  if (bits & GAZ.PLACE_PART) out(0, T.g, 'pp');
  if (bits & GAZ.PERSON) out(0, T.g, 'h1');
  if (bits & GAZ.PERSON_PART) out(0, T.g, 'hp');
  if (bits & GAZ.ORG) out(0, T.g, 'o1');
  if (bits & GAZ.ORG_HEAD) out(0, T.g, 'oh');
  if (bits & GAZ.ORG_PART) out(0, T.g, 'op');
}

/**
 * Every feature of a normalised word type: as the token itself (selfFeatures); at ±1 its form (or `unk`) and
 * its core (when it differs); at ±2 its core. BOS/EOS have no self features and only their form elsewhere.
 */
export function visitFeatures(w: string, ctx: FeatureContext, out: FeatureSink): void {
  if (w === BOS || w === EOS) {
    for (let r = 1; r < ROLES; r++) out(r, T.w, w);
    return;
  }
  const core = coreOf(w);
  selfFeatures(w, core, ctx, out);
  const known = ctx.known(w);
  for (let r = 1; r <= 2; r++) {
    if (known) out(r, T.w, w);
    else out(r, T.unk, '');
    if (core !== w && !ctx.blind) out(r, T.c, core);
    else if (w.length === 0) out(r, T.sh, 'E');
  }
  if (ctx.blind) return;
  out(3, T.w, core);
  out(4, T.w, core);
}

/** A feature's name in the model file. */
export function featureName(role: number, template: number, value: string): string {
  return `${ROLE_PREFIX[role]}${TEMPLATES[template]}:${value}`;
}

/** Role, template id and value of a feature name; null if it is not one of ours. */
export function parseFeatureName(name: string): { role: number; template: number; value: string } | null {
  const colon = name.indexOf(':');
  if (colon < 0) return null;
  let role = 0;
  const c = name.charCodeAt(0);
  if ((c === 0x2d || c === 0x2b) && colon >= 2)
    role = ROLE_PREFIX.indexOf(name.slice(0, 2) as (typeof ROLE_PREFIX)[number]);
  if (role < 0) return null;
  const template = (TEMPLATES as readonly string[]).indexOf(name.slice(role ? 2 : 0, colon));
  return template < 0 ? null : { role, template, value: name.slice(colon + 1) };
}

const normCache = new Map<string, string>();
/** normalizeString with a bounded cache (raw words from CoNLL files or callers of tagWords). */
export function normWord(raw: string): string {
  let n = normCache.get(raw);
  if (n === undefined) {
    n = normalizeString(raw);
    if (normCache.size > 200000) normCache.clear();
    normCache.set(raw, n);
  }
  return n;
}
