/**
 * Which phrase indexes have an entry with a given key as its first word, as its only word, or as a later word: one
 * bit per index. An entry can start at a token only if one of its readings is a first word there and either a
 * whole entry or followed by a later word of one. Most tokens fail that: with the bits of all their readings at
 * hand, they are turned away by one test instead of a lookup per reading.
 */
import { computeFirstKeys, computeInnerKeys, type Key } from '../lang/ar/clitics.js';
import type { Token } from './tokenize.js';
import { perWord, type Word, wordOf } from './words.js';

const MAX_BITS = 30;
const HASH = 0x23;
const firstBits = new Map<string, number>();
const wholeBits = new Map<string, number>();
const innerBits = new Map<string, number>();
let version = 0;
let bitsGiven = 0;

/** A new index's bit, or 0 once all are given out: such an index looks every token up. */
export function newIndexBit(): number {
  return bitsGiven < MAX_BITS ? 1 << bitsGiven++ : 0;
}

function note(bits: Map<string, number>, key: string, bit: number): void {
  const had = bits.get(key) ?? 0;
  if ((had | bit) === had) return;
  bits.set(key, had | bit);
  version++;
}

/** An index with this bit has an entry whose first word is `key`. */
export function noteFirstKey(key: string, bit: number): void {
  note(firstBits, key, bit);
}

/** An index with this bit has a one-word entry `key`. */
export function noteWholeKey(key: string, bit: number): void {
  note(wholeBits, key, bit);
}

/** An index with this bit has an entry with `key` as a word after the first. */
export function noteInnerKey(key: string, bit: number): void {
  note(innerBits, key, bit);
}

/** Readings of a word, or of a hashtag's first part ("#ميليشيات_الحوثي" → ميليشيات), as a phrase's first word. */
export const firstReading = perWord((tok): Key[] => {
  const norm = tok.norm;
  return computeFirstKeys(norm.charCodeAt(0) === HASH ? norm.slice(1).split('_')[0] : norm);
});

/** Readings of a word inside a phrase (see lang/ar/clitics.ts innerKeys). */
export const innerReading = perWord((tok): Key[] => computeInnerKeys(tok.norm));

function maskOf(keys: Key[], bits: Map<string, number>): number {
  let mask = 0;
  for (const k of keys) mask |= bits.get(k.key) ?? 0;
  return mask;
}

/** The token's word, with the bits of the indexes where one of its readings is a first word, or a whole entry. */
function withFirstBits(tok: Token): Word {
  const w = wordOf(tok);
  if (w.firstVersion !== version) {
    const keys = firstReading(tok);
    w.firstBits = maskOf(keys, firstBits);
    w.wholeBits = w.firstBits === 0 ? 0 : maskOf(keys, wholeBits);
    w.firstVersion = version;
  }
  return w;
}

/** The bits of the indexes where one of the token's readings is a later word of an entry (0 for kinds none holds). */
export function innerBitsOf(tok: Token): number {
  const kind = tok.kind;
  if (kind !== 'word' && kind !== 'latin' && kind !== 'number') return 0;
  const w = wordOf(tok);
  if (w.innerVersion !== version) {
    w.innerBits = maskOf(innerReading(tok), innerBits);
    w.innerVersion = version;
  }
  return w.innerBits;
}

let bitsTokens: Token[] | null = null;
let bitsVersion = -1;
let bits = new Int32Array(0);

/**
 * For each token of a document, the bits of the indexes where an entry may start at it (0 for kinds no index
 * reads); kept for the last document asked about. A hashtag holds its later words itself.
 */
export function startBits(tokens: Token[]): Int32Array {
  if (tokens === bitsTokens && bitsVersion === version) return bits;
  bits = new Int32Array(tokens.length);
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i];
    const kind = tok.kind;
    if (kind !== 'word' && kind !== 'latin' && kind !== 'hashtag') continue;
    const w = withFirstBits(tok);
    if (w.firstBits === 0) continue;
    const next = tokens[i + 1];
    const continued = kind === 'hashtag' ? -1 : w.wholeBits | (next === undefined ? 0 : innerBitsOf(next));
    bits[i] = w.firstBits & continued;
  }
  bitsTokens = tokens;
  bitsVersion = version;
  return bits;
}
