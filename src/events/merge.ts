/**
 * One event per place per day: candidates of a document that share a place (or where one has none and follows
 * the other closely) and a compatible date are one event, with every claim, source and weapon of both.
 */
import { daysBetween } from '../days.js';
import { haversineKm } from '../geo/gazetteer.js';
import type { Candidate } from './candidates.js';
import { classify } from './classify.js';
import { frameRank } from './places.js';
import { type EventType, eventTypeOf, type SubType } from './taxonomy.js';

function sameDay(a: Candidate, b: Candidate): boolean {
  if (!a.date || !b.date) return true;
  if (a.date.start <= b.date.end && b.date.start <= a.date.end) return true;
  // "أعلنت مصادر، السبت، عن مقتل قيادي في غارة" then "قتل في غارة الخميس الماضي": the report's day, the act's
  return reportedLater(a, b) || reportedLater(b, a);
}

/** Is `r` dated only by the day it was reported, within a week after the day `act` gives its act? */
function reportedLater(r: Candidate, act: Candidate): boolean {
  if (!r.reportDate || act.reportDate || !act.ownDate || !r.date || !act.date) return false;
  return act.date.end < r.date.start && daysBetween(act.date.start, r.date.start) <= 7;
}

function samePlace(a: Candidate, b: Candidate): boolean {
  if (!a.place || !b.place) return false;
  if (a.place.entry.id === b.place.entry.id) return true;
  if (a.place.precision === 3 || b.place.precision === 3) return false;
  // near a town or in its district: the point is uncertain by about the district's size
  const fuzzy = a.place.precision === 2 || b.place.precision === 2;
  return haversineKm(a.place.entry, b.place.entry) <= (fuzzy ? 30 : 10);
}

/** Is `c` a specific place inside the province the earlier candidate `area` was only placed at? */
function within(c: Candidate, area: Candidate): boolean {
  if (!c.place || !area.place || c.place.precision === 3 || area.place.precision !== 3) return false;
  const a = area.place.entry;
  return a.feature === 'admin1' && c.place.entry.country === a.country && c.place.entry.admin1 === a.admin1;
}

/**
 * A candidate's sub-type, classified once while merging compares it with every event before it; absorbing another
 * candidate can change it, so absorb forgets it.
 */
const subtypes = new WeakMap<Candidate, SubType>();
function subtypeOf(c: Candidate): SubType {
  let t = subtypes.get(c);
  if (t === undefined) {
    t = classify(c);
    subtypes.set(c, t);
  }
  return t;
}
const typeOf = (c: Candidate): EventType => eventTypeOf(subtypeOf(c));

const isAgreement = (c: Candidate) => subtypeOf(c) === 'agreement';

function compatibleTypes(a: Candidate, b: Candidate): boolean {
  const ta = typeOf(a);
  const tb = typeOf(b);
  if (ta === tb) return true;
  const armed = new Set<EventType>([
    'battles',
    'explosions_remote_violence',
    'violence_against_civilians',
    'strategic_developments',
  ]);
  // a truce or a deal reached is its own event beside the fighting it ends
  if (isAgreement(a) !== isAgreement(b)) return false;
  return armed.has(ta) && armed.has(tb);
}

/** Coalition air strikes and the army's ground clash at one place: two acts by different hands, two events. */
function differentActs(a: Candidate, b: Candidate): boolean {
  if (a.perpetrators.length === 0 || b.perpetrators.length === 0) return false;
  if (typeOf(a) === typeOf(b)) return false;
  const names = new Set(a.perpetrators.map((p) => p.name));
  const countries = new Set(a.perpetrators.map((p) => p.country).filter(Boolean));
  return !b.perpetrators.some((p) => names.has(p.name) || (p.country && countries.has(p.country)));
}

/** A reference names the kind of event it refers to; an interception refers to the attack it stopped. */
function sameKind(a: Candidate, b: Candidate): boolean {
  const ta = typeOf(a);
  const tb = typeOf(b);
  const remote = new Set<EventType>(['explosions_remote_violence', 'strategic_developments']);
  return ta === tb || (remote.has(ta) && remote.has(tb));
}

function absorb(into: Candidate, c: Candidate): void {
  subtypes.delete(into);
  into.triggers = [...into.triggers, ...c.triggers];
  // the first specific place stays; a province or country gives way to a place inside it
  if (!into.place || (c.place && into.place.precision === 3 && c.place.precision < 3)) into.place = c.place;
  else if (c.place && c.place.precision < 3 && frameRank(c.place) < frameRank(into.place)) into.place = c.place;
  if ((!into.ownDate && c.ownDate) || !into.date || (into.reportDate && c.ownDate && !c.reportDate)) {
    into.date = c.date;
    into.ownDate = c.ownDate;
    into.reportDate = c.reportDate;
  }
  for (const p of c.perpetrators) if (!into.perpetrators.some((x) => x.name === p.name)) into.perpetrators.push(p);
  for (const t of c.targets) if (!into.targets.some((x) => x.name === t.name)) into.targets.push(t);
  for (const [w, s] of c.weapons) if (!into.weapons.has(w)) into.weapons.set(w, s);
  for (const cl of c.claims) {
    if (!into.claims.some((x) => x.kind === cl.kind && x.by === cl.by && x.outcome === cl.outcome))
      into.claims.push(cl);
  }
  for (const s of c.sources) if (!into.sources.includes(s)) into.sources.push(s);
  into.killed.push(...c.killed);
  into.injured.push(...c.injured);
  for (const o of c.outcomes) into.outcomes.add(o);
  for (const e of c.evidence) if (!into.evidence.some((x) => x.start === e.start)) into.evidence.push(e);
}

/** Two places one sentence names for its act (events/places.ts) are separate events, however near each other. */
function splitInSentence(a: Candidate, b: Candidate): boolean {
  return a.sent === b.sent && a.triggers === b.triggers && a.place?.entry.id !== b.place?.entry.id;
}

/** how many sentences back an event may be that a candidate of the same place and day joins */
const MERGE_REACH = 300;

/** Merge candidates in document order. A placeless candidate joins the event of the sentence just before it. */
export function mergeCandidates(cands: Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  for (const c of cands) {
    // the events of the last MERGE_REACH sentences: a long text's thousands of events are not all compared
    let from = out.length;
    while (from > 0 && out[from - 1].sent >= c.sent - MERGE_REACH) from--;
    let target = out
      .slice(from)
      .find(
        (e) =>
          samePlace(e, c) &&
          !splitInSentence(e, c) &&
          sameDay(e, c) &&
          compatibleTypes(e, c) &&
          !differentActs(e, c) &&
          !(c.another && e.place && c.place && e.place.entry.id !== c.place.entry.id),
      );
    const prev = out[out.length - 1];
    if (!target && !c.place) {
      if (prev && c.sent - prev.sent <= 2 && sameDay(prev, c) && compatibleTypes(prev, c)) target = prev;
    }
    // a lead that names only the province ("في محافظة الحديدة") and the next sentence that names the district
    // report one event
    if (!target && prev && c.sent - prev.sent <= 2 && within(c, prev) && sameDay(prev, c) && compatibleTypes(prev, c)) {
      target = prev;
    }
    // a sentence that refers back to an event ("فتح تحقيق في الضربة الجوية في صعدة") adds to the latest one like it,
    // unless it names a different place: then it is the next event of a roundup
    if (!target && c.reference) {
      const like = out.findLast((e) => sameKind(e, c) && (!c.ownDate || sameDay(e, c)));
      // a country is named in passing more often than as the place of the act ("زعيم جماعة أنصار الله اليمنية")
      const countryOnly = c.place?.entry.feature === 'country';
      if (like && (!c.place || countryOnly || within(c, like) || within(like, c))) target = like;
    }
    if (target) absorb(target, c);
    else
      out.push({
        ...c,
        weapons: new Map(c.weapons),
        claims: [...c.claims],
        killed: [...c.killed],
        injured: [...c.injured],
        outcomes: new Set(c.outcomes),
        evidence: [...c.evidence],
        perpetrators: [...c.perpetrators],
        targets: [...c.targets],
        sources: [...c.sources],
      });
  }
  return foldVague(out);
}

/**
 * One event per place and day, across the article: an event placed only at a country ("غارة جوية في اليمن") on the
 * day of an event of the same type at a specific place in that country is that event told vaguely (the lead's
 * summary, a later recap); it joins the specific one. (A province is not folded so: its districts' events are as
 * often separate ones.)
 */
function foldVague(events: Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  const vague = (c: Candidate) => c.place?.entry.feature === 'country';
  const inside = (c: Candidate, area: Candidate) =>
    c.place !== null &&
    area.place !== null &&
    c.place.precision < 3 &&
    c.place.entry.country === area.place.entry.country;
  const folded = new Set<Candidate>();
  for (const c of events) {
    if (!vague(c)) continue;
    const into = events.find(
      (e) => e !== c && !folded.has(e) && inside(e, c) && sameDay(e, c) && typeOf(e) === typeOf(c),
    );
    if (into) {
      absorbVague(into, c);
      folded.add(c);
    }
  }
  for (const e of events) if (!folded.has(e)) out.push(e);
  return out;
}

/** What a vague telling adds to the specific one: its sentences, sources, claims and weapons; the place stays. */
function absorbVague(into: Candidate, c: Candidate): void {
  const place = into.place;
  absorb(into, c);
  into.place = place;
}
