/**
 * Where an event happened: the most specific places tied to its triggers. Launch points ("انطلقت من", "من جهة"),
 * places in a motive clause ("ردا على … في غزة") and places before the trigger that are not fronted locatives
 * are skipped. Places within 60 km of a more specific one are the same place; farther ones are separate events.
 */

import type { Analysis } from '../analysis.js';
import { haversineKm } from '../geo/gazetteer.js';
import type { ResolvedPlace } from '../geo/resolve.js';
import { ar } from '../lang/ar/index.js';
import type { TriggerEntry } from '../recognize/lexicons.js';
import type { Mention } from '../recognize/mention.js';
import { clauseOf, inMotiveClause } from './clauses.js';

export function isOrigin(a: Analysis, p: ResolvedPlace): boolean {
  const toks = a.doc.tokens;
  for (let k = Math.max(0, p.mention.first - 6); k < p.mention.first; k++) {
    if (toks[k].sent !== p.mention.sent) continue;
    if (ar.originWords.test(toks[k].norm)) return true;
    if (toks[k].norm === 'جهه' && toks[k - 1]?.norm === 'من') return true;
  }
  return false;
}

/** how close after the act a meeting or office is its object ("استهدفت غارة أمس اجتماعا لقادة …") */
const STRUCK_WITHIN = 3;

function isSetting(a: Analysis, p: ResolvedPlace, triggers: Mention<TriggerEntry>[]): boolean {
  const toks = a.doc.tokens;
  for (let k = p.mention.first - 1; k >= Math.max(0, p.mention.first - 5); k--) {
    if (toks[k].sent !== p.mention.sent || triggers.some((t) => t.first <= k && k < t.last)) return false;
    // "استهدفت اجتماعا للحوثيين في الحديدة": a meeting or an office the act of its clause struck is where it happened
    if (ar.settingNouns.test(toks[k].norm.replace(/^[وفبل]/, '')))
      return !triggers.some(
        (t) => t.last <= k && k - t.last <= STRUCK_WITHIN && clauseOf(a.doc, t.first).from === clauseOf(a.doc, k).from,
      );
  }
  return false;
}

function inMotive(a: Analysis, p: ResolvedPlace): boolean {
  return inMotiveClause(a.doc, p.mention.first);
}

/** How specifically a place locates an event: a facility, then a town, a district, a countryside, a "near" reference. */
function rank(a: Analysis, p: ResolvedPlace): number {
  return afterAdjacentWord(a, p) ? 5 : frameRank(p);
}

function afterOverlooking(a: Analysis, p: ResolvedPlace): boolean {
  const toks = a.doc.tokens;
  for (let k = Math.max(0, p.mention.first - 2); k < p.mention.first; k++)
    if (toks[k].sent === p.mention.sent && ar.overlookingWords.has(toks[k].norm)) return true;
  return false;
}

/** "القريبة من": one of the three words before the place says it is a reference point */
function afterAdjacentWord(a: Analysis, p: ResolvedPlace): boolean {
  const before = a.doc.tokens.slice(Math.max(0, p.mention.first - 3), p.mention.first);
  return before.some((t) => ar.adjacentWords.test(t.norm));
}

/** The part of the rank its own frame and feature give. */
export function frameRank(p: ResolvedPlace): number {
  const f = p.mention.value.frame;
  if (f === 'near') return 4;
  if (f === 'countryside') return 3;
  if (f === 'district') return 2;
  return p.entry.feature.startsWith('place:') ? 1 : 0;
}

/** "شرق", "شمال غرب", "قرب": a frame that places a name relative to another one */
const RELATIVE = new Set(['near']);

/**
 * "مديرية صرواح بين مأرب وصنعاء", "قرية X شرق مدينة Y", "منطقة X قرب Y": a place that only locates the place
 * named just before it (a direction or "near" it, between it and another) is that place's anchor, not the event's.
 */
export function isAnchor(a: Analysis, p: ResolvedPlace, others: ResolvedPlace[]): boolean {
  const toks = a.doc.tokens;
  const m = p.mention;
  let start = m.value.frameFirst ?? m.first;
  const relative = m.value.frame !== undefined && RELATIVE.has(m.value.frame);
  // "بين مأرب وصنعاء": the second name of the pair shares the first one's "بين"
  const joined = toks[m.first].norm.startsWith('و') ? m.first : toks[m.first - 1]?.norm === 'و' ? m.first - 1 : -1;
  const pairFirst = others.find((o) => o.mention.last === joined && o.mention.sent === m.sent);
  if (pairFirst) start = pairFirst.mention.value.frameFirst ?? pairFirst.mention.first;
  const between = toks[start - 1]?.sent === m.sent && /^و?بين$/.test(toks[start - 1].norm);
  if (!relative && !between) return false;
  const from = between ? start - 1 : start;
  return others.some(
    (o) =>
      o !== p &&
      o !== pairFirst &&
      o.mention.sent === m.sent &&
      o.mention.last <= from &&
      // right after it, or after a comma: "مديرية نهم، شرق صنعاء" (not "منشآت قرب دمشق وأخرى غرب حمص")
      toks.slice(o.mention.last, from).every((t) => t.kind !== 'word') &&
      from - o.mention.last <= 1 &&
      o.entry.id !== p.entry.id,
  );
}

export function placesForEvent(a: Analysis, s: number, triggers: Mention<TriggerEntry>[]): ResolvedPlace[] {
  const sent = a.doc.sentences[s];
  const firstTrigger = triggers[0].first;
  const fronted = sent.first + 3;
  const triggerClause = clauseOf(a.doc, firstTrigger).from;
  let cands = a.in[s].places.filter(
    (p) =>
      (p.mention.first > firstTrigger ||
        p.mention.first <= fronted ||
        clauseOf(a.doc, p.mention.first).from === triggerClause) &&
      p.mention.first >= a.dateline &&
      !isOrigin(a, p) &&
      !inMotive(a, p) &&
      !isSetting(a, p, triggers),
  );
  // "تعرضت مدن نوى وكحيل والسهوة … لغارات": a place coordinated with one of the event's places is one of them too
  const lists = coordinatedPlaces(a, a.in[s].places);
  const listed = new Set<ResolvedPlace>();
  for (const p of cands) for (const q of lists.get(p) ?? []) if (!cands.includes(q)) listed.add(q);
  for (const q of listed)
    if (q.mention.first >= a.dateline && !isOrigin(a, q) && !inMotive(a, q) && !isSetting(a, q, triggers))
      cands.push(q);
  cands.sort((x, y) => x.mention.first - y.mention.first);
  // "محافظة الحديدة المطلة على البحر الأحمر": what a place overlooks describes it; it is no second place
  const described = cands.filter((p) => afterOverlooking(a, p));
  if (described.length > 0 && described.length < cands.length) cands = cands.filter((p) => !described.includes(p));
  const anchored = cands.filter((p) => isAnchor(a, p, cands));
  if (anchored.length > 0 && anchored.length < cands.length) cands = cands.filter((p) => !anchored.includes(p));
  const specific = cands.filter((p) => p.precision < 3);
  if (specific.length === 0) {
    // only areas: the smallest one (a province before a country)
    const admin = cands.find((p) => p.entry.feature === 'admin1');
    return admin ? [admin] : cands.slice(0, 1);
  }
  // most specific first; a place near a kept one is the same place
  const ordered = [...specific].sort((x, y) => rank(a, x) - rank(a, y) || x.mention.first - y.mention.first);
  const kept: ResolvedPlace[] = [];
  for (const p of ordered) {
    // towns of one list are separate places however near ("بلدات نوى وكحيل"); otherwise a place near a kept one is it
    const sameList = (k: ResolvedPlace) =>
      k.precision === 1 && p.precision === 1 && k.entry.id !== p.entry.id && (lists.get(k)?.includes(p) ?? false);
    if (kept.some((k) => haversineKm(k.entry, p.entry) <= 60 && !sameList(k))) continue;
    kept.push(p);
  }
  return kept.sort((x, y) => x.mention.first - y.mention.first);
}

/** A comma or a conjunction "و" between two names, and at most a few words of names the gazetteer does not know. */
const LIST_GAP = 12;
function coordinated(a: Analysis, prev: ResolvedPlace, next: ResolvedPlace): boolean {
  const toks = a.doc.tokens;
  const from = prev.mention.last;
  const to = next.mention.value.frameFirst ?? next.mention.first;
  if (to < from || to - from > LIST_GAP) return false;
  const joined = [to, next.mention.first].some((k) => toks[k].norm.startsWith('و'));
  if (!(joined || toks[to - 1]?.norm === 'و' || toks[to - 1]?.norm === '،')) return false;
  // the words between are names joined the same way ("والمتاعية وأم المياذن"), not a clause
  for (let k = from; k < to; k++) {
    const t = toks[k];
    if (t.kind !== 'word') {
      if (t.norm !== '،' && t.norm !== ',') return false;
    } else if (!t.norm.startsWith('و') && !(k > from && toks[k - 1].norm.startsWith('و'))) return false;
  }
  return true;
}

/** Each place of a sentence with the others of its coordinated list ("نوى وكحيل والسهوة"), if it is in one. */
function coordinatedPlaces(a: Analysis, places: ResolvedPlace[]): Map<ResolvedPlace, ResolvedPlace[]> {
  const out = new Map<ResolvedPlace, ResolvedPlace[]>();
  const sorted = [...places].sort((x, y) => x.mention.first - y.mention.first);
  let run: ResolvedPlace[] = [];
  const close = () => {
    if (run.length > 1) for (const p of run) out.set(p, run);
    run = [];
  };
  for (const p of sorted) {
    if (run.length > 0 && !coordinated(a, run[run.length - 1], p)) close();
    run.push(p);
  }
  close();
  return out;
}

/**
 * An event placed only at country level (or not at all) takes the specific place the next sentences give it
 * ("… أطلقهما الحوثيون." then "الدفاعات الجوية لمطار أبها رصدت …"), unless those sentences report another event.
 */
export function refinePlace(
  a: Analysis,
  place: ResolvedPlace | null,
  own: ReadonlySet<number>,
  claimed: Set<number>,
): ResolvedPlace | null {
  if (!place || place.precision < 3) return place;
  // the sentences after its first one: its own later sentences ("وبدأ الهجوم نحو الساعة …") are no other event's
  const first = Math.min(...own);
  const last = Math.max(...own);
  for (let s = first + 1; s <= last + 2 && s < a.doc.sentences.length; s++) {
    if (a.embedded.has(s) || (claimed.has(s) && !own.has(s))) break;
    const specific = a.in[s].places.filter(
      (p) =>
        p.precision < 3 &&
        p.mention.first >= a.dateline &&
        !isOrigin(a, p) &&
        !inMotive(a, p) &&
        p.entry.country === place.entry.country &&
        // a province gives way only to a place inside it
        (place.entry.feature !== 'admin1' || p.entry.admin1 === place.entry.admin1),
    );
    if (specific.length > 0) return specific.sort((x, y) => x.precision - y.precision)[0];
  }
  return place;
}
