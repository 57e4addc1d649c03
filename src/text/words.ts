/**
 * One record per distinct normalised form, shared by every token with that form. What a recognizer derives from
 * the form alone (its clitic readings, whether it can start a date) is computed once per form instead of once per
 * token. The tokenizer interns each token's form here straight from the normalised text, so tokens of one form
 * share one string (hashed once, compared by reference) and no token slices the text for a form already seen.
 */
import type { Token } from './tokenize.js';

export interface Word {
  readonly norm: string;
  /** values of the perWord derivations, by slot; undefined where not derived yet */
  readonly slots: unknown[];
  /** the bits of the word tests the form passes, once `testsTaken` equals the number of tests */
  tests: number;
  testsTaken: number;
  /** phrase-starts.ts: the bits of the phrase indexes having the form as a first word / a whole entry / a later
   * word, as of a version */
  firstBits: number;
  wholeBits: number;
  firstVersion: number;
  innerBits: number;
  innerVersion: number;
}

/** Past this many forms the table starts over (tokens keep their records; a form seen again gets a new one). */
const MAX_WORDS = 200000;
const FIRST_CAPACITY = 1 << 16;
let slotCount = 0;

// open addressing, linear probing; `hashes` keeps each entry's hash for probing and growing
let capacity = 0;
let hashes = new Int32Array(0);
let entries: (Word | undefined)[] = [];
let count = 0;
emptyTable(FIRST_CAPACITY);

function hashOf(s: string, start: number, end: number): number {
  let h = 0x811c9dc5 | 0;
  for (let k = start; k < end; k++) h = Math.imul(h ^ s.charCodeAt(k), 0x01000193);
  return h;
}

function sameText(form: string, s: string, start: number, end: number): boolean {
  if (form.length !== end - start) return false;
  for (let k = 0; k < form.length; k++) if (form.charCodeAt(k) !== s.charCodeAt(start + k)) return false;
  return true;
}

function place(w: Word, h: number): void {
  let at = h & (capacity - 1);
  while (entries[at] !== undefined) at = (at + 1) & (capacity - 1);
  entries[at] = w;
  hashes[at] = h;
}

function emptyTable(size: number): void {
  capacity = size;
  hashes = new Int32Array(size);
  entries = new Array(size);
}

function grow(): void {
  const old = entries;
  const oldHashes = hashes;
  emptyTable(capacity * 2);
  for (let k = 0; k < old.length; k++) {
    const w = old[k];
    if (w !== undefined) place(w, oldHashes[k]);
  }
}

/** The record of the form `s.slice(start, end)`, made on first sight. */
export function internWord(s: string, start: number, end: number): Word {
  const h = hashOf(s, start, end);
  let at = h & (capacity - 1);
  for (let w = entries[at]; w !== undefined; w = entries[at]) {
    if (hashes[at] === h && sameText(w.norm, s, start, end)) return w;
    at = (at + 1) & (capacity - 1);
  }
  if (count >= MAX_WORDS) {
    count = 0;
    emptyTable(FIRST_CAPACITY);
    return internWord(s, start, end);
  }
  const w: Word = {
    norm: start === 0 && end === s.length ? s : s.slice(start, end),
    slots: new Array(slotCount),
    tests: 0,
    testsTaken: 0,
    firstBits: 0,
    wholeBits: 0,
    firstVersion: -1,
    innerBits: 0,
    innerVersion: -1,
  };
  entries[at] = w;
  hashes[at] = h;
  if (++count * 2 > capacity) grow();
  return w;
}

/** The shared record of a token's form. */
export function wordOf(tok: Token): Word {
  let w = tok.word;
  if (w === undefined) {
    w = internWord(tok.norm, 0, tok.norm.length);
    tok.word = w;
  }
  return w;
}

/**
 * A derivation memoised per form. `derive` sees the first token met with the form, must depend on its text only
 * (its token kind follows from it) and never return undefined.
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

const tests: ((tok: Token) => boolean)[] = [];

/**
 * A yes/no question about a form (same rules as perWord's derivations), answered once per form. Returns its bit in
 * wordTestBits. Meant for the cheap "can anything start here" question a recognizer asks of every token.
 */
export function wordTest(test: (tok: Token) => boolean): number {
  if (tests.length >= 31) throw new Error('wordTest: at most 31 tests');
  tests.push(test);
  return 1 << (tests.length - 1);
}

function testBitsOf(tok: Token): number {
  const w = wordOf(tok);
  if (w.testsTaken !== tests.length) {
    let bits = 0;
    for (let t = 0; t < tests.length; t++) if (tests[t](tok)) bits |= 1 << t;
    w.tests = bits;
    w.testsTaken = tests.length;
  }
  return w.tests;
}

let testedTokens: Token[] | null = null;
let testedCount = 0;
let testBits = new Int32Array(0);

/** For each token of a document, the bits of the word tests it passes (kept for the last document asked about). */
export function wordTestBits(tokens: Token[]): Int32Array {
  if (tokens === testedTokens && testedCount === tests.length) return testBits;
  testBits = new Int32Array(tokens.length);
  for (let i = 0; i < tokens.length; i++) testBits[i] = testBitsOf(tokens[i]);
  testedTokens = tokens;
  testedCount = tests.length;
  return testBits;
}
