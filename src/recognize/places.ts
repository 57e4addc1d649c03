/** Place names in the text, with the frame around them (ريف X, قرب X, محافظة X) and gazetteer candidates. */

import { dataPath, readTsv, splitList } from '../data.js';
import { framedAt, type GazEntry, gazetteer, haversineKm } from '../geo/gazetteer.js';
import { placesSoundingLike } from '../geo/latin-names.js';
import { REGION } from '../geo/resolve.js';
import { ar } from '../lang/ar/index.js';
import { type Doc, tokenSpan } from '../text/doc.js';
import { PhraseIndex, type PhraseMatch } from '../text/phrases.js';
import { wordTest, wordTestBits } from '../text/words.js';
import { cues, nationalities, triggers } from './lexicons.js';
import type { Mention } from './mention.js';
import { entitiesIn } from './ner/index.js';
import { readNumberAt } from './number-reader.js';

export type PlaceFrame =
  | 'plain'
  | 'near'
  | 'countryside'
  | 'district'
  | 'province'
  | 'settlement'
  | 'facility'
  | 'prefix';

export interface PlaceValue {
  candidates: GazEntry[];
  frame: PlaceFrame;
  /** token range of the frame word(s) before the name, if any */
  frameFirst: number | null;
  /** a one-word name with no frame word: weak evidence, kept only where the document's countries agree */
  weak: boolean;
  /** a one-word name that is also a frequent word of news prose (كان, طراز, جديد) */
  common: boolean;
  /** read by the sound of a Latin name, in a country the text names (its country already checked) */
  bySound?: true;
}

export type PlaceMention = Mention<PlaceValue>;

let frames: PhraseIndex<PlaceFrame> | null = null;
function frameIndex(): PhraseIndex<PlaceFrame> {
  if (!frames) {
    frames = new PhraseIndex<PlaceFrame>();
    for (const r of readTsv(dataPath('lexicons', 'place-frames.tsv'))) {
      for (const f of splitList(r.forms)) frames.add(f, r.kind as PlaceFrame);
    }
  }
  return frames;
}

const BIG_FEATURES = new Set(['country', 'admin1']);
const isFacility = (e: GazEntry) => !e.feature.startsWith('place:') && !BIG_FEATURES.has(e.feature);

let prose: Set<string> | null = null;
/** Surface forms that are prose unless a frame names them (data/gazetteer/not-places.tsv). */
function notPlaces(): Set<string> {
  if (!prose) prose = new Set(readTsv(dataPath('gazetteer', 'not-places.tsv')).map((r) => r.form));
  return prose;
}

let common: Set<string> | null = null;
/** One-word place names that are also common words (data/gazetteer/common-words.tsv). */
function commonWords(): Set<string> {
  if (!common) common = new Set(readTsv(dataPath('gazetteer', 'common-words.tsv')).map((r) => r.word));
  return common;
}

/**
 * An administrative seat (GeoNames often gives such towns no population, but they are real places), or a town
 * curated into regions.tsv because the news names it.
 */
const isSeat = (c: GazEntry) => /^place:PPL(A|A2|A3|A4|C)$/.test(c.feature) || c.id.startsWith('sup:');

/** A one-word name is a place only if it is big or framed: many small places are named like common words. */
function acceptSingle(
  cands: GazEntry[],
  key: string,
  framed: boolean,
  afterIn: boolean,
  near: boolean,
  direction = false,
): boolean {
  if (commonWords().has(key)) {
    if (afterIn && cands.some((c) => c.population >= 100000)) return true;
    return (
      (framed || near) && cands.some((c) => c.population >= 1000 || isSeat(c) || isFacility(c) || (framed && c.minor))
    );
  }
  for (const c of cands) {
    if (BIG_FEATURES.has(c.feature) || isFacility(c)) return true;
    if (c.population >= 100000) return true;
    if (c.feature === 'place:PPLC' || c.feature === 'place:PPLA') return true;
    if (framed && (c.population >= 500 || isSeat(c) || c.minor)) return true;
    if (afterIn && (c.population >= 20000 || isSeat(c))) return true;
    // "جنوب الشرقاط": a direction or "near" frame names a seat or a town as "في" does
    if (direction && (c.population >= 20000 || isSeat(c))) return true;
  }
  return false;
}

const CAPITAL = new Set(['العاصمه', 'عاصمه']);
/** أن, إن, وأن, لأن as written: particles, whatever place their normalised form spells */
const HAMZA_PARTICLE = /^[وفل]?[أإ]ن$/;
const surface = (doc: Doc, i: number) =>
  doc.text.slice(doc.tokens[i].start, doc.tokens[i].end).replace(/[\u064B-\u0652]/g, '');
/** A name opening with a part noun and holding a direction, with من or لل after it: a side of what follows. */
function sideOf(doc: Doc, first: number, last: number): boolean {
  const toks = doc.tokens;
  if (!ar.partNouns.test(toks[first].norm)) return false;
  let k = last;
  while (k < toks.length && toks[k].sent === toks[first].sent && ar.direction.test(toks[k].norm)) k++;
  let directed = false;
  for (let j = first + 1; j < k; j++) directed ||= ar.direction.test(toks[j].norm);
  const next = toks[k];
  return directed && next?.sent === toks[first].sent && (next.norm === 'من' || next.norm.startsWith('لل'));
}

/** loyal to, backed by (موالية لـ، الموالين لـ، المدعومة من): the name after it is a government or a backer */
const LOYAL = /^(ال)?موال(يه|ين|ون|ي)$/;
const COMMA = /^[،,]$/;
const HYPHEN_AFTER = /^[-‐‑][ء-ي]/;
const STREET = /^[وفبل]?(ال)?شارع$/;
const isIdiom = (name: string, next: Doc['tokens'][number] | undefined) =>
  next !== undefined &&
  (ar.placeIdioms.get(name.replace(/^[وفبل]/, '')) ?? []).some((after) => next.norm.startsWith(after));
/** "عبد الجليل", "عبد الله": a name after عبد is a person's */
const PERSON_HEAD = /^[وفلب]?عبد$/;

/** The frame word ending right before token `first`, if any. */
function frameBefore(doc: Doc, first: number, sentFirst: number): { frame: PlaceFrame; at: number } | null {
  const idx = frameIndex();
  // "شرقي العاصمة صنعاء": a direction of the capital named next is a direction of that city
  if (first - 1 > sentFirst && CAPITAL.has(doc.tokens[first - 1].norm)) {
    const outer = frameBefore(doc, first - 1, sentFirst);
    if (outer?.frame === 'near') return outer;
  }
  const upToName = { end: first };
  for (let k = Math.max(sentFirst, first - 3); k < first; k++) {
    const ms = idx.at(doc.tokens, k, upToName);
    for (let j = 0; j < ms.length; j++) {
      const m = ms[j];
      if (m.last !== first) continue;
      // "تخوم مدينة الحديدة", "ريف بلدة X": a near frame before a settlement word is the frame that counts
      if (m.value === 'settlement' || m.value === 'facility') {
        const outer = frameBefore(doc, k, sentFirst);
        if (outer && (outer.frame === 'near' || outer.frame === 'countryside')) return outer;
      }
      return { frame: m.value, at: k };
    }
  }
  return null;
}

/** the last words of the frames that name a small place: settlement, district, province, countryside */
const FRAME_END = new Set(
  'قريه قري بلده بلدات بلدتي مدينه مدينتي حي احياء مخيم مديريه مديريات مديريتي قضاء ناحيه منطقه مناطق منطقتي محافظه ولايه ريف'.split(
    ' ',
  ),
);
/** a token that may end such a frame: the word, after و or ف, after ب or ل (وبقرية، لمديرية) */
const ENDS_FRAME = wordTest(
  ({ norm }) =>
    FRAME_END.has(norm) || FRAME_END.has(norm.replace(/^[وف]/, '')) || FRAME_END.has(norm.replace(/^[وف]?[بل]/, '')),
);
/** a token that starts with و (a name joined to the one before it, or to a list) */
const WAW_START = wordTest(({ norm }) => norm.startsWith('و'));
const SMALL_PLACE_FRAMES = new Set<PlaceFrame>(['settlement', 'district', 'province', 'countryside']);
/** The frame right before token `i` if it names a small place (قرية، حي، مديرية، ريف). */
function smallPlaceFrame(doc: Doc, i: number, sentFirst: number): PlaceFrame | null {
  const fb = frameBefore(doc, i, sentFirst);
  return fb !== null && SMALL_PLACE_FRAMES.has(fb.frame) ? fb.frame : null;
}

/**
 * "بلدات زملكا وعربين وعين ترما": a name in a list that a plural frame word opens is framed too, however long the
 * list ("مدن وبلدات نوى وكحيل والسهوة … وتل السمن"): going back, every name of it is joined by و or a comma.
 */
function inFramedList(doc: Doc, i: number): boolean {
  const toks = doc.tokens;
  let unjoined = 0;
  for (let k = i - 1; k >= Math.max(0, i - LIST_REACH); k--) {
    const t = toks[k];
    if (t.sent !== toks[i].sent) return false;
    if (t.kind !== 'word') {
      if (t.norm !== '،' && t.norm !== ',') return false;
      unjoined = 0;
      continue;
    }
    if (ar.placeListFrames.has(t.norm) || ar.placeListFrames.has(t.norm.replace(/^و/, ''))) return true;
    // a name has at most two words after its و ("وأم المياذن", "والغارية الغربية")
    unjoined = t.norm.startsWith('و') ? 0 : unjoined + 1;
    if (unjoined > 2) return false;
  }
  return false;
}
const LIST_REACH = 40;

/** The proclitics a token carries before the key it matched on (article excluded): "وبالانبار"/"انبار" → "وب". */
function cliticsOf(tokenNorm: string, key: string): string {
  const at = tokenNorm.lastIndexOf(key);
  if (at <= 0) return '';
  const before = tokenNorm.slice(0, at);
  return before.endsWith('ال') ? before.slice(0, -2) : before.endsWith('لل') ? before.slice(0, -1) : before;
}

/** The token without its proclitics, if that is the key with an article added ("السوريه" for سوريه), else null. */
function withArticle(tokenNorm: string, key: string): string | null {
  // "للأمان" is ل + الأمان (the safety): لل writes the preposition and the article
  const core = tokenNorm.replace(/^[وف]?[بلك]?(?=ال)/, '').replace(/^[وف]?لل/, 'ال');
  return core.startsWith('ال') && core.slice(2) === key ? core : null;
}

/** `word` is one of the space-separated words of `name` (no strings built: this runs for every match) */
function hasWord(name: string, word: string): boolean {
  for (let i = name.indexOf(word); i >= 0; i = name.indexOf(word, i + 1)) {
    const end = i + word.length;
    if ((i === 0 || name[i - 1] === ' ') && (end === name.length || name[end] === ' ')) return true;
  }
  return false;
}

const namedWith = (names: string[], core: string) => names.some((n) => n === core || n.startsWith(`${core} `));

/** "السورية" read as سورية (Syria): the token adds an article that none of the place's names has. */
export function addsArticle(tokenNorm: string, key: string, names: string[]): boolean {
  const core = withArticle(tokenNorm, key);
  return core !== null && !namedWith(names, core);
}

let joined: { names: Map<string, GazEntry[]>; heads: Set<string> } | null = null;
/**
 * Long one-word names of towns, for names the press writes in two words (كويسنجق / كوي سنجق), and every head
 * such a name can be split after, so that most tokens are turned away with one lookup.
 */
function joinedNames(): { names: Map<string, GazEntry[]>; heads: Set<string> } {
  if (joined) return joined;
  const names = new Map<string, GazEntry[]>();
  const heads = new Set<string>();
  for (const e of gazetteer().entries) {
    if (!e.feature.startsWith('place:')) continue;
    for (const n of e.names_ar) {
      if (n.length < 7 || n.includes(' ') || n.startsWith('ال')) continue;
      const list = names.get(n) ?? [];
      if (!list.includes(e)) list.push(e);
      names.set(n, list);
      // the first part of a name split in two is a short word (كوي سنجق): three to five letters
      for (let k = 3; k <= Math.min(5, n.length - 3); k++) {
        heads.add(n.slice(0, k));
        heads.add(`و${n.slice(0, k)}`);
      }
    }
  }
  joined = { names, heads };
  return joined;
}

/** a word that can begin a long name written in two (a test per form, not per token) */
const JOIN_HEAD = wordTest((tok) => tok.kind === 'word' && joinedNames().heads.has(tok.norm));

function joinedName(doc: Doc, i: number, end: number): PhraseMatch<GazEntry>[] {
  const a = doc.tokens[i];
  const b = doc.tokens[i + 1];
  if (i + 1 >= end || b === undefined || b.norm.length < 3 || a.kind !== 'word' || b.kind !== 'word') return [];
  const { names } = joinedNames();
  const whole = a.norm + b.norm;
  const key = names.has(whole) || !a.norm.startsWith('و') ? whole : whole.slice(1);
  const es = names.get(key);
  return es ? es.map((value) => ({ first: i, last: i + 2, key, cost: 0, value })) : [];
}

/**
 * The places of the longest matches (all starting at one token), each once, in match order. A loop, not closures:
 * a closure over findPlaces' loop variables would cost an allocation at every token.
 */
function longestCandidates(ms: PhraseMatch<GazEntry>[], tokenNorm: string): GazEntry[] {
  const last = ms[0].last;
  if (ms.length === 1 || ms[1].last !== last) return nisbaFiltered([ms[0].value], ms[0], tokenNorm);
  // "لبنان" is Lebanon before it is ل + Banān: the reading that strips the fewest letters wins
  let best = ms[0];
  for (const m of ms) if (m.last === last && m.key.length > best.key.length) best = m;
  const out: GazEntry[] = [];
  for (const m of ms)
    if (m.last === last && m.key.length === best.key.length && !out.includes(m.value)) out.push(m.value);
  return nisbaFiltered(out, best, tokenNorm);
}

function nisbaFiltered(out: GazEntry[], m: PhraseMatch<GazEntry>, tokenNorm: string): GazEntry[] {
  if (m.last - m.first > 1) return out;
  // "ضربات قاهرة" (crushing), "مدينة خيام" (of tents): a name that always has its article, written without it
  if (!/^[^\u0621-\u064a]*[وف]?([بلك]?ال|لل)/.test(tokenNorm) && !m.key.startsWith('ال'))
    out = out.filter((c) => c.names_ar.length === 0 || c.names_ar.some((n) => hasWord(n, m.key)));
  // "السورية" is the adjective Syrian, not سورية (Syria): an article the name does not have makes a nisba
  const core = withArticle(tokenNorm, m.key);
  return core === null ? out : out.filter((c) => namedWith(c.names_ar, core));
}

export function findPlaces(doc: Doc): PlaceMention[] {
  const gaz = gazetteer();
  const out: PlaceMention[] = [];
  const toks = doc.tokens;
  const tests = wordTestBits(toks);
  // words after a frame word the gazetteer does not know by their Arabic spelling ("بلدة سوروتش")
  const unknown: Slot[] = [];
  for (const s of doc.sentences) {
    const exact = { maxCost: 0, end: s.last };
    for (let i = s.first; i < s.last; ) {
      let ms = gaz.byName.at(toks, i, exact);
      if (ms.length === 0 && tests[i] & JOIN_HEAD) ms = joinedName(doc, i, s.last);
      // a village, a neighbourhood, a district the gazetteer knows only by a frame: "قرية X", "حي X", "مديرية X"
      const small =
        i > s.first && tests[i - 1] & ENDS_FRAME
          ? smallPlaceFrame(doc, i, s.first)
          : tests[i] & WAW_START && inFramedList(doc, i)
            ? 'settlement'
            : null;
      if (small) {
        const fm = framedAt(toks, i, s.last, small === 'settlement');
        if (fm.length > 0 && (ms.length === 0 || fm[0].last > ms[0].last)) ms = fm;
        else if (fm.length > 0 && fm[0].last === ms[0].last) {
          // beside a town the gazetteer reads plainly, a namesake of its country adds nothing
          const same = ms.filter((m) => m.last === fm[0].last);
          const others = fm.filter((f) => !same.some((m) => m.value.country === f.value.country));
          ms = [...same, ...others.map((f) => ({ ...f, key: same[0].key }))];
        }
      }
      if (ms.length === 0) {
        if (small && toks[i].kind === 'word') unknown.push({ i, sent: s.i, sentFirst: s.first, sentLast: s.last });
        i++;
        continue;
      }
      const last = ms[0].last;
      const before = toks[i - 1];
      if (last - i === 1 && before !== undefined && before.sent === s.i && ar.verbParticles.has(before.norm)) {
        i++;
        continue;
      }
      // "سار-بول" is Sar-e Pol, not Sarh: a name joined by a hyphen to the next word is part of a longer one
      if (HYPHEN_AFTER.test(doc.text.slice(toks[last - 1].end, toks[last - 1].end + 2))) {
        i++;
        continue;
      }
      // "اتفاق فيينا", "من طراز الجولان": the name of a thing
      if (i > s.first && toks[i - 1].sent === s.i && ar.namedAfterNouns.test(toks[i - 1].norm)) {
        i++;
        continue;
      }
      // "الحدود الشمالية للقطاع", "الزاوية الجنوبية الشرقية من مجمع": a side of what follows, not a region or town
      if (sideOf(doc, i, last)) {
        i++;
        continue;
      }
      const cands = longestCandidates(ms, toks[i].norm);
      if (cands.length === 0) {
        i++;
        continue;
      }
      const fb = frameBefore(doc, i, s.first);
      const prev = toks[i - 1];
      // "فرقة" is not ف + الرقة, "كروم" not ك + روما: a one-word name reached by stripping ف or ك is a coincidence
      if (last - i === 1 && /[فك]/.test(cliticsOf(toks[i].norm, ms[0].key))) {
        i++;
        continue;
      }
      // "في بلدة براوة": the frame word took the preposition, so the name's ب or ل is its own (not ب + راوة)
      if (last - i === 1 && fb !== null && fb.at + 1 === i && /[بل]/.test(cliticsOf(toks[i].norm, ms[0].key))) {
        i++;
        continue;
      }
      // "زملكا وعربين": a name joined by و to the place before it shares that place's frame
      // ("الجولان المحتل، وطبريا": a comma may come before the و)
      const lastOut = out.length > 0 ? out[out.length - 1].last : -1;
      const coordinated =
        toks[i].norm.startsWith('و') &&
        (lastOut === i || (i > 0 && lastOut === i - 1 && COMMA.test(toks[i - 1].norm)) || inFramedList(doc, i));
      const afterIn = (prev !== undefined && prev.sent === s.i && ar.placeInWords.has(prev.norm)) || coordinated;
      const key = ms[0].key;
      const framed = (fb !== null && fb.frame !== 'near' && fb.frame !== 'prefix') || coordinated;
      // "عين ترما": a name's first word alone, before a word the gazetteer does not know, is not that place
      const next = toks[last];
      const asFrame = last - i === 1 ? frameIndex().at(toks, i, { end: last }) : [];
      if (asFrame.some((m) => m.value === 'prefix') && next?.kind === 'word' && next.sent === s.i) {
        i++;
        continue;
      }
      // a frame word is not a place by itself: "مدينة" is "city", not Medina
      const isFrameWord = asFrame.some((m) => m.value !== 'prefix');
      // "البلاد" is the country, "العاصمة" the capital, "بخصوص" about: prose unless framed; "وأن" written with its
      // hamza is "and that", not Van
      // "والعديد من الدول" (and many of) is a quantifier even where و joins it to a place before it
      const quantifier = next?.norm === 'من' && next.sent === s.i;
      if (
        last - i === 1 &&
        (!framed || quantifier) &&
        (notPlaces().has(toks[i].norm.replace(/^[وف](?=..)/, '')) || HAMZA_PARTICLE.test(surface(doc, i)))
      ) {
        i++;
        continue;
      }
      // "فصائل موالية لأنقرة": the capital one is loyal to is its government, not a place
      if (prev?.sent === s.i && LOYAL.test(prev.norm) && /^و?ل/.test(toks[i].norm)) {
        i++;
        continue;
      }
      if (
        last - i === 1 &&
        (isFrameWord ||
          !acceptSingle(cands, key, framed || (fb !== null && afterIn), afterIn, fb !== null, fb?.frame === 'near'))
      ) {
        i++;
        continue;
      }
      // "علي الزعتري": the last word of a person's name the NER reads (a bare word before it, no frame, no
      // preposition); asked last, once the cheaper tests have kept the name, as the NER costs most
      if (
        last - i === 1 &&
        fb === null &&
        // "علي" (Ali) normalises as على (on): as written, with its ي, the NER may read it as a name
        (!afterIn || surface(doc, i - 1) === 'علي') &&
        prev?.sent === s.i &&
        prev.kind === 'word' &&
        !/^[وفبل]/.test(toks[i].norm) &&
        entitiesIn(doc, Math.max(s.first, i - 2), Math.min(s.last, last + 2)).some(
          (e) => e.value.type === 'PERS' && e.first < i && i < e.last,
        )
      ) {
        i++;
        continue;
      }
      let end = last;
      // "ريف دير الزور الشمالي": the direction adjective after the name belongs to the mention
      while (fb?.frame === 'countryside' && end < last + 2 && toks[end] && ar.compassAdjectives.test(toks[end].norm))
        end++;
      out.push({
        first: i,
        last: end,
        span: tokenSpan(doc, i, end),
        sent: s.i,
        value: {
          candidates: cands,
          frame: fb?.frame ?? 'plain',
          frameFirst: fb?.at ?? null,
          // a common word accepted as a place keeps needing the text's countries to agree
          weak: last - i === 1 && ((!framed && !afterIn) || commonWords().has(key)),
          common: last - i === 1 && commonWords().has(key),
        },
      });
      i = last;
    }
  }
  const known = inTextCountries(doc, out);
  return unknown.length > 0 ? withSpelledPlaces(doc, known, unknown) : known;
}

/** a word after a frame word that the gazetteer does not know */
interface Slot {
  i: number;
  sent: number;
  sentFirst: number;
  sentLast: number;
}
/** tokens either side of such a word that the NER reads with it */
const NER_WINDOW = 4;

/** a word that reads as Arabic rather than as a foreign name: an article, a nisba or a plural ending */
const ARABIC_SHAPE = /^(ال|لل)|(يه|يين|يون|ات)$/;

/**
 * "في بلدة سوروتش التركية": a framed word the gazetteer lacks, read as a town of a country the text names by the
 * sound of its Latin name (src/geo/latin-names.ts).
 */
function withSpelledPlaces(doc: Doc, ms: PlaceMention[], unknown: Slot[]): PlaceMention[] {
  const countries = new Set(namedCountries(doc, ms).keys());
  if (countries.size === 0) return ms;
  const out = [...ms];
  for (const u of unknown) {
    const word = doc.tokens[u.i].norm.replace(/^و(?=...)/, '');
    // "بريف", "لمدينة": a preposition on a frame word
    const bare = word.replace(/^[فو]?[بلك]?/, '');
    if (word.length < 4 || ARABIC_SHAPE.test(word) || commonWords().has(word) || FRAME_END.has(bare)) continue;
    // a town the tables name only in Latin takes the text's spelling as its Arabic name (a copy: the entry is shared)
    const spelled = surface(doc, u.i).replace(/^و(?=...)/, '');
    const cands = placesSoundingLike(word, countries)
      .slice(0, 3)
      .map((c) => (c.name_ar ? c : { ...c, name_ar: spelled, names_ar: [word] }));
    if (cands.length === 0) continue;
    // "منطقة سيطرة", "بريف": an Arabic word sounds like some town too; the NER must read a place's name there
    const window = entitiesIn(doc, Math.max(u.sentFirst, u.i - NER_WINDOW), Math.min(u.sentLast, u.i + NER_WINDOW));
    if (!window.some((e) => e.value.type === 'LOC' && e.first <= u.i && u.i < e.last)) continue;
    const fb = frameBefore(doc, u.i, u.sentFirst);
    out.push({
      first: u.i,
      last: u.i + 1,
      span: tokenSpan(doc, u.i, u.i + 1),
      sent: u.sent,
      value: {
        candidates: cands,
        frame: fb?.frame ?? 'settlement',
        frameFirst: fb?.at ?? null,
        weak: false,
        common: false,
        bySound: true,
      },
    });
  }
  return out.sort((a, b) => a.first - b.first);
}

/**
 * A small place the gazetteer knows only by a frame is read in a country the text names otherwise (a village of
 * Yemen in a report from Yemen), not in another one (العريش، القامشلي have namesakes in other countries).
 */
/** how far from a village, in sentences, the places that settle which of its namesakes it is are looked for */
const ANCHOR_REACH = 20;

/** The countries a text names, by how often: its unambiguous places and its nationality adjectives. */
function namedCountries(doc: Doc, ms: PlaceMention[]): Map<string, number> {
  const named = new Map<string, number>();
  for (const m of ms) {
    if (m.value.candidates.some((c) => c.minor)) continue;
    const cs = new Set(m.value.candidates.map((c) => c.country));
    if (cs.size === 1) named.set([...cs][0], (named.get([...cs][0]) ?? 0) + 1);
  }
  // "بلدة سيلوبي التركية", "مصادر يمنية": a nationality adjective names its country too
  const seen = new Set<string>();
  for (let k = 0; k < doc.tokens.length; k++) {
    const ns = nationalities().at(doc.tokens, k);
    for (let j = 0; j < ns.length; j++) {
      const n = ns[j];
      if (seen.has(n.value.country)) continue;
      seen.add(n.value.country);
      named.set(n.value.country, (named.get(n.value.country) ?? 0) + 1);
    }
  }
  return named;
}

function inTextCountries(doc: Doc, ms: PlaceMention[]): PlaceMention[] {
  const named = namedCountries(doc, ms);
  // the points the text names without doubt: towns and facilities of one reading, by sentence
  const anchors: { m: PlaceMention; c: GazEntry }[][] = Array.from({ length: doc.sentences.length }, () => []);
  for (const m of ms) {
    const [c, ...more] = m.value.candidates;
    if (more.length === 0 && !c.minor && c.feature !== 'country' && c.feature !== 'admin1')
      anchors[m.sent].push({ m, c });
  }
  /** the anchors named within ANCHOR_REACH sentences of a mention, each place once (a long text names thousands) */
  const anchorsNear = (m: PlaceMention): GazEntry[] => {
    const byId = new Map<string, GazEntry>();
    for (let s = Math.max(0, m.sent - ANCHOR_REACH); s <= Math.min(anchors.length - 1, m.sent + ANCHOR_REACH); s++)
      for (const a of anchors[s]) if (a.m !== m) byId.set(a.c.id, a.c);
    return [...byId.values()];
  };
  const out: PlaceMention[] = [];
  for (const m of ms) {
    // "العريش" in a report from Yemen: a town of a country the text names nowhere else has a namesake there
    const cands = m.value.candidates;
    const home = (c: GazEntry) =>
      (named.get(c.country) ?? 0) - (cands.every((x) => x.country === c.country) ? 1 : 0) > 0;
    if (named.size > 0 && !cands.some(home) && cands.every((c) => c.feature.startsWith('place:'))) {
      const namesakes = framedAt(doc.tokens, m.first, m.last).filter(
        (f) => f.last === m.last && f.value.feature.startsWith('place:') && named.has(f.value.country),
      );
      if (namesakes.length > 0) m.value.candidates = [...cands, ...namesakes.map((f) => f.value)];
    }
    let kept = m.value.candidates.filter((c) => !c.minor || named.has(c.country));
    // "السويق" in a report from At Tuhayta: of the villages of one name, the one nearest the text's other places
    const minor = kept.filter((c) => c.minor && c.feature.startsWith('place:'));
    const around = minor.length > 1 ? anchorsNear(m) : [];
    if (around.length > 0) {
      const dist = new Map(minor.map((c) => [c, Math.min(...around.map((a) => haversineKm(a, c)))]));
      const best = Math.min(...dist.values());
      kept = kept.filter((c) => !dist.has(c) || dist.get(c)! <= best + 5);
    }
    if (kept.length === 0) continue;
    out.push(kept.length === m.value.candidates.length ? m : { ...m, value: { ...m.value, candidates: kept } });
  }
  return out;
}

/** "موسكو تقول", "قالت واشنطن", "تتهم أنقرة": the cue words of saying, denying, accusing, threatening, calling on */
const SPEECH_CUES = new Set(['report', 'deny', 'reaction', 'threat', 'call']);
const speaks = (doc: Doc, k: number) =>
  cues()
    .at(doc.tokens, k)
    .some((c) => SPEECH_CUES.has(c.value));

/**
 * "دعا غوتيريس واشنطن وموسكو": a capital far from the region named without a locative, a frame or an attack word
 * before it stands for its government. "في باريس", "بطهران", "قصف دمشق", "هجوم باريس" are places.
 */
function isCapitalAsActor(doc: Doc, m: PlaceMention, kept: PlaceMention[]): boolean {
  if (m.value.frame !== 'plain' || m.last - m.first !== 1) return false;
  const top = m.value.candidates.reduce((b, c) => (c.population > b.population ? c : b));
  // capitals of the region are where its wars are reported from: only their speaking or ruling is metonymy there
  if (top.feature !== 'place:PPLC' || REGION.has(top.country)) return false;
  const toks = doc.tokens;
  const tok = toks[m.first].norm;
  if (/^و?ب/.test(tok) && !top.names_ar.some((n) => n.startsWith('ب'))) return false;
  const prev = toks[m.first - 1];
  if (prev === undefined || prev.sent !== m.sent) return true;
  if (ar.strongLocatives.has(prev.norm.replace(/^و/, '')) || prev.norm === 'العاصمه') return false;
  // "في العاصمة الفرنسية، باريس": the capital named after the word for it and its country's adjective
  for (let k = m.first - 2; k >= Math.max(0, m.first - 3) && toks[k].sent === m.sent; k--)
    if (/^[وفبل]?(ال)?عاصمه$/.test(toks[k].norm)) return false;
  if (triggers().at(toks, m.first - 1).length > 0) return false;
  const before = kept[kept.length - 1];
  return !(tok.startsWith('و') && before !== undefined && before.last === m.first);
}

/** "ألقى الحزب اللوم في هذا الهجوم على إيران": the one blamed, not a place */
function isBlamed(doc: Doc, m: PlaceMention): boolean {
  if (!m.value.candidates.some((c) => c.feature === 'country')) return false;
  const prev = doc.tokens[m.first - 1];
  if (!prev || prev.sent !== m.sent || !ar.onWords.has(prev.norm)) return false;
  for (let k = m.first - 2; k >= Math.max(0, m.first - 8) && doc.tokens[k].sent === m.sent; k--) {
    if (ar.blameNouns.test(doc.tokens[k].norm)) return true;
  }
  return false;
}

function isMetonym(doc: Doc, m: PlaceMention): boolean {
  const prev = doc.tokens[m.first - 1];
  const next = doc.tokens[m.last];
  const capital = m.value.candidates.some((c) => c.feature === 'country' || c.feature === 'place:PPLC');
  if (!capital) return false;
  if (prev && prev.sent === m.sent && ar.rulerNouns.test(prev.norm)) return true;
  const bare = !/^[وف]?[بل]/.test(doc.tokens[m.first].norm) || m.value.candidates.some((c) => /^[بل]/.test(c.name_ar));
  return (
    bare &&
    ((next !== undefined && next.sent === m.sent && speaks(doc, m.last)) ||
      (prev !== undefined && prev.sent === m.sent && speaks(doc, m.first - 1)))
  );
}

/**
 * Places in their sentence: a country named without a locative ("قالت إسرائيل", "دعمتها إيران") is an actor, not a
 * place; a reference point in parentheses after a place ("قاعدة بلد (80 كلم شمال بغداد)") only says where that
 * place is.
 */
export function placesInContext(doc: Doc, ms: PlaceMention[]): PlaceMention[] {
  const toks = doc.tokens;
  const out: PlaceMention[] = [];
  for (const m of ms) {
    if (m.value.frame === 'plain' && (isMetonym(doc, m) || isBlamed(doc, m))) continue;
    const countryOnly = m.value.candidates.every((c) => c.feature === 'country');
    if (countryOnly && m.value.frame === 'plain') {
      // "اتهام إلى روسيا", "تهديدات من الولايات المتحدة": a faraway country needs "في" to be a place
      const far = !m.value.candidates.some((c) => REGION.has(c.country));
      const tok = toks[m.first].norm;
      const prev = toks[m.first - 1];
      const prevPlace = out[out.length - 1];
      const locative =
        (far ? /^و?ب/ : /^(و?ب|في|وفي)/).test(tok) && !ar.namesStartingWithClitic.test(tok)
          ? true
          : (prev !== undefined &&
              prev.sent === m.sent &&
              (far ? ar.strongLocatives : ar.locatives).has(prev.norm.replace(/^و/, ''))) ||
            (tok.startsWith('و') && prevPlace !== undefined && prevPlace.last === m.first && out.includes(prevPlace));
      if (!locative) continue;
    }
    if (isCapitalAsActor(doc, m, out)) continue;
    // "(120 كلم شمال بغداد)": a reference point for the place named just before the parenthesis
    let k = m.first - 1;
    while (k >= 0 && k > m.first - 5 && toks[k].norm !== '(') k--;
    if (k >= 0 && toks[k].norm === '(' && toks.slice(k + 1, m.first).some((t) => ar.distanceUnits.test(t.norm))) {
      const before = out[out.length - 1];
      if (before && before.last <= k && k - before.last <= 5) continue;
    }
    if (afterDistance(doc, m)) continue;
    // "مسقط رأسه": an idiom that opens with a place name
    if (m.last - m.first === 1 && isIdiom(toks[m.first].norm, toks[m.last])) continue;
    // "شارع بغداد", "بشارع القاهرة": a street named after a city is not the city
    if (STREET.test(toks[(m.value.frameFirst ?? m.first) - 1]?.norm ?? '')) continue;
    const before = toks[(m.value.frameFirst ?? m.first) - 1];
    if (before && before.sent === m.sent && PERSON_HEAD.test(before.norm)) continue;
    out.push(m);
  }
  return out;
}

/** Beyond this, a place a distance is measured from is not where the event was (the scorer's 25 km). */
const REFERENCE_KM = 25;

/**
 * "الواقعة على بعد 250 كلم شمال بغداد", "40 كيلومترا عن كويتا": a place a distance and a direction (or عن, من) are
 * measured from is a reference point, not where anything happened, when it is far; "12 كلم غرب عمان" is near Amman.
 * "ثلاثين كيلومترا إلى مشارف التحيتا" is no reference.
 */
function afterDistance(doc: Doc, m: PlaceMention): boolean {
  const toks = doc.tokens;
  const from = m.value.frameFirst ?? m.first;
  const direction = m.value.frame === 'near' && !/^(مشارف|تخوم|قرب|محيط|اطراف|ضواحي|جوار)/.test(toks[from].norm);
  for (let k = from - 1; k >= Math.max(0, from - 2) && toks[k].sent === m.sent; k--) {
    if (ar.distanceUnits.test(toks[k].norm)) {
      if (!direction && k === from - 1) return false;
      const km = distanceBefore(doc, k) * (/^(ميل|اميال)/.test(toks[k].norm) ? 1.6 : 1);
      return !(km <= REFERENCE_KM);
    }
    if (!/^(عن|من)$/.test(toks[k].norm)) return false;
  }
  return false;
}

/** The number ending right before the unit at `unit` (NaN when none is read). */
function distanceBefore(doc: Doc, unit: number): number {
  for (let k = unit - 1; k >= Math.max(0, unit - 3); k--) {
    const n = readNumberAt(doc.tokens, k);
    if (n && n.last === unit) return n.value;
  }
  return Number.NaN;
}
