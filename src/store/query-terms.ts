/**
 * The terms of a text search (`q`), folded as the stored search columns are: each word on its own, and what is
 * quoted ("…", «…», “…”) as one exact phrase — "عين الأسد" quoted is the base, where the two words alone also find
 * every text about al-Assad with an عين in it.
 */
import { normalizeString } from '../lang/ar/normalize.js';

const fold = (s: string): string => normalizeString(s).toLowerCase();

/** A quoted phrase: straight, typographic or Arabic (guillemet) quotes; an unclosed quote runs to the end. */
const QUOTED = /"([^"]*)"?|«([^»]*)»?|“([^”"]*)[”"]?/g;

export function queryTerms(q: string): string[] {
  const terms: string[] = [];
  const rest = q.replace(QUOTED, (_, a?: string, b?: string, c?: string) => {
    const phrase = fold(a ?? b ?? c ?? '')
      .split(/\s+/)
      .filter(Boolean)
      .join(' ');
    if (phrase) terms.push(phrase);
    return ' ';
  });
  for (const w of fold(rest).split(/\s+/)) if (w) terms.push(w);
  return terms;
}
