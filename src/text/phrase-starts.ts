/**
 * Which phrase indexes have an entry starting with a given key, one bit per index. Most tokens start no entry of
 * an index: with the bits of all their readings at hand, they are turned away by one test instead of a lookup per
 * reading.
 */
import { computeFirstKeys, computeInnerKeys, type Key } from './clitics.js';
import { perWord } from './words.js';

/** The readings of a phrase-initial word and the bits of the indexes where one of them starts an entry. */
export interface FirstReading {
  keys: Key[];
  /** per key, the bits of the indexes having an entry that starts with it */
  keyMasks: number[];
  /** the union of keyMasks */
  mask: number;
  /** the masks are valid while this is the current version: an index may gain entries after they were taken */
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
  return { keys: computeFirstKeys(form), keyMasks: [], mask: 0, version: -1 };
});

/** Readings of a word inside a phrase (see clitics.ts innerKeys). */
export const innerReading = perWord((tok): Key[] => computeInnerKeys(tok.norm));

/** Bring a reading's masks up to date with the indexes; returns the reading. */
export function withMasks(r: FirstReading): FirstReading {
  if (r.version !== version) {
    let mask = 0;
    for (let k = 0; k < r.keys.length; k++) {
      r.keyMasks[k] = bitsByKey.get(r.keys[k].key) ?? 0;
      mask |= r.keyMasks[k];
    }
    r.mask = mask;
    r.version = version;
  }
  return r;
}
