/**
 * Statistical named-entity recognition for Arabic news: persons, locations, organisations and other names
 * (ANERcorp's PERS/LOC/ORG/MISC), from an averaged structured perceptron trained by scripts/train-ner.ts.
 */
import { type Doc, tokenSpan } from '../../text/doc.js';
import type { Token } from '../../text/tokenize.js';
import type { Mention } from '../mention.js';
import { ENTITY_TYPES, type EntityType } from './bio.js';
import { normWord } from './features.js';
import { nerModel } from './model.js';
import { Tagger } from './tagger.js';

export type { EntityType } from './bio.js';
export { type Chunk, chunks, ENTITY_TYPES, scoreEntities, TAGS } from './bio.js';
export { compileModel, type NerModelJson } from './model.js';
export { Tagger } from './tagger.js';

export type EntityMention = Mention<{ type: EntityType }>;

let tagger: Tagger | null = null;
function shippedTagger(): Tagger {
  if (!tagger) tagger = new Tagger(nerModel());
  return tagger;
}

/** BIO tags (O, B-PERS, I-LOC, …) for already-split words, one sentence; words are normalised here. */
export function tagWords(words: string[]): string[] {
  return shippedTagger().tagNorms(words.map(normWord));
}

const tokenNorm = (t: Token) => t.norm;
let scratch = new Uint8Array(256);

/**
 * Named entities of a document, tagged sentence by sentence (only the sentences `only` accepts, when given: the
 * pipeline tags where a name the lexicons miss would be used); spans are exact slices of `doc.text`.
 */
export function findEntities(doc: Doc, only?: (sentence: number) => boolean): EntityMention[] {
  const tg = shippedTagger();
  const out: EntityMention[] = [];
  for (const s of doc.sentences) {
    if (only && !only(s.i)) continue;
    const n = s.last - s.first;
    if (n <= 0) continue;
    if (scratch.length < n) scratch = new Uint8Array(Math.max(n, scratch.length * 2));
    tg.decode(doc.tokens, s.first, s.last, tokenNorm, scratch);
    // Viterbi honours BIO, so an entity starts exactly at a B- tag and runs over the I- tags after it
    for (let i = 0; i < n; i++) {
      const t = scratch[i];
      if (t === 0 || t % 2 === 0) continue;
      let j = i + 1;
      while (j < n && scratch[j] === t + 1) j++;
      const first = s.first + i;
      const last = s.first + j;
      out.push({
        first,
        last,
        span: tokenSpan(doc, first, last),
        value: { type: ENTITY_TYPES[(t - 1) >> 1] },
        sent: s.i,
      });
      i = j - 1;
    }
  }
  return out;
}
