/**
 * Embedded social-media posts (a tweet pasted into an article) repeat what the article says, in broken text:
 * their sentences are not read for events. An embed runs from its signature line
 * ("— Name (@handle) December 14, 2023") to the line with its media link (pic.twitter.com/…), in either order.
 */
import type { Doc } from '../text/doc.js';

const SIGNATURE = /\(@[a-z0-9_]+\)\s+[a-z]+ \d{1,2}, \d{4}/;
const MEDIA = /pic\.twitter\.com\/|t\.co\/|instagram\.com\/p\//;

export function embeddedSentences(doc: Doc): Set<number> {
  const out = new Set<number>();
  const sig: number[] = [];
  const media: number[] = [];
  for (const s of doc.sentences) {
    const n = doc.norm.slice(doc.tokens[s.first].nStart, doc.tokens[s.last - 1].nEnd);
    if (SIGNATURE.test(n)) sig.push(s.i);
    if (MEDIA.test(n)) media.push(s.i);
  }
  for (const m of media) {
    out.add(m);
    const before = sig.filter((x) => x <= m).pop();
    const after = sig.find((x) => x > m);
    const from = before ?? after;
    if (from === undefined) continue;
    for (let k = Math.min(from, m); k <= Math.max(from, m); k++) out.add(k);
  }
  for (const s of sig) out.add(s);
  return out;
}
