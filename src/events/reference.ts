/**
 * A trigger that refers back to an event rather than reporting one: a definite noun ("الغارة", "بالضربة الجوية")
 * or a noun after a demonstrative ("هذا الهجوم"). "فتح تحقيق في الضربة الجوية", "خطأ بشنها الغارة", "الإعلان عن
 * اعتراض الصواريخ" speak of an event the article has already reported; they add to it, not a new one.
 */

import { ar } from '../lang/ar/index.js';
import type { TriggerEntry } from '../recognize/lexicons.js';
import type { Mention } from '../recognize/mention.js';
import type { Doc } from '../text/doc.js';

export function isReference(doc: Doc, t: Mention<TriggerEntry>): boolean {
  if (t.value.verb) return false;
  const tok = doc.tokens[t.first].norm;
  if (ar.definite.test(tok) && !t.value.form.startsWith('ال')) return true;
  const prev = doc.tokens[t.first - 1];
  if (prev && prev.sent === t.sent && ar.demonstratives.has(prev.norm.replace(/^[وف]/, ''))) return true;
  // "اعتراض الصواريخ": an interception whose projectiles are definite, already reported
  const next = doc.tokens[t.last];
  return (
    t.value.cls === 'intercept' &&
    next !== undefined &&
    next.sent === t.sent &&
    next.kind === 'word' &&
    /^ال/.test(next.norm) &&
    t.last - t.first === 1
  );
}
