/**
 * A trigger listed as a verb but written with the article is its masdar: "القصف" is the shelling, not "he shelled"
 * (قصف is both). Read as a noun, what follows it is its object or its nationality ("القصف التركي").
 */

import { ar } from '../lang/ar/index.js';
import { normalizeString } from '../lang/ar/normalize.js';
import type { Doc } from '../text/doc.js';
import type { TriggerEntry } from './lexicons.js';
import type { Mention } from './mention.js';

export function definiteAsNouns(doc: Doc, triggers: Mention<TriggerEntry>[]): Mention<TriggerEntry>[] {
  return triggers.map((t) => {
    if (!t.value.verb || t.last - t.first !== 1) return t;
    const written = doc.tokens[t.first].norm;
    // a verb that itself begins with ال (التقى, التحق) keeps it in its listed form
    if (!ar.articleAfterClitics.test(written) || normalizeString(t.value.form).startsWith('ال')) return t;
    return { ...t, value: { ...t.value, verb: false, passive: false } };
  });
}
