/**
 * One tag per name within a document: a pass over the tagger's output for all the sentences of one document.
 *
 * A news article names an entity several times, and the tagger, which sees one sentence at a time, may tag it in
 * one sentence and miss it or give it another type in the next. The pass
 *   1. counts, for every word sequence tagged as an entity anywhere in the document, the types it was given;
 *   2. gives every tagged occurrence its sequence's most frequent type (ties: the type it was first given);
 *   3. tags the untagged occurrences of those sequences (longest first, up to MAX_LEN words, never cutting
 *      into an entity) with that type.
 * Words are compared as given (the tagger's normalised forms), so a name with a proclitic attached (وبغداد) is
 * another sequence, as ANERcorp counts it.
 */
import { chunks, type EntityType } from './bio.js';

/** Longest name, in words, that step 3 looks for. */
const MAX_LEN = 6;

/** The document's tags made consistent (new arrays; the input is not changed). */
export function oneTagPerName(words: readonly (readonly string[])[], tags: readonly (readonly string[])[]): string[][] {
  const votes = new Map<string, Map<EntityType, number>>();
  for (let s = 0; s < words.length; s++) {
    for (const c of chunks(tags[s])) {
      const key = words[s].slice(c.first, c.last).join(' ');
      let m = votes.get(key);
      if (!m) {
        m = new Map();
        votes.set(key, m);
      }
      m.set(c.type, (m.get(c.type) ?? 0) + 1);
    }
  }
  const best = new Map<string, EntityType>();
  for (const [key, m] of votes) {
    let type: EntityType | null = null;
    let n = 0;
    // Map keeps first-seen order, so a tie goes to the type the name was first given
    for (const [t, k] of m) {
      if (k > n) {
        type = t;
        n = k;
      }
    }
    if (type) best.set(key, type);
  }
  const out = tags.map((t) => [...t]);
  const label = (t: string[], first: number, last: number, type: EntityType) => {
    for (let i = first; i < last; i++) t[i] = `${i === first ? 'B' : 'I'}-${type}`;
  };
  for (let s = 0; s < words.length; s++) {
    const w = words[s];
    const t = out[s];
    for (const c of chunks(tags[s])) {
      const type = best.get(w.slice(c.first, c.last).join(' '))!;
      if (type !== c.type) label(t, c.first, c.last, type);
    }
    for (let i = 0; i < w.length; i++) {
      if (t[i] !== 'O') continue;
      for (let len = Math.min(MAX_LEN, w.length - i); len >= 1; len--) {
        let free = true;
        for (let j = i; j < i + len && free; j++) free = t[j] === 'O';
        // an I- tag right after would be cut from its B-
        if (!free || (i + len < w.length && t[i + len].startsWith('I-'))) continue;
        const type = best.get(w.slice(i, i + len).join(' '));
        if (!type) continue;
        label(t, i, i + len, type);
        i += len - 1;
        break;
      }
    }
  }
  return out;
}
