/**
 * Which phrase indexes have an entry with a given key as its first word, or as a later word: one bit per index.
 * Most tokens start no entry of an index, and most words after a matched first word continue none: with the bits
 * of all their readings at hand, they are turned away by one test instead of a lookup per reading.
 */
import { computeFirstKeys, computeInnerKeys, type Key } from './clitics.js';
import type { Token } from './tokenize.js';
import { perWord, type Word, wordOf } from './words.js';

const MAX_BITS = 30;
const HASH = 0x23;
const firstBits = new Map<string, number>();
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

/** An index with this bit has an entry with `key` as a word after the first. */
export function noteInnerKey(key: string, bit: number): void {
  note(innerBits, key, bit);
}

/** Readings of a word, or of a hashtag's first part ("#ميليشيات_الحوثي" → ميليشيات), as a phrase's first word. */
export const firstReading = perWord((tok): Key[] => {
  const norm = tok.norm;
  return computeFirstKeys(norm.charCodeAt(0) === HASH ? norm.slice(1).split('_')[0] : norm);
});

/** Readings of a word inside a phrase (see clitics.ts innerKeys). */
export const innerReading = perWord((tok): Key[] => computeInnerKeys(tok.norm));

function maskOf(keys: Key[], bits: Map<string, number>): number {
  let mask = 0;
  for (const k of keys) mask |= bits.get(k.key) ?? 0;
  return mask;
}

/** Bring the bits kept on a token's word up to date with the indexes. */
function wordBits(tok: Token): Word {
  const w = wordOf(tok);
  if (w.phraseVersion !== version) {
    const kind = tok.kind;
    w.firstBits = kind === 'word' || kind === 'latin' || kind === 'hashtag' ? maskOf(firstReading(tok), firstBits) : 0;
    w.innerBits = kind === 'word' || kind === 'latin' || kind === 'number' ? maskOf(innerReading(tok), innerBits) : 0;
    w.phraseVersion = version;
  }
  return w;
}

/** Per token of a document, the bits of the indexes where it may be an entry's first word, or a later one. */
export interface TokenBits {
  first: Int32Array;
  inner: Int32Array;
}

let bitsTokens: Token[] | null = null;
let bitsVersion = -1;
let bits: TokenBits = { first: new Int32Array(0), inner: new Int32Array(0) };

/** The bits of a document's tokens (0 where no index reads the token), kept for the last document asked about. */
export function tokenBits(tokens: Token[]): TokenBits {
  if (tokens === bitsTokens && bitsVersion === version) return bits;
  const first = new Int32Array(tokens.length);
  const inner = new Int32Array(tokens.length);
  for (let i = 0; i < tokens.length; i++) {
    const kind = tokens[i].kind;
    if (kind !== 'word' && kind !== 'latin' && kind !== 'hashtag' && kind !== 'number') continue;
    const w = wordBits(tokens[i]);
    first[i] = w.firstBits;
    inner[i] = w.innerBits;
  }
  bits = { first, inner };
  bitsTokens = tokens;
  bitsVersion = version;
  return bits;
}
