/**
 * Is a trigger reported as having happened? Negation right before it, a threat, plan, call, condition or
 * future in its clause, or an ongoing campaign ("تواصل إسرائيل دك غزة") make it something other than an event.
 */
import { ar } from '../lang/ar/index.js';
import type { TriggerEntry } from '../recognize/lexicons.js';
import type { Mention } from '../recognize/mention.js';
import type { DocContext } from './candidates.js';
import { clauseOf } from './clauses.js';

export type Modality =
  | 'asserted'
  | 'negated'
  | 'threat'
  | 'plan'
  | 'call'
  | 'conditional'
  | 'future'
  | 'ongoing'
  | 'history';

const BEFORE_WINDOW: Record<string, number> = {
  negation: 2,
  threat: 6,
  plan: 6,
  call: 6,
  future: 3,
  ongoing: 10,
  history: 8,
  question: 20,
  reaction: 8,
  deny: 8,
};
/** how many words after its verb a habitual adverb still qualifies it */
const HABITUAL_AFTER = 3;
/** a denial this close before a trigger negates it even across a clause boundary */
const DENY_NEAR = 4;

export function modalityOf(ctx: DocContext, t: Mention<TriggerEntry>): Modality {
  const { a } = ctx;
  const { doc } = a;
  const clause = clauseOf(doc, t.first);
  const sent = doc.sentences[t.sent];
  for (const c of a.in[t.sent].cues) {
    const kind = c.value;
    // "قصفت إسرائيل مرارا أهدافا", "استهدفت مرات عدة": a pattern of acts, told before or after the verb
    if (kind === 'habitual') {
      const after = c.first >= t.last && c.first - t.last <= HABITUAL_AFTER;
      const before = c.last <= t.first && t.first - c.last < 6;
      if (c.first >= clause.from && c.first < clause.to && (after || before)) return 'ongoing';
      continue;
    }
    if (kind === 'conditional') {
      // a condition anywhere near the trigger in its sentence: "هددت باستهداف ... إذا تدخلت"
      if (Math.abs(c.first - t.first) <= 10) return 'conditional';
      continue;
    }
    const win = BEFORE_WINDOW[kind];
    if (win === undefined) continue;
    if (c.last > t.first || t.first - c.last >= win) continue;
    if (kind === 'negation') return 'negated';
    // "نفى حزب الله اللبناني الجمعة مقتل أي من مقاتليه": a denial reaches over its subject, within its clause
    if (kind === 'deny' && (t.first - c.last < DENY_NEAR || c.first >= clause.from)) return 'negated';
    if (kind === 'deny') continue;
    if (c.first < clause.from && kind !== 'threat' && kind !== 'plan' && kind !== 'call' && kind !== 'reaction')
      continue;
    if (kind === 'question') return 'conditional';
    return kind as Modality;
  }
  // a future prefix on the trigger verb itself (سيستهدف، ستقصف)
  const tok = doc.tokens[t.first].norm;
  const prev = doc.tokens[t.first - 1];
  // "تحسبا لأي هجوم": any attack is no attack in particular
  if (prev && prev.sent === t.sent && ar.anyWord.test(prev.norm)) return 'conditional';
  // "في عملياتها لتحرير المدينة": a masdar after ل is a purpose, except what something was subjected to (تعرضت لهجوم)
  if (
    !t.value.verb &&
    ar.purposeLam.test(tok) &&
    !ar.lamStart.test(t.value.form) &&
    !doc.tokens
      .slice(Math.max(doc.sentences[t.sent].first, t.first - 8), t.first)
      .some((k) => ar.subjectedToVerbs.test(k.norm))
  )
    return 'plan';
  if (t.value.verb && ar.futurePrefix.test(tok) && !ar.futurePrefix.test(t.value.form)) return 'future';
  void sent;
  return 'asserted';
}
