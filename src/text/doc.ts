/** The one document object every stage reads: original text, normalised text with its map, tokens, sentences. */
import { normalize } from '../lang/ar/normalize.js';
import { type Sentence, splitSentences } from './sentences.js';
import { makeSpan, type Span } from './span.js';
import { type Token, tokenize } from './tokenize.js';

export interface Doc {
  id: string;
  text: string;
  /** ISO date (YYYY-MM-DD) the document was published, if known */
  published: string | null;
  norm: string;
  srcStart: Int32Array;
  srcEnd: Int32Array;
  tokens: Token[];
  sentences: Sentence[];
}

export function makeDoc(id: string, text: string, published: string | null = null): Doc {
  const n = normalize(text);
  const tokens = tokenize(n);
  const sentences = splitSentences(tokens, n.norm);
  return { id, text, published, norm: n.norm, srcStart: n.srcStart, srcEnd: n.srcEnd, tokens, sentences };
}

/** Span of tokens [first, last). */
export function tokenSpan(doc: Doc, first: number, last: number): Span {
  return makeSpan(doc.text, doc.tokens[first].start, doc.tokens[last - 1].end);
}

/** Span of a range of the normalised text. */
export function normSpan(doc: Doc, nStart: number, nEnd: number): Span {
  return makeSpan(doc.text, doc.srcStart[nStart], doc.srcEnd[nEnd - 1]);
}

export function sentenceSpan(doc: Doc, s: number): Span {
  const sent = doc.sentences[s];
  return makeSpan(doc.text, sent.start, sent.end);
}

/** Index of the first token whose normalised start is at or after `nPos` (binary search). */
export function tokenAtNorm(doc: Doc, nPos: number): number {
  let lo = 0;
  let hi = doc.tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (doc.tokens[mid].nEnd <= nPos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
