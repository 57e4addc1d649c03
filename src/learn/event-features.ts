/**
 * What a learned decision sees of an event the rules assembled: general features of its triggers, sentences,
 * date, place, actors, weapons, numbers, claims and cue words, and the rules' own answer. No feature names an
 * article or copies its phrasing: words are single normalised tokens in a small window, seen in many articles or
 * dropped by the dictionary's minimum count.
 */
import type { Analysis } from '../analysis.js';
import { daysBetween } from '../days.js';
import type { Candidate } from '../events/candidates.js';
import { classify } from '../events/classify.js';
import { eventTypeOf } from '../events/taxonomy.js';
import { bucket } from './sparse.js';

/** Where a candidate sits among the events of its document (after the rules' merge). */
export interface EventContext {
  index: number;
  events: readonly Candidate[];
}

const QUOTE = /[«»"“”]/;
/** a clitic conjunction or preposition off a window word, so "وكان" and "كان" are one feature */
const stripClitic = (w: string) => (w.length > 3 ? w.replace(/^(و|ف)/, '') : w);

function firstSentence(c: Candidate): number {
  let s = c.triggers[0]?.sent ?? c.sent;
  for (const t of c.triggers) if (t.sent < s) s = t.sent;
  return s;
}

/** Features shared by every decision: what the event is and what is said about it. */
function contentFeatures(c: Candidate, f: string[]): void {
  for (const t of c.triggers) {
    f.push(`cls=${t.value.cls}`, `trig=${t.value.form}`, `verb=${t.value.verb}`);
  }
  const first = c.triggers[0];
  if (first) f.push(`cls0=${first.value.cls}`);
  for (const w of c.weapons.keys()) f.push(`w=${w}`);
  if (c.weapons.size === 0) f.push('w=none');
  for (const p of c.perpetrators) f.push(`perp=${p.category}`);
  if (c.perpetrators.length === 0) f.push('perp=none');
  for (const t of c.targets) f.push(`targ=${t.category}`);
  if (c.targets.length === 0) f.push('targ=none');
  f.push(`killed=${c.killed.length > 0}`, `injured=${c.injured.length > 0}`);
  for (const o of c.outcomes) f.push(`out=${o}`);
  for (const cl of c.claims) f.push(`claim=${cl.kind}`);
  const rule = classify(c);
  f.push(`rule=${rule}`, `ruletype=${eventTypeOf(rule)}`);
  for (const t of c.triggers) for (const w of c.weapons.keys()) f.push(`cls×w=${t.value.cls}×${w}`);
  for (const t of c.triggers) for (const p of c.perpetrators) f.push(`cls×perp=${t.value.cls}×${p.category}`);
  for (const t of c.triggers) for (const p of c.targets) f.push(`cls×targ=${t.value.cls}×${p.category}`);
}

/** Is this event one the article reports (rather than background, a repeat, a plan or a tally)? */
export function keepFeatures(c: Candidate, a: Analysis, ctx: EventContext): string[] {
  const f: string[] = [];
  contentFeatures(c, f);
  const { doc } = a;
  const s = firstSentence(c);
  const nSent = doc.sentences.length;
  f.push(`sent=${bucket(s)}`, `relpos=${Math.min(3, Math.floor((4 * s) / Math.max(1, nSent)))}`);
  f.push(`idx=${bucket(ctx.index)}`, `nev=${bucket(ctx.events.length)}`);
  f.push(`ntrig=${bucket(c.triggers.length)}`, `nevid=${bucket(c.evidence.length)}`);
  f.push(`owndate=${c.ownDate}`, `prec=${c.date?.precision ?? 'none'}`);
  if (c.date && doc.published) {
    f.push(`ago=${bucket(daysBetween(c.date.start, doc.published))}`);
    f.push(`span=${bucket(daysBetween(c.date.start, c.date.end))}`);
  } else f.push('ago=none');
  if (c.place) {
    f.push(`place=p${c.place.precision}`, `pfeat=${c.place.entry.feature.split('.')[0]}`);
    const placeSent = c.place.mention.sent;
    f.push(`placesent=${placeSent === s ? 'same' : placeSent < s ? 'before' : 'after'}`);
    const others = ctx.events.filter((e, i) => i !== ctx.index && e.place);
    if (others.some((e) => e.place!.entry.id === c.place!.entry.id)) f.push('dup=place');
    if (others.some((e) => e.place!.entry.country === c.place!.entry.country)) f.push('dup=country');
    if (ctx.events.slice(0, ctx.index).some((e) => e.place?.entry.id === c.place!.entry.id)) f.push('dup=earlier');
  } else f.push('place=none');
  const earlier = ctx.events.slice(0, ctx.index);
  const rule = classify(c);
  if (earlier.some((e) => classify(e) === rule)) f.push('dup=sametype');
  if (c.reference) f.push('reference');
  if (c.another) f.push('another');
  if (c.sources.length > 0) f.push('sources');
  // the words and cues of the sentence it starts in, and a small window around its first trigger
  for (const cue of a.in[s].cues) {
    f.push(`cue=${cue.value}`);
    const t = c.triggers[0];
    if (t && cue.last <= t.first && t.first - cue.last <= 6) f.push(`cuebefore=${cue.value}`);
  }
  const sent = doc.sentences[s];
  if (QUOTE.test(doc.text.slice(sent.start, sent.end))) f.push('quote');
  f.push(`s0=${stripClitic(doc.tokens[sent.first].norm)}`);
  const t = c.triggers[0];
  if (t) {
    for (let k = Math.max(sent.first, t.first - 4); k < t.first; k++) f.push(`wb=${stripClitic(doc.tokens[k].norm)}`);
    for (let k = t.last; k < Math.min(sent.last, t.last + 2); k++) f.push(`wa=${stripClitic(doc.tokens[k].norm)}`);
  }
  const dates = a.in[s].dates;
  f.push(`ndates=${bucket(dates.length)}`);
  for (const d of dates) f.push(`dkind=${d.kind}`, `dprec=${d.precision}`);
  return f;
}

/** Which sub-type the event is: what it is, and the rules' answer. */
export function subtypeFeatures(c: Candidate): string[] {
  const f: string[] = [];
  contentFeatures(c, f);
  return f;
}
