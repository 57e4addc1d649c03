/** CoNLL-style files: one token per line (further columns after it), a blank line between sentences. */

export interface ConllSentence {
  words: string[];
  /** the last column of each line (ANERcorp's tag), when read with `tagged` */
  tags: string[];
}

/**
 * Sentences of a CoNLL text. Plain: the token is the first space- or tab-separated column. `tagged`: the tag is
 * the last column and the token everything before it (ANERcorp has a few empty tokens, written " O").
 */
export function parseConll(text: string, tagged = false): ConllSentence[] {
  const out: ConllSentence[] = [];
  let cur: ConllSentence = { words: [], tags: [] };
  for (const raw of text.split('\n')) {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (line.trim() === '') {
      if (cur.words.length) out.push(cur);
      cur = { words: [], tags: [] };
      continue;
    }
    if (tagged) {
      const m = /^(.*?)[ \t]+(\S+)[ \t]*$/.exec(line);
      cur.words.push(m ? m[1] : '');
      cur.tags.push(m ? m[2] : line.trim());
    } else {
      cur.words.push(line.split(/[ \t]/, 1)[0]);
    }
  }
  if (cur.words.length) out.push(cur);
  return out;
}

/** The held-out part of the NER training file: sentences from this index on (the last tenth). */
export function heldOutStart(sentences: number): number {
  return Math.floor((sentences * 9) / 10);
}
