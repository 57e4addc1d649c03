/**
 * Proclitics and light inflection, for lexicon lookup.
 *
 * A token such as وبالأنبار (norm "وبالانبار") is read as و + ب + ال + انبار; a lexicon entry الأنبار is keyed
 * "انبار"; both meet on that key. Nisba adjectives fold to their masculine singular (الأمريكية, الأمريكيين →
 * امريكي) at a cost, so a caller can refuse folded matches where inflection would mislead (place names).
 */

import type { Key, WordKey } from '../language.js';

export type { Key, WordKey };

const CONJ = ['', 'و', 'ف'];
const PREP = ['', 'ب', 'ل', 'ك'];
const MIN_CORE = 2;

export function stripArticle(w: string): string {
  return w.length - 2 >= MIN_CORE && w.startsWith('ال') ? w.slice(2) : w;
}

/** Fold nisba and feminine/plural endings of a core to the masculine singular nisba, or return it unchanged. */
export function foldInflection(w: string): string {
  if (w.length >= 5 && (w.endsWith('يين') || w.endsWith('يون') || w.endsWith('يات'))) return w.slice(0, -2);
  if (w.length >= 4 && w.endsWith('يه')) return w.slice(0, -1);
  return w;
}

function push(out: Key[], key: string, cost: number) {
  if (key.length < MIN_CORE) return;
  for (const k of out) if (k.key === key) return;
  out.push({ key, cost });
}

const firstCache = new Map<string, Key[]>();
const innerCache = new Map<string, Key[]>();

/** Keys of a phrase-initial token: every proclitic analysis, with and without the article, folded or not. */
export function firstKeys(norm: string): Key[] {
  let out = firstCache.get(norm);
  if (out) return out;
  out = computeFirstKeys(norm);
  if (firstCache.size > 200000) firstCache.clear();
  firstCache.set(norm, out);
  return out;
}

/** firstKeys without its cache, for callers that keep their own. */
export function computeFirstKeys(norm: string): Key[] {
  const out: Key[] = [];
  push(out, norm, 0);
  for (const c of CONJ) {
    if (!norm.startsWith(c)) continue;
    const r1 = norm.slice(c.length);
    for (const p of PREP) {
      if (!r1.startsWith(p)) continue;
      const r2 = r1.slice(p.length);
      if (r2.length < MIN_CORE) continue;
      push(out, r2, 0);
      if (r2.startsWith('ال')) push(out, stripArticle(r2), 0);
      // ل + ال is written لل: للمقاومة = ل + المقاومة
      if (p === 'ل' && r2.startsWith('ل') && r2.length - 1 >= MIN_CORE) push(out, r2.slice(1), 0);
    }
  }
  for (let k = 0, n = out.length; k < n; k++) {
    const f = foldInflection(out[k].key);
    if (f !== out[k].key) push(out, f, 1);
  }
  return out;
}

/** Keys of a token inside a phrase: the article may differ, inflection may fold; no other clitics. */
export function innerKeys(norm: string): Key[] {
  let out = innerCache.get(norm);
  if (out) return out;
  out = computeInnerKeys(norm);
  if (innerCache.size > 200000) innerCache.clear();
  innerCache.set(norm, out);
  return out;
}

/** innerKeys without its cache, for callers that keep their own. */
export function computeInnerKeys(norm: string): Key[] {
  const out: Key[] = [];
  push(out, norm, 0);
  push(out, stripArticle(norm), 0);
  for (let k = 0, n = out.length; k < n; k++) {
    const f = foldInflection(out[k].key);
    if (f !== out[k].key) push(out, f, 1);
  }
  return out;
}

/** How a lexicon word is indexed: article-stripped (cost 0), and folded (cost 1) when that differs. */
export function entryKeys(word: string, noArticle = false): Key[] {
  const out: Key[] = [];
  const w = noArticle ? word : stripArticle(word);
  push(out, w, 0);
  const f = foldInflection(w);
  if (f !== w) push(out, f, 1);
  if (out.length === 0) out.push({ key: word, cost: 0 });
  return out;
}

/*
 * Lookup keys of a normalised word with its proclitics peeled off (و ف, then ب ل ك), keeping the article: a
 * recognizer matches "وأمس", "بالأمس", "ومنذ", "وعشرين" on أمس, الأمس, منذ, عشرين. `pre` is how many normalised
 * characters the clitics take, so a span can start after them.
 */

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

const wordCache = new Map<string, WordKey[]>();

function pushWordKey(out: WordKey[], key: string, pre: number, conj: boolean): void {
  if (key.length < MIN_CORE) return;
  for (const k of out) if (k.key === key) return;
  out.push({ key, pre, conj });
}

export function wordKeys(norm: string): WordKey[] {
  if (!mayHaveProclitic(norm)) return [{ key: norm, pre: 0, conj: false }];
  let out = wordCache.get(norm);
  if (out) return out;
  out = [{ key: norm, pre: 0, conj: false }];
  for (const c of ['', 'و', 'ف']) {
    if (c && !norm.startsWith(c)) continue;
    const r1 = norm.slice(c.length);
    if (c) pushWordKey(out, r1, c.length, true);
    for (const p of ['ب', 'ل', 'ك']) {
      if (!r1.startsWith(p)) continue;
      const r2 = r1.slice(1);
      pushWordKey(out, r2, c.length + 1, c !== '');
      // ل + ال is written لل: للأسبوع = ل + الأسبوع (the span keeps both lams: its text is still "للأسبوع")
      if (p === 'ل' && r2.startsWith('ل')) pushWordKey(out, `ا${r2}`, c.length, c !== '');
    }
  }
  if (wordCache.size > 200000) wordCache.clear();
  wordCache.set(norm, out);
  return out;
}
