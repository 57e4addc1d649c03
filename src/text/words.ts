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
  /** the bits of the word tests the form passes, once `testsTaken` equals the number of tests */
  tests: number;
  testsTaken: number;
  /** phrase-starts.ts: the bits of the phrase indexes having the form as a first / later word, as of `phraseVersion` */
  firstBits: number;
  innerBits: number;
  phraseVersion: number;
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
    w = {
      norm: tok.norm,
      slots: new Array(slotCount),
      tests: 0,
      testsTaken: 0,
      firstBits: 0,
      innerBits: 0,
      phraseVersion: -1,
    };
    if (words.size >= MAX_WORDS) words.clear();
    words.set(tok.norm, w);
  }
  tok.word = w;
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
