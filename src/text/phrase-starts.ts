/**
 * Which phrase indexes have an entry starting with a given key, one bit per index. Most tokens start no entry of
 * an index: with the bits of all their readings at hand, they are turned away by one test instead of a lookup per
 * reading.
 */
import { computeFirstKeys, computeInnerKeys, type Key } from './clitics.js';
import type { Token } from './tokenize.js';
import { perWord } from './words.js';

/** The readings of a phrase-initial word and the bits of the indexes where one of them starts an entry. */
export interface FirstReading {
  keys: Key[];
  /** the bits of the indexes having an entry that starts with one of the keys */
  mask: number;
  /** the mask is valid while this is the current version: an index may gain entries after it was taken */
  version: number;
}

const MAX_BITS = 30;
const HASH = 0x23;
const bitsByKey = new Map<string, number>();
let version = 0;
let bitsGiven = 0;

/** A new index's bit, or 0 once all are given out: such an index looks every token up. */
export function newIndexBit(): number {
  return bitsGiven < MAX_BITS ? 1 << bitsGiven++ : 0;
}

/** An index with this bit has an entry starting with `key`. */
export function noteStartKey(key: string, bit: number): void {
  const had = bitsByKey.get(key) ?? 0;
  if ((had | bit) === had) return;
  bitsByKey.set(key, had | bit);
  version++;
}

/** Readings of a word, or of a hashtag's first part ("#ميليشيات_الحوثي" → ميليشيات), as a phrase's first word. */
export const firstReading = perWord((tok): FirstReading => {
  const norm = tok.norm;
  const form = norm.charCodeAt(0) === HASH ? norm.slice(1).split('_')[0] : norm;
  return { keys: computeFirstKeys(form), mask: 0, version: -1 };
});

/** Readings of a word inside a phrase (see clitics.ts innerKeys). */
export const innerReading = perWord((tok): Key[] => computeInnerKeys(tok.norm));

/** The bits of the indexes where one of the readings starts an entry. */
function startMask(r: FirstReading): number {
  if (r.version !== version) {
    let mask = 0;
    for (const k of r.keys) mask |= bitsByKey.get(k.key) ?? 0;
    r.mask = mask;
    r.version = version;
  }
  return r.mask;
}

let maskedTokens: Token[] | null = null;
let maskedVersion = -1;
let masks = new Int32Array(0);

/**
 * For each token of a document, the bits of the indexes where it may start an entry (0 for a token no index
 * reads). Kept for the last document asked about: its indexes are queried token after token.
 */
export function startMasks(tokens: Token[]): Int32Array {
  if (tokens === maskedTokens && maskedVersion === version) return masks;
  masks = new Int32Array(tokens.length);
  for (let i = 0; i < tokens.length; i++) {
    const kind = tokens[i].kind;
    if (kind === 'word' || kind === 'latin' || kind === 'hashtag') masks[i] = startMask(firstReading(tokens[i]));
  }
  maskedTokens = tokens;
  maskedVersion = version;
  return masks;
}
