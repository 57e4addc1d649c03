/**
 * The dateline an article opens with ("دبي، الإمارات العربية المتحدة (CNN)--", "بيروت (رويترز) -") names where it
 * was filed, not where anything happened. Returns the token index where the dateline ends (0 if none).
 */
import type { Doc } from '../text/doc.js';

const DASH = /^[-–—]+$/;
const MAX = 10;

export function datelineEnd(doc: Doc): number {
  const toks = doc.tokens;
  const n = Math.min(toks.length, MAX);
  for (let i = 0; i < n; i++) {
    const t = toks[i];
    if (t.kind !== 'punct') continue;
    if (t.norm === '(') {
      // "(CNN)", "(رويترز)", "(أ ف ب)" followed by a dash or directly by the lead
      let j = i + 1;
      while (j < toks.length && j < i + 5 && toks[j].norm !== ')') j++;
      if (toks[j]?.norm !== ')') return 0;
      let end = j + 1;
      while (end < toks.length && toks[end].kind === 'punct' && DASH.test(toks[end].norm)) end++;
      return i <= 6 ? end : 0;
    }
    if (DASH.test(t.norm) && i >= 1 && i <= 5) return i + 1;
    if (t.norm !== '،' && t.norm !== ',') return 0;
  }
  return 0;
}
