/**
 * One record per distinct normalised form, shared by every token with that form. What a recognizer derives from
 * the form alone (its clitic readings, whether it can start a date) is computed once per form instead of once per
 * token, and a token reaches all of it with one lookup.
 */
import type { Token } from './tokenize.js';

export interface Word {
  readonly norm: string;
  /** values of the perWord derivations, by slot; undefined where not derived yet */
  readonly slots: unknown[];
}

const MAX_WORDS = 200000;
const words = new Map<string, Word>();
let slotCount = 0;

/** The shared record of a token's form. */
export function wordOf(tok: Token): Word {
  let w = tok.word;
  if (w !== undefined) return w;
  w = words.get(tok.norm);
  if (w === undefined) {
    w = { norm: tok.norm, slots: new Array(slotCount) };
    if (words.size >= MAX_WORDS) words.clear();
    words.set(tok.norm, w);
  }
  tok.word = w;
  return w;
}

/**
 * A derivation memoised per form. `derive` sees the first token met with the form, must depend on its text only
 * and never return undefined.
 */
export function perWord<T>(derive: (tok: Token) => T): (tok: Token) => T {
  const slot = slotCount++;
  return (tok) => {
    const slots = wordOf(tok).slots;
    let v = slots[slot] as T | undefined;
    if (v === undefined) {
      v = derive(tok);
      slots[slot] = v;
    }
    return v;
  };
}
