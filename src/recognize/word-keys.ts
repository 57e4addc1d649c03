/**
 * Lookup keys of a token: its proclitic readings (src/lang/ar/clitics.ts wordKeys) if it is an Arabic word, else
 * its form.
 */
import { type WordKey, wordKeys } from '../lang/ar/clitics.js';
import type { Token } from '../text/tokenize.js';
import { perWord } from '../text/words.js';

export type { WordKey };

/** Keys of a token (memoised per form): its proclitic readings if it is an Arabic word, else its form. */
export const tokenKeys: (tok: Token) => WordKey[] = perWord((tok) =>
  tok.kind === 'word' ? wordKeys(tok.norm) : [{ key: tok.norm, pre: 0, conj: false }],
);
