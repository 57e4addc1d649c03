/** From an analysed document to its event records: candidates per sentence, dates carried along, merge, type. */
import type { Analysis } from '../analysis.js';
import { toPlace } from '../geo/resolve.js';
import type { EventDecider } from '../learn/decide.js';
import { assignRoles } from '../learn/roles.js';
import type { Doc } from '../text/doc.js';
import type { Actor, EventRecord } from '../types.js';
import { type ActorRef, localForces } from './actors.js';
import { type Candidate, type DocContext, isBackground, sentenceCandidates } from './candidates.js';
import { classify } from './classify.js';
import { inMotiveClause } from './clauses.js';
import { mergeCandidates } from './merge.js';
import { refinePlace } from './places.js';
import type { Speaker } from './speakers.js';
import { eventTypeOf, type SubType } from './taxonomy.js';
import { eventWeapons } from './weapons.js';

function toActor(role: Actor['role'], r: ActorRef): Actor {
  return { role, name: r.name, name_ar: r.name_ar, category: r.category, country: r.country, evidence: r.span };
}

/** The smallest of the figures given for one event (ACLED: the most conservative), summed within a sentence. */
function conservative(counts: { value: number; span: { start: number } }[], sentenceOf: (pos: number) => number) {
  if (counts.length === 0) return null;
  const perSentence = new Map<number, number>();
  for (const c of counts) {
    const s = sentenceOf(c.span.start);
    perSentence.set(s, (perSentence.get(s) ?? 0) + c.value);
  }
  return Math.min(...perSentence.values());
}

/** `decide`: learned decisions (src/learn/decide.ts) on which events stay and their sub-types; the rules' without. */
export function assembleEvents(a: Analysis, speakers: (Speaker | null)[], decide?: EventDecider): EventRecord[] {
  const published = a.doc.published;
  const ctx: DocContext = { a, speakers, published };
  const cands: Candidate[] = [];
  // the date the narrative is at: the last date an event sentence gave, or the lead's first date
  let narrative: Candidate['date'] = null;
  const lead = a.dates.find(
    (d) =>
      d.sent <= 1 &&
      !isBackground(d, published) &&
      d.precision !== 'year' &&
      !inMotiveClause(a.doc, d.first) &&
      !(published && d.start > published),
  );
  if (lead)
    narrative = {
      start: lead.start,
      end: lead.end,
      precision: lead.precision === 'day' ? 'day' : 'week',
      evidence: lead.span,
    };
  // the background a pluperfect tells ("وكانت دمشق قد اتهمت إسرائيل في التاسع من نيسان بشن غارة"): its date holds
  // for the next sentence only where that goes on about the same kind of act
  let aside: { date: NonNullable<Candidate['date']>; sent: number; subtype: SubType } | null = null;
  for (const s of a.doc.sentences) {
    for (const c of sentenceCandidates(ctx, s.i)) {
      if (c.date) {
        // the act a motive clause replies to ("ردا على هجوم … الأسبوع الماضي") is not where the narrative is
        const motive = c.triggers.every((t) => inMotiveClause(a.doc, t.first));
        if (!motive && isPluperfect(a.doc, s.i)) aside = { date: c.date, sent: s.i, subtype: classify(c) };
        else if (!motive) narrative = c.date;
      } else if (aside && aside.sent === s.i - 1 && classify(c) === aside.subtype) c.date = { ...aside.date };
      else if (narrative) c.date = { ...narrative };
      else if (published) c.date = { start: published, end: published, precision: 'day' };
      cands.push(c);
    }
  }
  const claimed = new Set(cands.map((c) => c.sent));
  const merged = mergeCandidates(cands);
  for (const c of merged) {
    const refined = refinePlace(a, c.place, new Set(c.triggers.map((t) => t.sent)), claimed);
    if (refined !== c.place && refined) {
      c.place = refined;
      const sent = a.doc.sentences[refined.mention.sent];
      c.evidence.push({ start: sent.start, end: sent.end, text: a.doc.text.slice(sent.start, sent.end) });
    }
  }
  const kept = merged.filter((c) => c.date && (c.place || c.ownDate));
  narrowToNamedDay(kept, a, published);
  localizeForces(kept);
  inheritPerpetrators(kept);
  namedElsewhere(kept, cands);
  const sentenceOf = (pos: number) => a.doc.sentences.findIndex((s) => s.start <= pos && pos < s.end);
  const final = decide ? decide.events(kept, a) : kept;
  // who did it and to whom: the learned roles (src/learn/roles.ts), on by default
  assignRoles(final, a, speakers, decide);
  // the rules' actors, then the roles model's choice among the mentions
  localizeForces(final);
  return final.map((c, i) => {
    const subtype = decide ? decide.subtype(c, a, classify(c)) : classify(c);
    const killedEv = c.killed.map((k) => k.span);
    const injuredEv = c.injured.map((k) => k.span);
    const resp = new Set<string>();
    const claims = c.claims.filter((cl) => {
      if (cl.kind !== 'responsibility') return true;
      if (resp.has(cl.by)) return false;
      resp.add(cl.by);
      return true;
    });
    return {
      id: `e${i + 1}`,
      type: eventTypeOf(subtype),
      subtype,
      date: c.date!,
      location: c.place ? toPlace(c.place) : null,
      actors: [...c.perpetrators.map((p) => toActor('perpetrator', p)), ...c.targets.map((p) => toActor('target', p))],
      weapons: eventWeapons(c),
      fatalities: {
        // "دون وقوع إصابات": the text says nobody was hurt, which is 0, not unknown
        killed: conservative(c.killed, sentenceOf) ?? (c.outcomes.has('no_damage') ? 0 : null),
        injured: conservative(c.injured, sentenceOf) ?? (c.outcomes.has('no_damage') ? 0 : null),
        evidence: [...killedEv, ...injuredEv],
      },
      claims,
      sources: c.sources,
      evidence: c.evidence,
      confidence: Math.min(
        0.95,
        0.4 +
          (c.place ? 0.2 : 0) +
          (c.ownDate ? 0.1 : 0) +
          (c.perpetrators.length ? 0.1 : 0) +
          c.evidence.length * 0.05,
      ),
    };
  });
}

/**
 * An event whose sentences do not name who did it (or to whom), in an article about one campaign, has the actors
 * of the event of the same kind just before it (the raids of a roundup are the coalition's, on the same enemy).
 */
function inheritPerpetrators(events: Candidate[]): void {
  // the latest event of each kind with perpetrators, and with targets (one pass: a long text has thousands)
  const withPerps = new Map<SubType, Candidate>();
  const withTargets = new Map<SubType, Candidate>();
  for (const e of events) {
    const kind = classify(e);
    if (e.perpetrators.length === 0) {
      const o = withPerps.get(kind);
      if (o) e.perpetrators = o.perpetrators.filter((p) => !e.targets.some((t) => t.name === p.name));
    }
    if (e.targets.length === 0) {
      const o = withTargets.get(kind);
      if (o) e.targets = o.targets.filter((t) => !e.perpetrators.some((p) => p.name === t.name));
    }
    // what it is now that it has its actors is what a later event of its kind looks for
    const now = classify(e);
    if (e.perpetrators.length > 0) withPerps.set(now, e);
    if (e.targets.length > 0) withTargets.set(now, e);
  }
}

/**
 * An event still without a perpetrator takes the one the article names for the same kind of act in a sentence
 * that gave no event of its own (a lead without a place: "الصواريخ التي أطلقتها أمريكا وبريطانيا وفرنسا"): the
 * nearest such sentence before it, or one of the next two.
 */
function namedElsewhere(events: Candidate[], cands: Candidate[]): void {
  const placeless = cands.filter((c) => !c.place && c.perpetrators.length > 0);
  for (const e of events) {
    if (e.perpetrators.length > 0) continue;
    const first = Math.min(...e.triggers.map((t) => t.sent));
    const kind = eventTypeOf(classify(e));
    const like = (c: Candidate) =>
      eventTypeOf(classify(c)) === kind || c.triggers.some((t) => t.value.cls === 'intercept');
    const before = placeless.filter((c) => c.sent < first && like(c)).pop();
    const after = placeless.find((c) => c.sent > first && c.sent <= first + 2 && like(c));
    const source = before ?? after;
    if (source) e.perpetrators = source.perpetrators.filter((p) => !e.targets.some((t) => t.name === p.name));
  }
}

/** "وكان … قد", "وكانت … قد": a sentence that opens in the pluperfect tells what had happened before the story. */
function isPluperfect(doc: Doc, s: number): boolean {
  const { first, last } = doc.sentences[s];
  if (!PAST_BE.has(doc.tokens[first]?.norm ?? '')) return false;
  for (let k = first + 1; k < Math.min(last, first + 8); k++) if (doc.tokens[k].norm === 'قد') return true;
  return false;
}
const PAST_BE = new Set(['كان', 'كانت', 'كانوا', 'وكان', 'وكانت', 'وكانوا']);

/** "القوات الحكومية" in an event placed in Syria is Syria's forces (events/actors.ts localForces). */
function localizeForces(events: Candidate[]): void {
  for (const c of events) {
    const country = c.place?.entry.country ?? null;
    c.perpetrators = c.perpetrators.map((r) => localForces(r, country));
    c.targets = c.targets.map((r) => localForces(r, country));
  }
}

/**
 * "هجوم … الأسبوع الماضي" and, later, "الهجوم الذي وقع الخميس الماضي": an event dated by a week or a month takes the
 * one day the article names inside that span (other than the day it was published), where it names exactly one.
 */
function narrowToNamedDay(events: Candidate[], a: Analysis, published: string | null): void {
  for (const c of events) {
    const d = c.date;
    if (!d || d.precision === 'day' || !c.ownDate) continue;
    const days = a.dates.filter(
      (x) =>
        x.precision === 'day' && x.start === x.end && x.start !== published && d.start <= x.start && x.end <= d.end,
    );
    if (days.length > 0 && days.every((x) => x.start === days[0].start))
      c.date = { start: days[0].start, end: days[0].end, precision: 'day', evidence: days[0].span };
  }
}
