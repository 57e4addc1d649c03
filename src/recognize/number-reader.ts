/**
 * Reads one number expression at a token: digits with separators (2,500 · 18.5 · ١٢), number words in any
 * gender and case, and their compounds (خمسة وعشرين, ثلاثة آلاف, 18 ألفاً و608, 2 مليون, الرابع والعشرين,
 * الـ24). Shared by the number and date recognizers.
 */

import { mayHaveProclitic, wordKeys } from '../lang/ar/clitics.js';
import type { Token } from '../text/tokenize.js';
import { perWord } from '../text/words.js';
import { type NumberWord, type NumberWordKind, numberLexicon } from './number-lexicon.js';
import { tokenKeys } from './word-keys.js';

export interface NumberRead {
  /** token range [first, last) */
  first: number;
  last: number;
  value: number;
  /** الـ24, الرابع والعشرين */
  ordinal: boolean;
  /** normalised proclitic characters to skip on the first token (وتسع → تسع) */
  pre: number;
  /** the first part is a word, not digits */
  words: boolean;
}

type ItemKind = NumberWordKind | 'digits';

interface Item {
  value: number;
  kind: ItemKind;
  last: number;
  pre: number;
  /** the token carries the conjunction و/ف */
  conj: boolean;
  ordinal: boolean;
}

/** Value of a digit string with thousands/decimal separators; NaN where the separators make no sense. */
export function parseDigits(s: string): number {
  if (/^\d+$/.test(s)) return Number(s);
  const comma = s.lastIndexOf(',');
  const dot = s.lastIndexOf('.');
  if (comma >= 0 && dot >= 0) {
    const dec = comma > dot ? ',' : '.';
    const thou = dec === ',' ? '.' : ',';
    const [int, frac, extra] = s.split(dec);
    if (extra !== undefined || !/^\d+$/.test(frac ?? '')) return Number.NaN;
    const groups = int.split(thou);
    if (!groups.slice(1).every((g) => g.length === 3)) return Number.NaN;
    return Number(`${groups.join('')}.${frac}`);
  }
  const sep = comma >= 0 ? ',' : '.';
  const parts = s.split(sep);
  if (parts.length > 1 && parts.slice(1).every((g) => g.length === 3) && (sep === ',' || parts.length > 2)) {
    return Number(parts.join(''));
  }
  if (parts.length === 2) return Number(`${parts[0]}.${parts[1]}`);
  return Number.NaN;
}

const wordCache = new Map<string, { w: NumberWord; pre: number; conj: boolean } | null>();

/** The number word a token holds, with its proclitics (وعشرين, بثلاث), or null. */
export function numberWordOf(norm: string): { w: NumberWord; pre: number; conj: boolean } | null {
  const lex = numberLexicon();
  const direct = lex.words.get(norm);
  if (direct) return { w: direct, pre: 0, conj: false };
  if (!mayHaveProclitic(norm)) return null;
  const hit = wordCache.get(norm);
  if (hit !== undefined) return hit;
  let out: { w: NumberWord; pre: number; conj: boolean } | null = null;
  for (const k of wordKeys(norm)) {
    const w = lex.words.get(k.key);
    if (w) {
      out = { w, pre: k.pre, conj: k.conj };
      break;
    }
  }
  if (wordCache.size > 100000) wordCache.clear();
  wordCache.set(norm, out);
  return out;
}

/** numberWordOf a token's form, memoised per form. */
export const numberWordAt = perWord((tok) => numberWordOf(tok.norm));

function itemAt(tokens: Token[], j: number): Item | null {
  const t = tokens[j];
  if (!t) return null;
  if (t.kind === 'number') {
    const value = parseDigits(t.norm);
    return Number.isFinite(value) ? { value, kind: 'digits', last: j + 1, pre: 0, conj: false, ordinal: false } : null;
  }
  if (t.kind !== 'word') return null;
  const lex = numberLexicon();
  if (lex.articles.has(t.norm)) {
    // الـ24: the tatweel is gone from the normalised text, so the article stands alone before the digits
    const nx = tokens[j + 1];
    if (nx?.kind !== 'number' || nx.sent !== t.sent || nx.nStart - t.nEnd > 1 || !/^\d+$/.test(nx.norm)) {
      return null;
    }
    const conj = t.norm[0] === 'و' || t.norm[0] === 'ف';
    return { value: Number(nx.norm), kind: 'digits', last: j + 2, pre: t.norm.length - 2, conj, ordinal: true };
  }
  const w = numberWordAt(t);
  if (!w) return null;
  const ordinal = w.w.kind === 'ordinal' || w.w.kind === 'ordinal-one' || w.w.kind === 'ordinal-tens';
  return { value: w.w.value, kind: w.w.kind, last: j + 1, pre: w.pre, conj: w.conj, ordinal };
}

/** The next part of a compound, joined by و (as its own token or as a proclitic). */
function joinedItemAt(tokens: Token[], j: number, sent: number): Item | null {
  const t = tokens[j];
  if (!t || t.sent !== sent) return null;
  if (t.kind === 'word' && t.norm === 'و') {
    const it = itemAt(tokens, j + 1);
    return it && it.pre === 0 && tokens[j + 1].sent === sent ? it : null;
  }
  const it = itemAt(tokens, j);
  return it?.conj && it.pre === 1 ? it : null;
}

function isTenSuffix(tokens: Token[], j: number, sent: number): boolean {
  const t = tokens[j];
  return !!t && t.sent === sent && t.kind === 'word' && numberLexicon().tenSuffix.has(t.norm);
}

function read(first: number, last: number, value: number, it: Item, ordinal = it.ordinal): NumberRead {
  return { first, last, value, ordinal, pre: it.pre, words: it.kind !== 'digits' };
}

/** The number expression starting at token i, or null. */
export function readNumberAt(tokens: Token[], i: number): NumberRead | null {
  const it = itemAt(tokens, i);
  if (!it) return null;
  const sent = tokens[i].sent;
  switch (it.kind) {
    case 'half':
    case 'scale-plural':
      return null;
    case 'teen-head':
      return isTenSuffix(tokens, it.last, sent) ? read(i, it.last + 1, it.value + 10, it) : null;
    case 'ordinal':
    case 'ordinal-one': {
      if (isTenSuffix(tokens, it.last, sent)) return read(i, it.last + 1, it.value + 10, it);
      const tens = joinedItemAt(tokens, it.last, sent);
      if (tens && (tens.kind === 'ordinal-tens' || tens.kind === 'tens')) {
        return read(i, tens.last, it.value + tens.value, it, true);
      }
      return it.kind === 'ordinal' ? read(i, it.last, it.value, it) : null;
    }
    case 'ordinal-tens':
      return read(i, it.last, it.value, it);
  }
  if (it.ordinal) return read(i, it.last, it.value, it);

  let total = 0;
  let cur = 0;
  let minScale = Number.POSITIVE_INFINITY;
  let lastKind: ItemKind | 'teen' = it.kind;
  if (it.kind === 'scale') {
    total = it.value;
    minScale = it.value;
  } else if (it.kind === 'scale-dual') {
    total = it.value;
    minScale = it.value / 2;
    lastKind = 'scale';
  } else cur = it.value;
  /** value of the last part read (a unit takes عشر or a following tens only while it is under 10) */
  let lastVal = it.value;
  let last = it.last;

  for (;;) {
    const t = tokens[last];
    if (!t || t.sent !== sent) break;
    // ثلاثة عشر, خمس عشرة
    if (lastKind === 'unit' && lastVal < 10 && isTenSuffix(tokens, last, sent)) {
      cur += 10;
      lastVal += 10;
      lastKind = 'teen';
      last++;
      continue;
    }
    const next = itemAt(tokens, last);
    // ثلاث مئة
    if (
      lastKind === 'unit' &&
      cur === lastVal &&
      cur < 10 &&
      next?.pre === 0 &&
      next.kind === 'hundred' &&
      next.value === 100
    ) {
      cur *= 100;
      lastKind = 'hundred';
      last = next.last;
      continue;
    }
    // ثلاثة آلاف, 18 ألفاً, 2.5 مليون
    if (
      next &&
      next.pre === 0 &&
      (next.kind === 'scale' || next.kind === 'scale-plural') &&
      cur > 0 &&
      next.value < minScale
    ) {
      total += cur * next.value;
      cur = 0;
      minScale = next.value;
      lastKind = 'scale';
      last = next.last;
      continue;
    }
    const j = joinedItemAt(tokens, last, sent);
    if (!j) break;
    if (lastKind === 'scale' && j.kind === 'half') {
      total += minScale / 2;
      last = j.last;
      break;
    }
    let value = j.value;
    let end = j.last;
    let kind: ItemKind | 'teen' = j.kind;
    if (j.kind === 'teen-head') {
      if (!isTenSuffix(tokens, j.last, sent)) break;
      value += 10;
      end++;
      kind = 'teen';
    }
    const small = kind === 'unit' || kind === 'teen' || kind === 'tens' || kind === 'digits';
    if (lastKind === 'scale' && (small || kind === 'hundred') && value < minScale) cur = value;
    else if (lastKind === 'hundred' && small && value < 100) cur += value;
    else if (lastKind === 'unit' && kind === 'tens' && lastVal < 10) cur += value;
    else break;
    lastKind = kind;
    lastVal = value;
    last = end;
  }
  return read(i, last, total + cur, it, false);
}

/** Singular of a dual noun (صاروخين → صاروخ, بطائرتين → طائره), with the proclitics it carried; null otherwise. */
export function dualAt(tok: Token): { singular: string; pre: number } | null {
  if (tok.kind !== 'word' || !(tok.norm.endsWith('ين') || tok.norm.endsWith('ان'))) return null;
  return dualOfWord(tok);
}

const dualOfWord = perWord((tok): { singular: string; pre: number } | null => {
  const duals = numberLexicon().duals;
  for (const k of tokenKeys(tok)) {
    const s = duals.get(k.key);
    if (s) return { singular: s, pre: k.pre };
  }
  return null;
});
