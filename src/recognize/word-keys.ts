/**
 * Lookup keys of a normalised word with its proclitics peeled off (و ف, then ب ل ك), keeping the article: a
 * recognizer matches "وأمس", "بالأمس", "ومنذ", "وعشرين" on أمس, الأمس, منذ, عشرين. `pre` is how many normalised
 * characters the clitics take, so a span can start after them.
 */
import type { Token } from '../text/tokenize.js';
import { perWord } from '../text/words.js';

export interface WordKey {
  key: string;
  /** normalised characters of proclitics before the key */
  pre: number;
  /** the proclitics include the conjunction و or ف */
  conj: boolean;
}

const MIN_CORE = 2;
const WAW = 0x0648;
const FEH = 0x0641;
const BEH = 0x0628;
const LAM = 0x0644;
const KAF = 0x0643;

/** Can a word starting with this code unit carry a proclitic? */
export function mayHaveProclitic(norm: string): boolean {
  const c = norm.charCodeAt(0);
  return c === WAW || c === FEH || c === BEH || c === LAM || c === KAF;
}

const cache = new Map<string, WordKey[]>();

function push(out: WordKey[], key: string, pre: number, conj: boolean): void {
  if (key.length < MIN_CORE) return;
  for (const k of out) if (k.key === key) return;
  out.push({ key, pre, conj });
}

export function wordKeys(norm: string): WordKey[] {
  if (!mayHaveProclitic(norm)) return [{ key: norm, pre: 0, conj: false }];
  let out = cache.get(norm);
  if (out) return out;
  out = [{ key: norm, pre: 0, conj: false }];
  for (const c of ['', 'و', 'ف']) {
    if (c && !norm.startsWith(c)) continue;
    const r1 = norm.slice(c.length);
    if (c) push(out, r1, c.length, true);
    for (const p of ['ب', 'ل', 'ك']) {
      if (!r1.startsWith(p)) continue;
      const r2 = r1.slice(1);
      push(out, r2, c.length + 1, c !== '');
      // ل + ال is written لل: للأسبوع = ل + الأسبوع (the span keeps both lams: its text is still "للأسبوع")
      if (p === 'ل' && r2.startsWith('ل')) push(out, `ا${r2}`, c.length, c !== '');
    }
  }
  if (cache.size > 200000) cache.clear();
  cache.set(norm, out);
  return out;
}

/** Keys of a token (memoised per form): its proclitic readings if it is an Arabic word, else its form. */
export const tokenKeys: (tok: Token) => WordKey[] = perWord((tok) =>
  tok.kind === 'word' ? wordKeys(tok.norm) : [{ key: tok.norm, pre: 0, conj: false }],
);
