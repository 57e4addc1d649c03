/**
 * Statistical named-entity recognition for Arabic news: persons, locations, organisations and other names
 * (ANERcorp's PERS/LOC/ORG/MISC), from an averaged structured perceptron trained by scripts/train-ner.ts.
 */
import { type Doc, tokenSpan } from '../../text/doc.js';
import type { Token } from '../../text/tokenize.js';
import type { Mention } from '../mention.js';
import { ENTITY_TYPES, type EntityType, TAGS as TAG_NAMES, chunks as toChunks } from './bio.js';
import { oneTagPerName } from './consistency.js';
import { normWord } from './features.js';
import { nerModel } from './model.js';
import { Tagger } from './tagger.js';

export type { EntityType } from './bio.js';
export { type Chunk, chunks, ENTITY_TYPES, scoreEntities, TAGS } from './bio.js';
export { oneTagPerName } from './consistency.js';
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
 * Named entities of a whole document: tagged sentence by sentence, then one tag per name across the document
 * (consistency.ts); spans are exact slices of `doc.text`.
 */
export function findEntities(doc: Doc): EntityMention[] {
  const tagger = shippedTagger();
  const words: string[][] = [];
  const tags: string[][] = [];
  for (const s of doc.sentences) {
    const n = s.last - s.first;
    if (scratch.length < n) scratch = new Uint8Array(Math.max(n, scratch.length * 2));
    tagger.decode(doc.tokens, s.first, s.last, tokenNorm, scratch);
    words.push(doc.tokens.slice(s.first, s.last).map(tokenNorm));
    tags.push(Array.from(scratch.subarray(0, n), (t) => TAG_NAMES[t]));
  }
  const consistent = oneTagPerName(words, tags);
  const out: EntityMention[] = [];
  doc.sentences.forEach((s, k) => {
    for (const c of toChunks(consistent[k])) {
      const first = s.first + c.first;
      const last = s.first + c.last;
      out.push({
        first,
        last,
        span: tokenSpan(doc, first, last),
        value: { type: c.type },
        sent: doc.tokens[first].sent,
      });
    }
  });
  return out;
}

/**
 * Named entities of tokens [first, last) of one sentence: the pipeline tags only the few words around where a name
 * the lexicons miss would be used (a speaker before a quotation, a group after "تبنت"), not whole documents.
 */
export function entitiesIn(doc: Doc, first: number, last: number, out: EntityMention[] = []): EntityMention[] {
  const n = last - first;
  if (n <= 0) return out;
  if (scratch.length < n) scratch = new Uint8Array(Math.max(n, scratch.length * 2));
  shippedTagger().decode(doc.tokens, first, last, tokenNorm, scratch);
  const sent = doc.tokens[first].sent;
  // Viterbi honours BIO, so an entity starts exactly at a B- tag and runs over the I- tags after it
  for (let i = 0; i < n; i++) {
    const t = scratch[i];
    if (t === 0 || t % 2 === 0) continue;
    let j = i + 1;
    while (j < n && scratch[j] === t + 1) j++;
    out.push({
      first: first + i,
      last: first + j,
      span: tokenSpan(doc, first + i, first + j),
      value: { type: ENTITY_TYPES[(t - 1) >> 1] },
      sent,
    });
    i = j - 1;
  }
  return out;
}
