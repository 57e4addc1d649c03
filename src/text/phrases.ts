/**
 * A phrase index over normalised words: lexicon entries (multi-word, with clitics and inflection variants) found in
 * a document's tokens. Longest match wins; ties go to the cheaper (less folded) reading.
 */
import { entryKeys, innerKeys, type Key } from '../lang/ar/clitics.js';
import { normalizeString } from '../lang/ar/normalize.js';
import {
  firstReading,
  innerBitsOf,
  innerReading,
  newIndexBit,
  noteFirstKey,
  noteInnerKey,
  noteWholeKey,
  startBits,
} from './phrase-starts.js';
import type { Token } from './tokenize.js';
import { perWord } from './words.js';

interface Node<T> {
  next: Map<string, Node<T>>;
  values: { value: T; cost: number }[];
}

export interface PhraseMatch<T> {
  value: T;
  /** token range [first, last) */
  first: number;
  last: number;
  cost: number;
  /** the reading of the first token that matched (its clitics removed) */
  key: string;
}

export interface FindOptions {
  /** highest total inflection cost accepted (default: any) */
  maxCost?: number;
  /** only tokens before this index (default: all) */
  end?: number;
}

interface Start<T> {
  key: Key;
  node: Node<T>;
}

/** What walk needs besides its node: the lookup at token `first` with reading `key`, and its matches so far. */
interface Lookup<T> {
  tokens: Token[];
  first: number;
  key: string;
  end: number;
  maxCost: number;
  /** the matches so far: the first `found` of `out` (a buffer kept from lookup to lookup) */
  out: PhraseMatch<T>[];
  found: number;
}

const NO_TOKENS: Token[] = [];
const NO_OPTIONS: FindOptions = Object.freeze({});
// biome-ignore lint/suspicious/noExplicitAny: a shared empty list, never mutated
const NO_STARTS: Start<any>[] = Object.freeze([]) as unknown as Start<any>[];

const newNode = <T>(): Node<T> => ({ next: new Map(), values: [] });
// biome-ignore lint/suspicious/noExplicitAny: a shared empty result, never mutated
const NONE: PhraseMatch<any>[] = Object.freeze([]) as unknown as PhraseMatch<any>[];

/** Split a lexicon phrase into normalised words the way the tokenizer would. */
export function phraseWords(phrase: string): string[] {
  return splitWords(normalizeString(phrase));
}

/** Words of an already normalised phrase. */
export function splitWords(norm: string): string[] {
  return norm.split(/[\s\-_"«»“”'’()]+/u).filter((w) => w.length > 0);
}

/** For each word of a raw phrase: does it start with hamza + lam (a name, not the article)? */
export function hamzaLamWords(phrase: string, n: number): boolean[] {
  const raw = splitWords(phrase.trim());
  return raw.length === n ? raw.map((w) => /^[أإآ]ل/.test(w)) : new Array(n).fill(false);
}

/**
 * Longest first, then cheapest; equal matches keep their order (a stable insertion sort: the lists are short, and
 * Array.prototype.sort would allocate).
 */
function sortLongestFirst<T>(ms: PhraseMatch<T>[]): void {
  for (let a = 1; a < ms.length; a++) {
    const m = ms[a];
    let b = a - 1;
    while (b >= 0 && (ms[b].last < m.last || (ms[b].last === m.last && ms[b].cost > m.cost))) {
      ms[b + 1] = ms[b];
      b--;
    }
    ms[b + 1] = m;
  }
}

export class PhraseIndex<T> {
  private root: Node<T> = newNode();
  private readonly bit = newIndexBit();
  /** per form, the readings that start entries here and their nodes (perWord); dropped when a first word is added */
  private startsMemo: ((tok: Token) => Start<T>[]) | null = null;
  /** the lookup under way (at is not re-entered while it runs) */
  private readonly lookup: Lookup<T> = {
    tokens: NO_TOKENS,
    first: 0,
    key: '',
    end: 0,
    maxCost: 0,
    out: [],
    found: 0,
  };
  size = 0;

  add(phrase: string, value: T): void {
    const words = phraseWords(phrase);
    if (words.length === 0) return;
    // "ألين" (Allen), "إلكوي": a name that starts with hamza + lam has no article to strip
    this.addWords(words, hamzaLamWords(phrase, words.length), value);
  }

  /** Index already normalised words; `hamzaLam[i]` keeps a leading "ال" of word i that is not the article. */
  addWords(words: string[], hamzaLam: boolean[], value: T): void {
    // index every combination of primary and folded keys (entries are short; at most a few variants)
    let frontier: { node: Node<T>; cost: number }[] = [{ node: this.root, cost: 0 }];
    for (let wi = 0; wi < words.length; wi++) {
      const w = words[wi];
      const nextFrontier: { node: Node<T>; cost: number }[] = [];
      for (const f of frontier) {
        for (const k of entryKeys(w, hamzaLam[wi])) {
          let child = f.node.next.get(k.key);
          if (!child) {
            child = newNode();
            f.node.next.set(k.key, child);
            if (wi > 0) noteInnerKey(k.key, this.bit);
            else {
              noteFirstKey(k.key, this.bit);
              this.startsMemo = null;
            }
          }
          if (words.length === 1) noteWholeKey(k.key, this.bit);
          nextFrontier.push({ node: child, cost: f.cost + k.cost });
        }
      }
      frontier = nextFrontier.length > 16 ? nextFrontier.slice(0, 16) : nextFrontier;
    }
    for (const f of frontier) {
      if (!f.node.values.some((v) => v.value === value)) f.node.values.push({ value, cost: f.cost });
    }
    this.size++;
  }

  /** The first-word readings of a token that start entries here, with their nodes, in reading order. */
  private startsOf(tok: Token): Start<T>[] {
    if (this.startsMemo === null) {
      this.startsMemo = perWord((t): Start<T>[] => {
        let list: Start<T>[] | null = null;
        for (const key of firstReading(t)) {
          const node = this.root.next.get(key.key);
          if (!node) continue;
          list ??= [];
          list.push({ key, node });
        }
        return list ?? NO_STARTS;
      });
    }
    return this.startsMemo(tok);
  }

  /** Every entry starting at token `i`, longest first. */
  at(tokens: Token[], i: number, opts: FindOptions = NO_OPTIONS): PhraseMatch<T>[] {
    // first the bits (no entry starts at most tokens, and a token of another kind has none), then the token
    if (this.bit !== 0 && (startBits(tokens)[i] & this.bit) === 0) return NONE;
    const tok = tokens[i];
    if (!tok || (tok.kind !== 'word' && tok.kind !== 'latin' && tok.kind !== 'hashtag')) return NONE;
    const q = this.lookup;
    q.found = 0;
    q.tokens = tokens;
    q.first = i;
    q.maxCost = opts.maxCost ?? Number.POSITIVE_INFINITY;
    q.end = opts.end ?? tokens.length;
    for (const { key: k, node } of this.startsOf(tok)) {
      q.key = k.key;
      if (tok.kind === 'hashtag') this.walkHashtag(tok.norm.slice(1).split('_'), node, 1, k.cost);
      else this.walk(node, i + 1, k.cost);
    }
    q.tokens = NO_TOKENS;
    if (q.found === 0) return NONE;
    const sorted = q.out.slice(0, q.found);
    if (sorted.length > 1) sortLongestFirst(sorted);
    return sorted;
  }

  /** A match of the lookup under way, from its first token to token `last` (exclusive). */
  private keep(value: T, last: number, cost: number): void {
    const q = this.lookup;
    q.out[q.found++] = { value, first: q.first, last, cost, key: q.key };
  }

  /** "#ميليشيات_الحوثي": the words of a hashtag are a phrase inside one token; a match covers the whole token. */
  private walkHashtag(parts: string[], node: Node<T>, j: number, cost: number): void {
    const q = this.lookup;
    for (const v of node.values) {
      const c = cost + v.cost;
      if (c <= q.maxCost) this.keep(v.value, q.first + 1, c);
    }
    if (j >= parts.length || node.next.size === 0) return;
    for (const k of innerKeys(parts[j])) {
      const child = node.next.get(k.key);
      if (child) this.walkHashtag(parts, child, j + 1, cost + k.cost);
    }
  }

  /** Matches of the lookup under way ending at `node` (token j is the next one), then of its continuations. */
  private walk(node: Node<T>, j: number, cost: number): void {
    const q = this.lookup;
    for (const v of node.values) {
      const c = cost + v.cost;
      if (c <= q.maxCost) this.keep(v.value, j, c);
    }
    if (j >= q.end || node.next.size === 0) return;
    const tok = q.tokens[j];
    if (tok.kind !== 'word' && tok.kind !== 'latin' && tok.kind !== 'number') return;
    // no reading of token j is a later word of any entry here
    if (this.bit !== 0 && (innerBitsOf(tok) & this.bit) === 0) return;
    if (tok.sent !== q.tokens[j - 1].sent) return;
    for (const k of innerReading(tok)) {
      const child = node.next.get(k.key);
      if (child) this.walk(child, j + 1, cost + k.cost);
    }
  }

  /** Non-overlapping matches over a token range, scanning left to right, longest first. */
  scan(tokens: Token[], from = 0, to = tokens.length, opts: FindOptions = {}): PhraseMatch<T>[] {
    const out: PhraseMatch<T>[] = [];
    let o: FindOptions | null = null;
    const starts = this.bit === 0 ? null : startBits(tokens);
    for (let i = from; i < to; ) {
      if (starts !== null && (starts[i] & this.bit) === 0) {
        i++;
        continue;
      }
      o ??= { maxCost: opts.maxCost, end: to };
      const m = this.at(tokens, i, o);
      if (m.length > 0) {
        out.push(m[0]);
        i = m[0].last;
      } else i++;
    }
    return out;
  }
}
