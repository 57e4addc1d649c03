/** A recognised thing in a document: a token range, its exact span, and what it means. */
import type { Doc } from '../text/doc.js';
import { tokenSpan } from '../text/doc.js';
import type { PhraseIndex } from '../text/phrases.js';
import type { Span } from '../text/span.js';

export interface Mention<V> {
  /** token range [first, last) */
  first: number;
  last: number;
  span: Span;
  value: V;
  /** sentence index */
  sent: number;
}

/** All non-overlapping lexicon matches in a document, as mentions. */
export function scanLexicon<V>(doc: Doc, index: PhraseIndex<V>, maxCost = Number.POSITIVE_INFINITY): Mention<V>[] {
  const out: Mention<V>[] = [];
  const opts = { maxCost };
  for (const s of doc.sentences) {
    for (const m of index.scan(doc.tokens, s.first, s.last, opts)) {
      out.push({ first: m.first, last: m.last, span: tokenSpan(doc, m.first, m.last), value: m.value, sent: s.i });
    }
  }
  return out;
}

/** Mentions grouped by sentence index. */
export function bySentence<M extends { sent: number }>(ms: M[], n: number): M[][] {
  const out: M[][] = Array.from({ length: n }, () => []);
  for (const m of ms) out[m.sent]?.push(m);
  return out;
}
