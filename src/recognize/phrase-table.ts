/**
 * Small multi-word lexicons keyed on their first word: a phrase matches when its first word is a key of the
 * token (proclitics allowed, see word-keys.ts) and each further word equals the next token's normalised form.
 */
import type { Token } from '../text/tokenize.js';
import { perWord } from '../text/words.js';
import { tokenKeys } from './word-keys.js';

interface Entry<T> {
  rest: string[];
  value: T;
}

/** Phrases whose first word is one reading of a token, `pre` the proclitic characters of that reading. */
interface Start<T> {
  pre: number;
  entries: Entry<T>[];
}

export interface PhraseHit<T> {
  value: T;
  /** one past the last token */
  last: number;
  /** normalised proclitic characters before the phrase on its first token */
  pre: number;
}

// biome-ignore lint/suspicious/noExplicitAny: a shared empty list, never mutated
const NO_STARTS: Start<any>[] = [];

export class PhraseTable<T> {
  private readonly byFirst = new Map<string, Entry<T>[]>();
  private lookedUp = false;
  /** per form, the readings that start phrases here, in tokenKeys order (most forms: none) */
  private readonly startsOf = perWord((tok): Start<T>[] => {
    this.lookedUp = true;
    const out: Start<T>[] = [];
    for (const k of tokenKeys(tok)) {
      const entries = this.byFirst.get(k.key);
      if (entries) out.push({ pre: k.pre, entries });
    }
    return out.length > 0 ? out : NO_STARTS;
  });

  constructor(entries: Iterable<[string, T]> = []) {
    for (const [phrase, value] of entries) this.add(phrase, value);
  }

  add(phrase: string, value: T): void {
    if (this.lookedUp) throw new Error('PhraseTable: phrases are added before the first lookup');
    const words = phrase.split(' ').filter((w) => w.length > 0);
    if (words.length === 0) return;
    let list = this.byFirst.get(words[0]);
    if (!list) {
      list = [];
      this.byFirst.set(words[0], list);
    }
    list.push({ rest: words.slice(1), value });
    list.sort((a, b) => b.rest.length - a.rest.length);
  }

  /** Every first word (for a quick "could a phrase start here" test). */
  firstWords(): IterableIterator<string> {
    return this.byFirst.keys();
  }

  /** Does a phrase start with one of the token's proclitic readings? */
  mayStart(tok: Token): boolean {
    return this.startsOf(tok).length > 0;
  }

  /** Longest phrase starting at token i; `clitics` lets the first word carry proclitics. */
  at(tokens: Token[], i: number, clitics = true): PhraseHit<T> | null {
    const tok = tokens[i];
    if (!tok) return null;
    if (!clitics) {
      const entries = this.byFirst.get(tok.norm);
      return entries ? this.longest(tokens, i, entries, 0) : null;
    }
    for (const s of this.startsOf(tok)) {
      const hit = this.longest(tokens, i, s.entries, s.pre);
      if (hit) return hit;
    }
    return null;
  }

  /** The first (longest) of the entries whose further words follow token i in its sentence. */
  private longest(tokens: Token[], i: number, entries: Entry<T>[], pre: number): PhraseHit<T> | null {
    const sent = tokens[i].sent;
    for (const e of entries) {
      let ok = true;
      for (let r = 0; r < e.rest.length; r++) {
        const t = tokens[i + 1 + r];
        if (!t || t.norm !== e.rest[r] || t.sent !== sent) {
          ok = false;
          break;
        }
      }
      if (ok) return { value: e.value, last: i + 1 + e.rest.length, pre };
    }
    return null;
  }
}
