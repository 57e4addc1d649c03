/**
 * Number mentions in a document: digits and number words (number-reader.ts), vague quantities (عشرات, مئات,
 * العديد), dual nouns (صاروخين = 2), with the qualifier around them (ما لا يقل عن, نحو, على الأقل) and the counted
 * noun after them.
 *
 * Conventions:
 * - `span` covers the number itself (proclitics of its first word trimmed: "وتسع" → "تسع"); a qualifier has its
 *   own `qualifierSpan`.
 * - Vague quantities have `vague: true`, `value` the lower bound the word states (عشرات 10, مئات 100, آلاف 1000,
 *   بضعة/عدة 3) and `acled` the value ACLED's conventions code (عشرات 12, مئات 100, العديد/عدة/عدد من 10).
 *   Unquantified plurals (العديد, عدد من) have `value: 0` with `vague: true`: a count the text does not give,
 *   never "none".
 * - A dual noun with no number (صاروخين, بطائرتين مسيرتين) is one mention of 2 with `dual: true`; its agreeing
 *   dual adjectives are not mentions of their own. Definite duals (الطائرتين) refer back and are left out.
 * - Digits inside times, dates and ranges (10:30, 2023-12-15, 3-4) are not mentions; date tokens (15/12/2023)
 *   neither; nor the day and year of a written date: the 7 and 2023 of "7 أكتوبر 2023", "السابع من أكتوبر",
 *   "عام 2020", "صيف 2022", "1445هـ" (dates.ts reads those).
 */

import { wordKeys } from '../lang/ar/clitics.js';
import { type Doc, normSpan } from '../text/doc.js';
import type { Span } from '../text/span.js';
import type { Token } from '../text/tokenize.js';
import { wordTest, wordTestBits } from '../text/words.js';
import { calendarLexicon } from './calendar-lexicon.js';
import { numberLexicon, type Qualifier } from './number-lexicon.js';
import { dualAt, numberWordAt, readNumberAt } from './number-reader.js';

export { parseDigits, readNumberAt } from './number-reader.js';
export type { Qualifier };

export interface NumberMention {
  /** token range [first, last) */
  first: number;
  last: number;
  span: Span;
  /** sentence index of the first token */
  sent: number;
  value: number;
  qualifier: Qualifier;
  /** عشرات, مئات, آلاف, العديد, عدد من, بضعة */
  vague: boolean;
  /** the counted noun after the number, normalised without proclitics ("صواريخ", "مره"), or "%" */
  unit?: string;
  /** الـ24, الرابع والعشرين, السابع */
  ordinal?: boolean;
  /** read from a dual noun (صاروخين) */
  dual?: boolean;
  /** for vague quantities: the value ACLED's coding conventions give the word (عشرات → 12) */
  acled?: number;
  qualifierSpan?: Span;
}

/** Singular (normalised) of a dual noun with no number: صاروخين → "صاروخ", بطائرتين → "طائره"; else null. */
export function dualOf(token: Token): string | null {
  return dualAt(token)?.singular ?? null;
}

const CHAIN_SEPARATORS = new Set([':', '/', '-', '.']);

/** One past the end of a run like 10:30, 2023-12-15 or 3-4 starting at i, or i when there is none. */
function digitChainEnd(tokens: Token[], i: number): number {
  let j = i;
  while (
    tokens[j + 2] &&
    tokens[j + 1].kind === 'punct' &&
    CHAIN_SEPARATORS.has(tokens[j + 1].norm) &&
    tokens[j + 1].nStart === tokens[j].nEnd &&
    tokens[j + 2].kind === 'number' &&
    tokens[j + 2].nStart === tokens[j + 1].nEnd
  ) {
    j += 2;
  }
  return j === i ? i : j + 1;
}

function span(doc: Doc, first: number, last: number, pre: number): Span {
  return normSpan(doc, doc.tokens[first].nStart + pre, doc.tokens[last - 1].nEnd);
}

interface Found {
  first: number;
  last: number;
  pre: number;
  value: number;
  vague: boolean;
  ordinal?: boolean;
  dual?: boolean;
  acled?: number;
  unit?: string;
  /** where scanning resumes (past agreeing adjectives of a dual) */
  resume: number;
}

function vagueAt(tokens: Token[], i: number): Found | null {
  const lex = numberLexicon();
  const v = lex.vague.at(tokens, i);
  if (!v) return null;
  let { value } = v.value;
  let acled = v.value.acled;
  let last = v.last;
  // عشرات الآلاف, مئات الآلاف
  const nx = tokens[last];
  const scale = nx && nx.sent === tokens[i].sent ? lex.vagueScales.get(nx.norm) : undefined;
  if (scale !== undefined && value >= 10 && value < 1000) {
    value *= scale;
    if (acled !== null) acled *= scale;
    last++;
  }
  return { first: i, last, pre: v.pre, value, vague: true, acled: acled ?? undefined, resume: last };
}

/** A month name starts at token j (or after من / شهر). */
function monthAt(tokens: Token[], j: number, sent: number): boolean {
  const cal = calendarLexicon();
  for (let k = j; k < j + 3 && tokens[k]?.sent === sent; k++) {
    if (cal.months.at(tokens, k, false)) return true;
    if (!cal.cues.of.has(tokens[k].norm) && !cal.cues.month.has(tokens[k].norm)) return false;
  }
  return false;
}

/** The number [first, last) is the day or the year of a written date. */
function isDatePart(tokens: Token[], first: number, last: number, value: number): boolean {
  const sent = tokens[first].sent;
  const cal = calendarLexicon();
  if (Number.isInteger(value) && value >= 1 && value <= 31) {
    if (monthAt(tokens, last, sent)) return true;
    // "30 منه", and the first day of "من 17 إلى 30 أكتوبر", "بين 3 و4 أكتوبر"
    const nx = tokens[last];
    if (nx?.sent === sent && cal.cues.sameMonth.has(nx.norm)) return true;
    const day2 = tokens[last + 1];
    if (nx?.sent === sent && (cal.cues.to.has(nx.norm) || nx.norm === 'و') && day2?.kind === 'number') {
      if (isDatePart(tokens, last + 1, last + 2, Number(day2.norm))) return true;
    }
  }
  if (last !== first + 1 || tokens[first].kind !== 'number' || !/^\d{4}$/.test(tokens[first].norm)) return false;
  const next = tokens[last];
  if (next?.sent === sent && (cal.cues.eraGregorian.has(next.norm) || cal.cues.eraHijri.has(next.norm))) return true;
  if (value < 1800 || value >= 2200) return false;
  const prev = tokens[first - 1];
  if (!prev || prev.sent !== sent) return false;
  if (prev.kind === 'word' && wordKeys(prev.norm).some((k) => cal.cues.year.has(k.key) || cal.seasons.has(k.key)))
    return true;
  for (let k = first - 3; k < first; k++) {
    if (k >= 0 && tokens[k].sent === sent && cal.months.at(tokens, k, true)?.last === first) return true;
  }
  return false;
}

function numberAt(tokens: Token[], i: number): Found | null {
  const r = readNumberAt(tokens, i);
  if (!r || isDatePart(tokens, r.first, r.last, r.value)) return null;
  const lex = numberLexicon();
  const prev = tokens[i - 1];
  // تشرين الثاني, كانون الأول: a month name, not an ordinal
  if (r.ordinal && r.words && prev && lex.ordinalBlockPrev.has(prev.norm)) return null;
  return {
    first: i,
    last: r.last,
    pre: r.pre,
    value: r.value,
    vague: false,
    ordinal: r.ordinal || undefined,
    resume: r.last,
  };
}

function dualNounAt(tokens: Token[], i: number): Found | null {
  const tok = tokens[i];
  const d = dualAt(tok);
  if (!d) return null;
  let last = i + 1;
  // طائرتين اثنتين
  const nx = tokens[last];
  const w = nx && nx.sent === tok.sent && nx.kind === 'word' ? numberWordAt(nx) : null;
  if (w && w.pre === 0 && w.w.kind === 'unit' && w.w.value === 2) last++;
  // agreeing dual adjectives: طائرتين مسيرتين مفخختين
  const ending = tok.norm.slice(-2);
  let resume = last;
  for (let k = 0; k < 3; k++) {
    const t = tokens[resume];
    if (t?.kind !== 'word' || t.sent !== tok.sent || t.norm.length < 5 || !t.norm.endsWith(ending)) break;
    if (numberLexicon().unitStop.has(t.norm) || numberWordAt(t)) break;
    resume++;
  }
  const unit = tok.norm.slice(d.pre);
  return { first: i, last, pre: d.pre, value: 2, vague: false, dual: true, unit, resume };
}

function qualifierBefore(doc: Doc, first: number): { q: Qualifier; span: Span } | null {
  const tokens = doc.tokens;
  const prev = tokens[first - 1];
  if (prev?.kind !== 'word' || prev.sent !== tokens[first].sent) return null;
  const table = numberLexicon().qualifiersBefore;
  // the qualifier's last word is the token before the number; a one-word qualifier may carry و/ف (ونحو)
  for (const k of wordKeys(prev.norm)) {
    if (k.pre > 0 && !(k.conj && k.pre === 1)) continue;
    for (const { words, q } of table.get(k.key) ?? []) {
      if (k.pre > 0 && words.length > 1) continue;
      const start = first - words.length;
      if (start < 0) continue;
      let pre = words.length === 1 ? k.pre : 0;
      let ok = true;
      for (let w = 0; w < words.length - 1 && ok; w++) {
        const t = tokens[start + w];
        if (t.sent !== prev.sent || t.kind !== 'word') ok = false;
        else if (t.norm !== words[w]) {
          const c = w === 0 ? wordKeys(t.norm).find((x) => x.conj && x.pre === 1 && x.key === words[w]) : undefined;
          if (c) pre = c.pre;
          else ok = false;
        }
      }
      if (ok) return { q, span: span(doc, start, first, pre) };
    }
  }
  return null;
}

function qualifierAfter(doc: Doc, from: number, sent: number): { q: Qualifier; span: Span } | null {
  const table = numberLexicon().qualifiersAfter;
  // right after the number (14 على الأقل) or after its noun (14 مرة على الأقل)
  for (const at of [from, from + 1]) {
    const t = doc.tokens[at];
    if (!t || t.sent !== sent) return null;
    const hit = table.at(doc.tokens, at, false);
    if (hit) return { q: hit.value, span: span(doc, at, hit.last, 0) };
    if (t.kind !== 'word') return null;
  }
  return null;
}

function unitAt(tokens: Token[], j: number, sent: number): string | undefined {
  const lex = numberLexicon();
  const t = tokens[j];
  if (!t || t.sent !== sent) return undefined;
  if (lex.percent.has(t.norm) || lex.percentPhrases.at(tokens, j, false)) return '%';
  if (t.kind !== 'word') return undefined;
  if (t.norm === 'من') {
    const nx = tokens[j + 1];
    return nx && nx.sent === sent && nx.kind === 'word' && !lex.unitStop.has(nx.norm) ? nx.norm : undefined;
  }
  if (lex.unitStop.has(t.norm) || lex.qualifiersAfter.at(tokens, j, false)) return undefined;
  return t.norm;
}

/** A word a number mention can start with: a vague quantity, a number word, a detached article, a dual noun. */
const NUMBER_WORD = wordTest((t) => {
  if (t.kind !== 'word') return false;
  const lex = numberLexicon();
  return lex.vague.mayStart(t) || lex.articles.has(t.norm) || numberWordAt(t) !== null || dualAt(t) !== null;
});

/** Every number mention in the document, left to right, not overlapping. */
export function findNumbers(doc: Doc): NumberMention[] {
  const tokens = doc.tokens;
  const out: NumberMention[] = [];
  const bits = wordTestBits(tokens);
  for (let i = 0; i < tokens.length; ) {
    const tok = tokens[i];
    if ((tok.kind !== 'word' && tok.kind !== 'number') || (tok.kind === 'word' && (bits[i] & NUMBER_WORD) === 0)) {
      i++;
      continue;
    }
    if (tok.kind === 'number') {
      const end = digitChainEnd(tokens, i);
      if (end > i) {
        i = end;
        continue;
      }
    }
    const f = vagueAt(tokens, i) ?? numberAt(tokens, i) ?? dualNounAt(tokens, i);
    if (!f) {
      i++;
      continue;
    }
    const sent = tok.sent;
    const before = qualifierBefore(doc, f.first);
    const after = before ? null : qualifierAfter(doc, f.resume, sent);
    const q = before ?? after;
    const m: NumberMention = {
      first: f.first,
      last: f.last,
      span: span(doc, f.first, f.last, f.pre),
      sent,
      value: f.value,
      qualifier: q ? q.q : f.vague ? 'about' : 'exact',
      vague: f.vague,
    };
    const unit = f.unit ?? unitAt(tokens, f.resume, sent);
    if (unit !== undefined) m.unit = unit;
    if (f.ordinal) m.ordinal = true;
    if (f.dual) m.dual = true;
    if (f.acled !== undefined) m.acled = f.acled;
    if (q) m.qualifierSpan = q.span;
    out.push(m);
    i = f.resume;
  }
  return out;
}
