/** Sentence splitting for Arabic news over tokens: line breaks, final punctuation outside quotes. */
import type { Token } from './tokenize.js';

export interface Sentence {
  /** index */
  i: number;
  /** first token index and one past the last */
  first: number;
  last: number;
  /** original offsets */
  start: number;
  end: number;
}

const SOFT_MAX_TOKENS = 150;
const MAX_TOKENS = 250;
const FINAL = new Set(['.', '!', '?', '؟', '…', '。']);
const OPEN: Record<string, string> = { '«': '»', '“': '”', '(': ')', '[': ']' };

export function splitSentences(tokens: Token[], norm: string): Sentence[] {
  const out: Sentence[] = [];
  let first = 0;
  const closers: string[] = [];
  let asciiQuoteOpen = false;
  const close = (endExclusive: number) => {
    if (endExclusive <= first) return;
    const s = out.length;
    for (let t = first; t < endExclusive; t++) tokens[t].sent = s;
    out.push({ i: s, first, last: endExclusive, start: tokens[first].start, end: tokens[endExclusive - 1].end });
    first = endExclusive;
    closers.length = 0;
    asciiQuoteOpen = false;
  };
  for (let t = 0; t < tokens.length; t++) {
    const tok = tokens[t];
    // a run-on "sentence" (a table, a list, a pasted blob) is cut so per-sentence work stays bounded
    if (
      t - first >= MAX_TOKENS ||
      (t - first >= SOFT_MAX_TOKENS && tok.kind === 'punct' && /^[,،؛;]$/.test(tok.norm))
    ) {
      close(t);
    }
    // a line break before this token ends the sentence (headlines, datelines, paragraphs)
    if (t > first && hasLineBreak(norm, tokens[t - 1].nEnd, tok.nStart)) close(t);
    if (tok.kind !== 'punct') continue;
    const p = tok.norm;
    if (OPEN[p]) closers.push(OPEN[p]);
    else if (closers.length && closers[closers.length - 1] === p) closers.pop();
    else if (p === '"') asciiQuoteOpen = !asciiQuoteOpen;
    else if (FINAL.has(p) && closers.length === 0 && !asciiQuoteOpen) {
      // absorb a run of final punctuation and closing quotes
      let e = t + 1;
      while (e < tokens.length && tokens[e].kind === 'punct' && /^[.!?؟…"»”)]$/.test(tokens[e].norm)) e++;
      close(e);
      t = e - 1;
    } else if (FINAL.has(p) && (closers.length > 0 || asciiQuoteOpen)) {
      // a full stop inside a quotation ends the sentence only if the quotation closes right after it
      const nx = tokens[t + 1];
      if (nx && (nx.norm === '"' || nx.norm === closers[closers.length - 1])) {
        if (nx.norm === '"') asciiQuoteOpen = false;
        else closers.pop();
        close(t + 2);
        t = t + 1;
      }
    }
  }
  close(tokens.length);
  return out;
}

function hasLineBreak(norm: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (norm.charCodeAt(k) === 10) return true;
  return false;
}
