/** Tokens of the normalised text, each mapped back to original offsets. */
import type { Normalized } from '../lang/ar/normalize.js';
import { internWord, type Word } from './words.js';

export type TokenKind = 'word' | 'latin' | 'number' | 'date' | 'url' | 'hashtag' | 'mention' | 'punct';

export interface Token {
  /** index in doc.tokens */
  i: number;
  /** original offsets */
  start: number;
  end: number;
  /** normalised offsets */
  nStart: number;
  nEnd: number;
  /** normalised form */
  norm: string;
  kind: TokenKind;
  /** index of the sentence holding it */
  sent: number;
  /** the record shared by tokens of the same form (see words.ts) */
  word?: Word;
}

// Order matters: longer, more specific shapes first. Applied to normalised text (no diacritics, ASCII digits).
const TOKEN =
  /(https?:\/\/\S+|www\.\S+|pic\.twitter\.com\/\S+|[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|org|net|gov|info|me|tv|io)(?:\/[^\s\u0600-\u06ff]*)?)|(@[a-z0-9_]+)|(#[\p{L}\p{N}_]+)|(\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}(?!\d))|(\d+(?:[.,]\d+)*)|([\u0621-\u064a\u066e-\u066f\u0671-\u06d3\u06d5\u06fa-\u06ff\u0750-\u077f\u08a0-\u08ff]+)|([\p{L}\p{M}\p{N}]+(?:['’][\p{L}]+)*)|(\S)/uy;

const KINDS: TokenKind[] = ['url', 'mention', 'hashtag', 'date', 'number', 'word', 'latin', 'punct'];

/** A code unit of the Arabic-word shape of TOKEN. No other shape starts with one, so its run is a word token. */
function isArabicLetter(c: number): boolean {
  return (
    (c >= 0x0621 && c <= 0x064a) ||
    c === 0x066e ||
    c === 0x066f ||
    (c >= 0x0671 && c <= 0x06d3) ||
    c === 0x06d5 ||
    (c >= 0x06fa && c <= 0x06ff) ||
    (c >= 0x0750 && c <= 0x077f) ||
    (c >= 0x08a0 && c <= 0x08ff)
  );
}

/** Punctuation no other shape of TOKEN starts with: a one-character punct token. */
const PLAIN_PUNCT = new Set([...'.,،:;؛!?؟()[]«»"“”…/'].map((ch) => ch.charCodeAt(0)));

/** Tokenise normalised text. Sentence indices are filled in by the sentence splitter. */
export function tokenize(n: Normalized): Token[] {
  const { norm } = n;
  const out: Token[] = [];
  let pos = 0;
  const len = norm.length;
  while (pos < len) {
    const c = norm.charCodeAt(pos);
    if (c === 32 || c === 10 || c === 9 || c === 13 || c === 12 || c === 11) {
      pos++;
      continue;
    }
    if (isArabicLetter(c)) {
      let end = pos + 1;
      while (end < len && isArabicLetter(norm.charCodeAt(end))) end++;
      out.push(token(out.length, n, pos, end, 'word'));
      pos = end;
      continue;
    }
    if (PLAIN_PUNCT.has(c)) {
      out.push(token(out.length, n, pos, pos + 1, 'punct'));
      pos++;
      continue;
    }
    TOKEN.lastIndex = pos;
    const m = TOKEN.exec(norm);
    if (!m) {
      pos++;
      continue;
    }
    let kind: TokenKind = 'punct';
    for (let g = 1; g < m.length; g++) {
      if (m[g] !== undefined) {
        kind = KINDS[g - 1];
        break;
      }
    }
    let text = m[0];
    // a URL swallows trailing punctuation that belongs to the sentence
    if (kind === 'url') {
      const trimmed = text.replace(/[.,;:!?)\]»"'”…]+$/u, '');
      if (trimmed.length > 0) text = trimmed;
    }
    const end = pos + text.length;
    out.push(token(out.length, n, pos, end, kind));
    pos = end;
  }
  return out;
}

function token(i: number, n: Normalized, nStart: number, nEnd: number, kind: TokenKind): Token {
  const word = internWord(n.norm, nStart, nEnd);
  return {
    i,
    start: n.srcStart[nStart],
    end: n.srcEnd[nEnd - 1],
    nStart,
    nEnd,
    norm: word.norm,
    kind,
    sent: 0,
    word,
  };
}
