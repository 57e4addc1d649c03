/**
 * "Nobody was hurt" however it is put: a negation, a few words, then casualties ("لم تسفر عن وقوع إصابات",
 * "لم يتسبب بسقوط أي ضحايا", "دون أن يخلف ضحايا", "لم تحدث أضرار بشرية"): a no_damage cue over the phrase, beside
 * the fixed phrases of cues.tsv. Not where the negation is of knowing or saying ("لم تحدد حصيلة القتلى",
 * "دون ذكر أي إصابات"): that leaves the toll unknown.
 */

import { inMotiveClause } from '../events/clauses.js';
import type { Doc } from '../text/doc.js';
import { makeSpan } from '../text/span.js';
import { wordTest, wordTestBits } from '../text/words.js';
import type { CueKind } from './lexicons.js';
import type { Mention } from './mention.js';

const NEGATION = /^[وف]?(لم|دون|بدون)$/;
/** a word of NEGATION (a word-test bit: most tokens are turned away without a regex) */
const NEGATION_WORD = wordTest((t) => t.kind === 'word' && NEGATION.test(t.norm));
/** casualties, with a preposition or conjunction before them */
const CASUALTIES = /^[وب]?(ال)?(اصابات|ضحايا|جرحي|قتلي|اصابه|باذي|اذي)$/;
const HUMAN = /^(ال)?(بشريه|بشريا)$/;
const LOSSES = /^[وب]?(ال)?(خسائر|اضرار)$/;
/** what the text does not know or say: the negation is of that, not of the casualties */
const KNOWING =
  /^(تحدد|يحدد|تحديد|ذكر|يذكر|تذكر|تسمح|يسمح|تعرف|يعرف|يتضح|تتضح|ترد|يرد|تتوفر|يتوفر|تعلن|يعلن|تكشف|يكشف|تؤكد|يؤكد|تشر|يشر)$/;

export function noCasualtyCues(doc: Doc): Mention<CueKind>[] {
  const toks = doc.tokens;
  const out: Mention<CueKind>[] = [];
  const bits = wordTestBits(toks);
  for (let i = 0; i < toks.length; i++) {
    if ((bits[i] & NEGATION_WORD) === 0) continue;
    // "ردا على إطلاق نار … دون أن يخلف ضحايا": the act replied to hurt nobody, which says nothing of this one
    if (inMotiveClause(doc, i)) continue;
    for (let j = i + 1; j <= i + 5 && j < toks.length; j++) {
      const t = toks[j];
      if (t.sent !== toks[i].sent || t.kind !== 'word' || KNOWING.test(t.norm)) break;
      const human = LOSSES.test(t.norm) && HUMAN.test(toks[j + 1]?.norm ?? '');
      if (!CASUALTIES.test(t.norm) && !human) continue;
      const last = human ? j + 2 : j + 1;
      out.push({
        first: i,
        last,
        span: makeSpan(doc.text, toks[i].start, toks[last - 1].end),
        value: 'no_damage',
        sent: toks[i].sent,
      });
      i = last - 1;
      break;
    }
  }
  return out;
}
