/**
 * Small multi-word lexicons keyed on their first word: a phrase matches when its first word is a key of the
 * token (proclitics allowed, see word-keys.ts) and each further word equals the next token's normalised form.
 */
import type { Token } from '../text/tokenize.js';
import { tokenKeys } from './word-keys.js';

interface Entry<T> {
  rest: string[];
  value: T;
}

export interface PhraseHit<T> {
  value: T;
  /** one past the last token */
  last: number;
  /** normalised proclitic characters before the phrase on its first token */
  pre: number;
}

export class PhraseTable<T> {
  private readonly byFirst = new Map<string, Entry<T>[]>();

  constructor(entries: Iterable<[string, T]> = []) {
    for (const [phrase, value] of entries) this.add(phrase, value);
  }

  add(phrase: string, value: T): void {
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

  /** Longest phrase starting at token i; `clitics` lets the first word carry proclitics. */
  at(tokens: Token[], i: number, clitics = true): PhraseHit<T> | null {
    const tok = tokens[i];
    if (!tok) return null;
    for (const k of clitics ? tokenKeys(tok) : [{ key: tok.norm, pre: 0 }]) {
      const list = this.byFirst.get(k.key);
      if (!list) continue;
      for (const e of list) {
        let ok = true;
        for (let r = 0; r < e.rest.length; r++) {
          const t = tokens[i + 1 + r];
          if (!t || t.norm !== e.rest[r] || t.sent !== tok.sent) {
            ok = false;
            break;
          }
        }
        if (ok) return { value: e.value, last: i + 1 + e.rest.length, pre: k.pre };
      }
    }
    return null;
  }
}
