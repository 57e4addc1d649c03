/**
 * Event candidates, sentence by sentence: a trigger reported as having happened, with the date, place, actors,
 * weapons, claims and sources of its sentence. Candidates of one event are merged later (merge.ts).
 */

import type { Analysis } from '../analysis.js';
import { daysBetween } from '../days.js';
import type { ResolvedPlace } from '../geo/resolve.js';
import { ar } from '../lang/ar/index.js';
import { normalizeString } from '../lang/ar/normalize.js';
import type { DateMention } from '../recognize/dates.js';
import { type TriggerEntry, traitsOf, type WeaponWord } from '../recognize/lexicons.js';
import type { Mention } from '../recognize/mention.js';
import type { Span } from '../text/span.js';
import type { Claim, Outcome } from '../types.js';
import { type ActorRef, findActors } from './actors.js';
import { clauseOf, inMotiveClause, isBoundary, relativeClauseOf } from './clauses.js';
import { findFatalities } from './fatalities.js';
import { type Modality, modalityOf } from './modality.js';
import { isOrigin, placesForEvent } from './places.js';
import { isReference } from './reference.js';
import type { Speaker } from './speakers.js';
import { isEventWord, type TriggerClass } from './taxonomy.js';

export interface Candidate {
  sent: number;
  triggers: Mention<TriggerEntry>[];
  date: { start: string; end: string; precision: 'day' | 'week' | 'month'; evidence?: Span } | null;
  ownDate: boolean;
  /** the date is only the day the act was reported ("أعلنت مصادر، السبت، مقتل …"), the sentence gives no other */
  reportDate?: boolean;
  place: ResolvedPlace | null;
  perpetrators: ActorRef[];
  targets: ActorRef[];
  weapons: Map<WeaponWord, Span>;
  claims: Claim[];
  sources: string[];
  killed: { value: number; span: Span }[];
  injured: { value: number; span: Span }[];
  outcomes: Set<Outcome>;
  evidence: Span[];
  /** every trigger refers back to an event ("في الضربة الجوية", "هذا الهجوم"): it adds to one already reported */
  reference: boolean;
  /** "بغارات أخرى", "هجوم آخر": the text says this is another event than the one before */
  another: boolean;
}

/** An event word (taxonomy.ts): it reports an event itself, and gives a context class beside it its context. */
const eventWord = (t: Mention<TriggerEntry>) => isEventWord(traitsOf(t.value.cls));

const OUTCOMES = new Set<string>(['hit', 'intercepted', 'fell_nearby', 'missed', 'no_damage']);

export interface DocContext {
  a: Analysis;
  speakers: (Speaker | null)[];
  published: string | null;
}

/** Is a date mention background (older than a month before publication, a year, or an open "since")? */
export function isBackground(d: DateMention, published: string | null): boolean {
  if (d.kind === 'since' || d.precision === 'year') return true;
  if (!published) return false;
  return daysBetween(d.end, published) > 31;
}

/**
 * Is the act dated in the past beyond the month? Where the sentence also gives a recent day, the older date belongs
 * to a comparison or an aside ("شنت، مساء الثلاثاء، 30 غارة … في ردها على أكبر هجوم منذ حرب عام 2014") unless it
 * is the one nearest the act.
 */
function backgroundDated(ctx: DocContext, s: number, dates: DateMention[], act: Mention<TriggerEntry>): boolean {
  const old = dates.filter((d) => isBackground(d, ctx.published));
  if (old.length === 0) return false;
  // "أعلن الجيش أمس أن …": the day of the report dates no act
  const reported = (d: DateMention) =>
    ctx.a.in[s].cues.some((c) => c.value === 'report' && c.last <= d.first && d.first - c.last <= 3);
  const recent = dates.filter((d) => !old.includes(d) && d.precision === 'day' && !reported(d));
  if (recent.length === 0) return true;
  const distance = (d: DateMention) => Math.abs(d.first - act.first);
  return Math.min(...old.map(distance)) < Math.min(...recent.map(distance));
}

/** "تحت سيطرة": under someone's control */
const HELD_UNDER = /^و?تحت$/;

/** "الانسحاب من الاتفاق النووي مع طهران": a withdrawal from a deal, not from a place */
const AGREEMENT_WORD = /^[وفبل]?(ال)?(اتفاق|اتفاقيه|معاهده)$/;

/**
 * The trigger classes a game is told in ("السيطرة على الكرة", "الهجمات المرتدة"): in a sports sentence with no
 * weapon they are the game's. A bomb, a death or a riot at a match stays an event.
 */
const SPORT_SENSES = new Set<TriggerClass>(['strike', 'launch', 'fire', 'territory', 'raid', 'destroy', 'withdraw']);

function isSportSentence(a: Analysis, s: number): boolean {
  if (a.in[s].weapons.length > 0) return false;
  const { first, last } = a.doc.sentences[s];
  for (let k = first; k < last; k++) if (ar.sportWords.test(a.doc.tokens[k].norm)) return true;
  return false;
}

/** A sentence that sums many events up ("23 هجوما", "14 مرة", "الهجمات") reports a tally, not an event. */
function isTallySentence(ctx: DocContext, s: number, trig: Mention<TriggerEntry>[]): boolean {
  const { a } = ctx;
  // "قتل 220 شخصا في هجمات انتحارية في السويداء الأربعاء": attacks on one day, in one place, are that day's event
  // (the day a statement about attacks was made, "أعلن المتحدث الإثنين أن الهجمات …", dates no attack)
  const spans = a.in[s].dates.filter((d) => d.kind === 'since' || d.kind === 'interval');
  const tally = trig.find((t) => t.value.tally);
  const reported = (d: DateMention) =>
    tally !== undefined &&
    a.in[s].cues.some(
      (c) =>
        c.value === 'report' &&
        c.last <= d.first &&
        c.last <= tally.first &&
        (d.first - c.last <= 3 || d.last <= tally.first),
    );
  const dayDated = spans.length === 0 && a.in[s].dates.some((d) => d.precision === 'day' && !reported(d));
  if (tally && !dayDated) return true;
  for (const n of a.in[s].numbers) {
    if (n.ordinal || n.dual || n.value < 2) continue;
    // thousands killed or wounded are a war's toll, not one event's
    if (n.value >= 1000 && n.unit && trig.some((t) => t.value.cls === 'kill' || t.value.cls === 'injure')) return true;
    const next = a.doc.tokens[n.last];
    if (next && (ar.timesNouns.test(next.norm) || ar.tallyAttackNouns.test(next.norm))) return true;
  }
  // "منذ 17 أكتوبر", "بين 1 و30 مايو" span the tally; beside a day the act is dated by ("مساء الثلاثاء … أكبر هجوم
  // منذ عام 2014") the span measures a comparison, not the count
  return spans.length > 0 && !a.in[s].dates.some((d) => !spans.includes(d) && d.precision === 'day');
}

const PROJECTILES = new Set(['projectile', 'rocket', 'missile', 'ballistic_missile', 'drone', 'artillery', 'mortar']);

/**
 * "اعترض/أسقط/دمر/صد": an interception when what it stops is a projectile or a drone, or air defences do it;
 * "صد هجوما/تسللا" is a ground attack repelled (a clash); "تدمير آليات" in a raid is the raid's damage, not a trigger.
 */
function readIntercept(a: Analysis, t: Mention<TriggerEntry>): Mention<TriggerEntry> | null {
  if (t.value.cls !== 'intercept') return t;
  const toks = a.doc.tokens;
  const after = (k: number) => toks[k] && toks[k].sent === t.sent;
  // the object may come after the subject and a time: "أسقطت قوات الجيش، مساء الجمعة، طائرة استطلاع"
  const reach = t.value.verb ? 9 : 4;
  if (
    a.in[t.sent].weapons.some(
      (w) =>
        PROJECTILES.has(w.value) &&
        w.first >= t.last &&
        w.first <= t.last + reach &&
        !a.in[t.sent].triggers.some((o) => o.first >= t.last && o.first < w.first),
    )
  )
    return t;
  for (let k = Math.max(0, t.first - 4); k < t.first + 5; k++)
    if (after(k) && ar.airDefenceStems.test(toks[k].norm)) return t;
  for (let k = t.last; k < t.last + 3; k++) {
    if (after(k) && ar.groundAttackNouns.test(toks[k].norm.replace(/^(و|ل)/, '')))
      return { ...t, value: { ...t.value, cls: 'clash' } };
  }
  return null;
}

/** What a token adds before the trigger's own form: "وب" in "وبإنشاء". */
function procliticOf(tokenNorm: string, form: string): string {
  const at = tokenNorm.indexOf(normalizeString(form.split(' ')[0]));
  return at > 0 ? tokenNorm.slice(0, at) : '';
}

/** The objects of the classes eventive with an object (trigger-classes.tsv): a base, an armed body. */
const OBJECT_WORDS: Partial<Record<TriggerClass, RegExp>> = { base: ar.baseNouns, group: ar.armedBodyNouns };

function objectWords(cls: TriggerClass): RegExp {
  const words = OBJECT_WORDS[cls];
  if (!words)
    throw new Error(`the trigger class "${cls}" is eventive with an object, but candidates.ts has no words for it`);
  return words;
}

/** Is one of `words` the object of a trigger, within a few words after it (the subject may come between)? */
function objectAfter(a: Analysis, t: Mention<TriggerEntry>, words: RegExp): boolean {
  const toks = a.doc.tokens;
  for (let k = t.last; k < t.last + 5 && k < toks.length && toks[k].sent === t.sent; k++) {
    if (words.test(toks[k].norm.replace(/^[وفب]/, ''))) return true;
  }
  return false;
}

/** "توصلت الأطراف إلى الاتفاق", "دخلت الهدنة حيز التنفيذ": an agreement reached, signed or in force */
function reachedBefore(a: Analysis, t: Mention<TriggerEntry>): boolean {
  const toks = a.doc.tokens;
  for (let k = t.first - 1; k >= Math.max(a.doc.sentences[t.sent].first, t.first - 4); k--) {
    if (ar.agreementReachedWords.test(toks[k].norm)) return true;
  }
  return false;
}

function hasWeaponNear(a: Analysis, t: Mention<TriggerEntry>, within: number): boolean {
  return a.in[t.sent].weapons.some((w) => Math.abs(w.first - t.first) <= within);
}

export function sentenceCandidates(ctx: DocContext, s: number): Candidate[] {
  const { a } = ctx;
  const { doc } = a;
  if (a.embedded.has(s)) return [];
  const sent = doc.sentences[s];
  const last = doc.tokens[sent.last - 1];
  if (last.norm === '؟' || last.norm === '?') return [];
  const trig = a.in[s].triggers;
  if (trig.length === 0 || isTallySentence(ctx, s, trig)) return [];
  const sport = isSportSentence(a, s);

  const valid: Mention<TriggerEntry>[] = [];
  let mood: Modality = 'asserted';
  for (const raw of trig) {
    const t = readIntercept(a, raw);
    if (!t) continue;
    const cls = t.value.cls;
    if (sport && SPORT_SENSES.has(cls)) continue;
    // "مناطق تحت سيطرة القوات", "الخاضعة لسيطرة الأكراد": who holds a place, not an act of taking it
    if (cls === 'territory' && !t.value.verb && HELD_UNDER.test(doc.tokens[t.first - 1]?.norm ?? '')) continue;
    if (cls === 'territory' && /^ل/.test(doc.tokens[t.first].norm) && /خاضع/.test(doc.tokens[t.first - 1]?.norm ?? ''))
      continue;
    // "الضربة الدبلوماسية", "هجوم إلكتروني": a figure of speech
    const after = doc.tokens[t.last];
    if (after && after.sent === s && ar.figurativeAdjectives.has(after.norm)) continue;
    const when = traitsOf(cls).eventive;
    // "انسحبت القوات من مدينة X", "تسلم الجيش بلدة X": a place changes hands; "الانسحاب من الاتفاق" is politics
    const handover =
      when === 'place' &&
      a.in[t.sent].places.some(
        (p) =>
          p.precision < 3 &&
          p.mention.first >= t.last &&
          p.mention.first <= t.last + 6 &&
          !doc.tokens.slice(t.last, p.mention.first).some((k) => AGREEMENT_WORD.test(k.norm)),
      );
    // "أقامت القوات قاعدة", "أعلنت الفصائل تشكيل جيش موحد": only with a base or an armed body as the object
    // ("لن تسمح لإيران بإنشاء قواعد": a masdar after ب or ل is what is allowed or aimed at, not what was done)
    const object =
      when === 'object' &&
      !/^و?[بل]$/.test(procliticOf(doc.tokens[t.first].norm, t.value.form)) &&
      objectAfter(a, t, objectWords(cls));
    const eventive =
      handover ||
      object ||
      when === 'alone' ||
      (when === 'context' && (hasWeaponNear(a, t, 6) || trig.some((o) => o !== t && eventWord(o))));
    if (!eventive) continue;
    // "الانسحاب من الاتفاق النووي", "وفقا للاتفاق": an agreement already known is not a new one
    if (cls === 'agreement' && isReference(doc, t) && !reachedBefore(a, t)) continue;
    const m = modalityOf(ctx, t);
    if (m !== 'asserted') {
      mood = m;
      continue;
    }
    valid.push(t);
  }
  if (valid.length === 0 || (mood !== 'asserted' && !valid.some(eventWord))) return [];

  const dates = a.in[s].dates;
  // "الصماد، الذي قتل في غارة … في 19 نيسان": an act a relative clause tells with a day of its own is its own event
  const told = relativeAct(a, valid, dates);
  if (told) {
    const rest = valid.filter((t) => !told.triggers.includes(t));
    const inside = (first: number) => first >= told.clause.from && first < told.clause.to;
    return [
      ...actsOf(
        ctx,
        s,
        rest,
        dates.filter((d) => d !== told.date),
        (first) => !inside(first),
      ),
      ...actsOf(ctx, s, told.triggers, [told.date], inside),
    ];
  }
  return actsOf(ctx, s, valid, dates);
}

/** The acts of a relative clause that gives its own day, beside acts of the sentence outside it. */
function relativeAct(
  a: Analysis,
  valid: Mention<TriggerEntry>[],
  dates: DateMention[],
): { triggers: Mention<TriggerEntry>[]; date: DateMention; clause: { from: number; to: number } } | null {
  for (const t of valid) {
    const clause = relativeClauseOf(a.doc, t.first);
    if (!clause) continue;
    const inside = (first: number) => first >= clause.from && first < clause.to;
    const date = dates.find((d) => inside(d.first) && d.precision === 'day');
    const triggers = valid.filter((o) => inside(o.first));
    if (date && triggers.length < valid.length) return { triggers, date, clause };
  }
  return null;
}

/**
 * The events of a sentence's acts dated by `dates`, placed at places `where` admits: none for background; a motive
 * clause's act its own.
 */
function actsOf(
  ctx: DocContext,
  s: number,
  valid: Mention<TriggerEntry>[],
  dates: DateMention[],
  where: (first: number) => boolean = () => true,
): Candidate[] {
  const { a } = ctx;
  const { doc } = a;
  if (backgroundDated(ctx, s, dates, valid[0])) return [];
  // "قصفت … ردا على إطلاق صواريخ على الجولان": the act replied to is an event of its own, at its own place
  const motive = valid.filter((t) => inMotiveClause(doc, t.first));
  if (motive.length > 0 && motive.length < valid.length) {
    const main = sentenceEvents(
      ctx,
      s,
      valid.filter((t) => !motive.includes(t)),
      dates,
      where,
    );
    const replied = motiveEvent(ctx, s, motive, main[0]);
    return replied ? [...main, replied] : main;
  }
  return sentenceEvents(ctx, s, valid, dates, where);
}

/** The event a motive clause reports, placed where the clause says; it adds to no other event of its sentence. */
function motiveEvent(ctx: DocContext, s: number, motive: Mention<TriggerEntry>[], main: Candidate | undefined) {
  const { a } = ctx;
  const place = a.in[s].places
    .filter((p) => p.mention.first > motive[0].first && inMotiveClause(a.doc, p.mention.first) && !isOrigin(a, p))
    .sort((x, y) => x.precision - y.precision)[0];
  if (!place || !main) return null;
  const inClause = (first: number) => first >= motive[0].first && inMotiveClause(a.doc, first);
  const weapons = new Map<WeaponWord, Span>();
  for (const w of a.in[s].weapons) if (inClause(w.first) && !weapons.has(w.value)) weapons.set(w.value, w.span);
  const own = a.in[s].dates.find((d) => d.precision !== 'year' && inClause(d.first));
  const c: Candidate = {
    ...main,
    date: own ? { start: own.start, end: own.end, precision: toPrecision(own), evidence: own.span } : main.date,
    reportDate: own ? false : main.reportDate,
    triggers: motive,
    place,
    perpetrators: [],
    targets: [],
    weapons,
    claims: [],
    killed: [],
    injured: [],
    outcomes: new Set(),
    reference: false,
    another: true,
  };
  return c;
}

function sentenceEvents(
  ctx: DocContext,
  s: number,
  valid: Mention<TriggerEntry>[],
  dates: DateMention[],
  where: (first: number) => boolean = () => true,
): Candidate[] {
  const { a } = ctx;
  const { doc } = a;
  const sent = doc.sentences[s];
  const anchor = valid[0];
  // "أعلن الجيش، الأحد، أن طائراته قصفت … ليل السبت": the day a report was made gives way to the day of the act
  // "أعلنت الوزارة في بيان السبت مقتل … الجمعة": a date between the report and the act is the report's
  const reportDay = (d: DateMention) =>
    a.in[s].cues.some(
      (c) =>
        c.value === 'report' &&
        c.last <= d.first &&
        (d.first - c.last <= 3 || d.last <= anchor.first) &&
        c.last <= anchor.first,
    );
  // "قصفت … ردا على هجوم كيماوي … الأسبوع الماضي": a date in a motive clause is the act replied to's
  const motiveDate = (d: DateMention) => !inMotiveClause(doc, anchor.first) && inMotiveClause(doc, d.first);
  // what happened is not dated after publication ("قتل … قبل الانتخابات المقررة في 25 تموز")
  const future = (d: DateMention) => ctx.published !== null && d.start > ctx.published;
  const usable = dates.filter((d) => d.precision !== 'year' && !motiveDate(d) && !future(d));
  // a month counted from publication ("الشهر الماضي", "هذا الشهر", "الأسابيع الماضية") dates the act when it
  // comes before it ("والشهر الماضي قتلت الشرطة") or right after it; further on it dates what it follows (the
  // elections, a tally, a kidnapping before the execution reported), and the act takes the narrative's date
  const offAct = (d: DateMention) =>
    d.kind === 'period' &&
    d.precision === 'month' &&
    d.first > anchor.first &&
    !valid.some((t) => t.last <= d.first && d.first - t.last <= 2);
  const date = usable
    .filter((d) => !offAct(d))
    .filter((d, _, all) => (all.some((x) => !reportDay(x)) ? !reportDay(d) : true))
    .sort((x, y) => Math.abs(x.first - anchor.first) - Math.abs(y.first - anchor.first))[0];

  const speaker = ctx.speakers[s];
  const sources = new Set<string>();
  const srcs = a.in[s].sources;
  for (const m of srcs) {
    const agency =
      m.value.kind === 'generic' &&
      srcs.some((o) => o.first >= m.last && o.first <= m.last + 2 && o.value.kind !== 'generic');
    if (!agency) sources.add(m.value.name);
  }
  if (speaker?.source) sources.add(speaker.source);

  const { perpetrators, targets, claimants } = findActors(a, s, valid);
  const claims: Claim[] = claimants.map((c) => ({
    kind: 'responsibility',
    by: c.name,
    by_ar: c.name_ar,
    outcome: null,
    evidence: c.claimSpan,
  }));
  const outcomes = new Set<Outcome>();
  for (const c of a.in[s].cues) {
    if (!OUTCOMES.has(c.value)) continue;
    // "اعتراض" counts as an interception only where an intercept trigger stopped a projectile (readIntercept)
    if (c.value === 'intercepted') continue;
    outcomes.add(c.value as Outcome);
  }
  if (valid.some((t) => t.value.cls === 'intercept')) outcomes.add('intercepted');
  for (const o of outcomes) {
    const cue = a.in[s].cues.find((c) => c.value === o) ?? valid.find((t) => t.value.cls === 'intercept');
    const by = speaker ?? (perpetrators[0] ? { name: perpetrators[0].name, name_ar: perpetrators[0].name_ar } : null);
    if (!cue || !by) continue;
    claims.push({ kind: 'outcome', by: by.name, by_ar: by.name_ar, outcome: o, evidence: cue.span });
  }
  if (a.in[s].cues.some((c) => c.value === 'deny') && speaker) {
    const cue = a.in[s].cues.find((c) => c.value === 'deny')!;
    claims.push({ kind: 'denial', by: speaker.name, by_ar: speaker.name_ar, outcome: null, evidence: cue.span });
  }

  const weapons = new Map<WeaponWord, Span>();
  for (const w of a.in[s].weapons) if (!weapons.has(w.value)) weapons.set(w.value, w.span);
  const { killed, injured } = findFatalities(a, s);
  const evidence: Span[] = [{ start: sent.start, end: sent.end, text: doc.text.slice(sent.start, sent.end) }];

  const places = placesForEvent(a, s, valid).filter((p) => where(p.mention.first));
  const base = (place: ResolvedPlace | null): Candidate => ({
    sent: s,
    triggers: valid,
    date: date ? { start: date.start, end: date.end, precision: toPrecision(date), evidence: date.span } : null,
    ownDate: date !== undefined,
    reportDate: date !== undefined && reportDay(date),
    place,
    perpetrators,
    targets,
    weapons,
    claims,
    sources: [...sources],
    killed,
    injured,
    outcomes,
    evidence,
    reference: valid.every((t) => isReference(doc, t)),
    another: valid.some((t) => ar.anotherWords.has(doc.tokens[t.last]?.norm ?? '')),
  });
  if (places.length <= 1) return [base(places[0] ?? null)];
  // a roundup sentence: each place its own event; casualties and victims go to the place named nearest them
  const nearest = (pos: number) =>
    places.reduce((b, p) => (Math.abs(p.mention.span.start - pos) < Math.abs(b.mention.span.start - pos) ? p : b));
  return places.map((p) => {
    const c = base(p);
    c.killed = killed.filter((k) => nearest(k.span.start) === p);
    c.injured = injured.filter((k) => nearest(k.span.start) === p);
    c.targets = targets.filter((t) => t.category !== 'civilians' || nearest(t.span.start) === p);
    // "أسقطت معظمها، في حين تمكن بعضها من إصابة مبنى في برزة": a place named in a trigger's own clause keeps
    // that trigger to itself
    const inClause = (t: Mention<TriggerEntry>, q: ResolvedPlace) => {
      const c = clauseOf(doc, t.first);
      return c.from <= q.mention.first && q.mention.first < c.to;
    };
    const own = valid.filter((t) => inClause(t, p));
    if (own.length > 0 && own.length < valid.length) {
      c.triggers = own;
      c.outcomes = new Set(
        [...c.outcomes].filter((o) => o !== 'intercepted' || own.some((t) => t.value.cls === 'intercept')),
      );
    }
    return c;
  });
}

function toPrecision(d: DateMention): 'day' | 'week' | 'month' {
  return d.precision === 'week' || d.precision === 'month' ? d.precision : 'day';
}

export { isBoundary };
