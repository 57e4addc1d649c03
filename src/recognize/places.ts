/** Place names in the text, with the frame around them (ريف X, قرب X, محافظة X) and gazetteer candidates. */
import { dataPath, readTsv, splitList } from '../data.js';
import { type GazEntry, gazetteer } from '../geo/gazetteer.js';
import { type Doc, tokenSpan } from '../text/doc.js';
import { PhraseIndex } from '../text/phrases.js';
import type { Mention } from './mention.js';

export type PlaceFrame = 'plain' | 'near' | 'countryside' | 'province' | 'settlement';

export interface PlaceValue {
  candidates: GazEntry[];
  frame: PlaceFrame;
  /** token range of the frame word(s) before the name, if any */
  frameFirst: number | null;
  /** a one-word name with no frame word: weak evidence, kept only where the document's countries agree */
  weak: boolean;
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

let common: Set<string> | null = null;
/** One-word place names that are also common words (data/gazetteer/common-words.tsv). */
function commonWords(): Set<string> {
  if (!common) common = new Set(readTsv(dataPath('gazetteer', 'common-words.tsv')).map((r) => r.word));
  return common;
}

/** A one-word name is a place only if it is big or framed: many small places are named like common words. */
function acceptSingle(cands: GazEntry[], key: string, framed: boolean, afterIn: boolean): boolean {
  if (commonWords().has(key)) return framed;
  for (const c of cands) {
    if (BIG_FEATURES.has(c.feature) || isFacility(c)) return true;
    if (c.population >= 100000) return true;
    if (c.feature === 'place:PPLC' || c.feature === 'place:PPLA') return true;
    if (framed && c.population >= 500) return true;
    if (afterIn && c.population >= 20000) return true;
  }
  return false;
}

/** The frame word ending right before token `first`, if any. */
function frameBefore(doc: Doc, first: number, sentFirst: number): { frame: PlaceFrame; at: number } | null {
  const idx = frameIndex();
  for (let k = Math.max(sentFirst, first - 3); k < first; k++) {
    for (const m of idx.at(doc.tokens, k, { end: first })) {
      if (m.last === first) return { frame: m.value, at: k };
    }
  }
  return null;
}

const IN_WORDS = new Set(['في', 'من', 'الى', 'داخل', 'على']);

export function findPlaces(doc: Doc): PlaceMention[] {
  const gaz = gazetteer();
  const out: PlaceMention[] = [];
  const toks = doc.tokens;
  for (const s of doc.sentences) {
    for (let i = s.first; i < s.last; ) {
      const ms = gaz.byName.at(toks, i, { maxCost: 0, end: s.last });
      if (ms.length === 0) {
        i++;
        continue;
      }
      const last = ms[0].last;
      const cands = [...new Set(ms.filter((m) => m.last === last).map((m) => m.value))];
      const fb = frameBefore(doc, i, s.first);
      const prev = toks[i - 1];
      const afterIn = prev !== undefined && prev.sent === s.i && IN_WORDS.has(prev.norm);
      const key = ms[0].key;
      const framed = fb !== null && fb.frame !== 'near';
      // a frame word is not a place by itself: "مدينة" is "city", not Medina
      const isFrameWord = frameIndex()
        .at(toks, i, { end: i + 1 })
        .some((m) => m.last === i + 1);
      if (last - i === 1 && (isFrameWord || !acceptSingle(cands, key, framed || (fb !== null && afterIn), afterIn))) {
        i++;
        continue;
      }
      let end = last;
      // "ريف دير الزور الشمالي": the direction adjective after the name belongs to the mention
      if (fb?.frame === 'countryside' && toks[end] && /^ال(شمالي|جنوبي|شرقي|غربي)$/.test(toks[end].norm)) end++;
      out.push({
        first: i,
        last: end,
        span: tokenSpan(doc, i, end),
        sent: s.i,
        value: {
          candidates: cands,
          frame: fb?.frame ?? 'plain',
          frameFirst: fb?.at ?? null,
          weak: last - i === 1 && !framed,
        },
      });
      i = last;
    }
  }
  return out;
}
