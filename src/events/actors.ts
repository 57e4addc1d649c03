/**
 * Perpetrator and target of an event from its sentence: the claimant of responsibility, the subject of the
 * trigger (before it, or right after a verb: VSO), the object of a masdar or of على/ضد, the passive subject of
 * تعرض ل, and nationality adjectives that name a state's forces ("قاعدة عين الأسد الأميركية", "طائرات أميركية").
 */

import type { Analysis } from '../analysis.js';
import { dataPath, readTsv, splitList } from '../data.js';
import { ar } from '../lang/ar/index.js';
import { transliterate } from '../lang/ar/transliterate.js';
import { type ActorEntry, nationalities, type TriggerEntry, traitsOf } from '../recognize/lexicons.js';
import type { Mention } from '../recognize/mention.js';
import type { Span } from '../text/span.js';
import type { ActorCategory } from '../types.js';
import { clauseOf, inMotiveClause } from './clauses.js';

export interface ActorRef {
  name: string;
  name_ar: string;
  category: ActorCategory;
  country: string | null;
  span: Span;
}

export interface Claimant extends ActorRef {
  claimSpan: Span;
}

/** a noun of a class whose trait `attacker` is set: what follows it may name who attacked */
const attackNoun = (t: Mention<TriggerEntry>) => !t.value.verb && traitsOf(t.value.cls).attacker;

/** An actor mention as the events carry it. */
export const actorRef = (m: Mention<ActorEntry>): ActorRef => ({
  name: m.value.name,
  name_ar: m.value.name_ar,
  category: m.value.category,
  country: m.value.country,
  span: m.span,
});

function prepositionBefore(a: Analysis, m: Mention<ActorEntry>): string | null {
  const prev = a.doc.tokens[m.first - 1];
  if (prev && prev.sent === m.sent && ar.actorPrepositions.has(prev.norm)) return prev.norm;
  const tok = a.doc.tokens[m.first].norm;
  if (ar.lamOrBehProclitic.test(tok) && !ar.lamOrBehStart.test(m.value.name_ar.replace(/^ال/, ''))) return 'ل';
  return null;
}

/** State forces named by a nationality adjective right after a place or a weapon word. */
function nationalityAfter(a: Analysis, end: number, s: number): { entry: ActorRef } | null {
  const toks = a.doc.tokens;
  let k = end;
  while (k < toks.length && toks[k].sent === s && toks[k].kind === 'punct' && /^["»”]$/.test(toks[k].norm)) k++;
  const m = nationalities().at(toks, k, { end: a.doc.sentences[s].last });
  if (m.length === 0) return null;
  const v = m[0].value;
  const span = { start: toks[k].start, end: toks[m[0].last - 1].end, text: '' };
  span.text = a.doc.text.slice(span.start, span.end);
  return { entry: { name: v.forces, name_ar: span.text, category: v.category, country: v.country, span } };
}

/** An organisation the NER model finds right after a claim of responsibility, named as written. */
function unknownClaimant(a: Analysis, s: number, from: number): ActorRef | null {
  const sent = a.doc.sentences[s];
  const org = a.names
    .in(Math.max(sent.first, from - 2), Math.min(sent.last, from + 10))
    .find((e) => e.value.type === 'ORG' && e.first >= from && e.first <= from + 3);
  if (!org) return null;
  const name = transliterate(org.span.text.replace(ar.groupTitle, ''));
  return { name, name_ar: org.span.text, category: 'political_militia', country: null, span: org.span };
}

export function findActors(
  a: Analysis,
  s: number,
  triggers: Mention<TriggerEntry>[],
): { perpetrators: ActorRef[]; targets: ActorRef[]; claimants: Claimant[] } {
  const { doc } = a;
  const toks = doc.tokens;
  const inS = a.in[s].actors.filter((m) => !inMotiveClause(doc, m.first));
  const perps: ActorRef[] = [];
  const targets: ActorRef[] = [];
  const claimants: Claimant[] = [];
  const add = (list: ActorRef[], r: ActorRef) => {
    if (!list.some((x) => x.name === r.name)) list.push(r);
  };
  const used = new Set<Mention<ActorEntry>>();

  // claims of responsibility: "تبنت X", "X تتبنى", "أعلن X مسؤوليته", "أعلنت X استهداف …"
  const attackish = triggers.some((t) => traitsOf(t.value.cls).attack);
  for (const c of a.in[s].cues) {
    const announce = c.value === 'report' && ar.announceVerbs.test(toks[c.first].norm) && attackish;
    if (c.value !== 'claim' && !announce) continue;
    const after = inS.find((m) => m.first >= c.last && m.first <= c.last + 4);
    const before =
      c.value === 'claim' ? inS.filter((m) => m.last <= c.first && m.last >= c.first - 3).pop() : undefined;
    const who = after ?? before;
    if (!who && c.value === 'claim') {
      // "تبنت جماعة أنصار الفرقان الهجوم": a group the lexicon does not know, found by the NER model
      const group = unknownClaimant(a, s, c.last);
      if (group) {
        add(perps, group);
        if (!claimants.some((x) => x.name === group.name)) claimants.push({ ...group, claimSpan: { ...c.span } });
      }
      continue;
    }
    if (!who || who.value.category === 'civilians' || who.value.generic) continue;
    used.add(who);
    const r = actorRef(who);
    add(perps, r);
    if (!claimants.some((x) => x.name === r.name)) claimants.push({ ...r, claimSpan: { ...c.span } });
  }

  // "اشتباكات بين قوات الجيش والحوثيين": the first side named is actor 1, the second actor 2 (ACLED's order)
  for (const t of triggers) {
    if (t.value.cls !== 'clash') continue;
    let between = t.last;
    while (between <= t.last + 3 && toks[between]?.sent === s && toks[between].norm !== 'بين') between++;
    if (toks[between]?.norm !== 'بين') continue;
    const sides = inS.filter((m) => m.first > between && m.first <= between + 8 && !used.has(m));
    if (sides.length < 2) continue;
    add(perps, actorRef(sides[0]));
    add(targets, actorRef(sides[1]));
    used.add(sides[0]);
    used.add(sides[1]);
  }

  for (const t of triggers) {
    const clause = clauseOf(doc, t.first);
    for (const m of inS) {
      if (used.has(m)) continue;
      const prep = prepositionBefore(a, m);
      const r = actorRef(m);
      if (m.value.category === 'civilians') {
        if (m.first > t.first - 8) add(targets, r);
        used.add(m);
        continue;
      }
      // the subject may sit before a comma: "مجاهدو المقاومة الإسلامية في العراق، استهدفوا"
      const commaSubject =
        t.value.verb &&
        m.last < t.first &&
        m.last >= t.first - 2 &&
        toks.slice(m.last, t.first).every((x) => x.kind === 'punct');
      if (ar.facilityNouns.test(toks[m.first - 1]?.norm.replace(/^(و|ب|ل)/, '') ?? '')) {
        if (m.first > t.first) {
          add(targets, r);
          used.add(m);
        }
        continue;
      }
      if ((m.last <= t.first && m.first >= clause.from) || commaSubject) {
        const passive = toks.slice(clause.from, t.first).some((x) => ar.passiveVerbs.test(x.norm));
        if (passive) add(targets, r);
        else if (!prep) add(perps, r);
        else continue;
        used.add(m);
      } else if (m.first >= t.last && m.first < clause.to) {
        const prevTok = toks[m.first - 1]?.norm ?? '';
        if (ar.agentWords.test(prevTok)) add(perps, r);
        else if (t.value.passive && (!prep || prep === 'في')) add(targets, r);
        else if (ar.linkedWords.test(prevTok) || (prep && ar.targetPrepositions.has(prep))) add(targets, r);
        else if (
          t.value.verb &&
          !ar.pluralVerbEnding.test(toks[t.first].norm) &&
          m.first - t.last <= 2 &&
          !prep &&
          perps.length === 0
        )
          add(perps, r);
        // "مقاتلات التحالف", "طائرات النظام": whose aircraft they are is who struck
        else if (a.in[s].weapons.some((w) => w.last === m.first && (w.value === 'airstrike' || w.value === 'drone')))
          add(perps, r);
        // "غارات لمقاتلات التحالف", "قصف لقوات النظام": ل after an attack word names who did it
        else if (prep === 'ل' && m.first - t.last <= 1 && attackNoun(t)) add(perps, r);
        else if (!prep || prep === 'ل') add(targets, r);
        else continue;
        used.add(m);
      }
    }
  }

  // "مرتبطة بالحرس الثوري" may sit in a later clause of the same sentence
  for (const m of inS) {
    if (used.has(m)) continue;
    const prevTok = toks[m.first - 1]?.norm ?? '';
    if (ar.linkedWords.test(prevTok) || ar.linkedWords.test(toks[m.first - 2]?.norm ?? '')) {
      add(targets, actorRef(m));
      used.add(m);
    }
  }

  // nationality adjectives: after a facility or site → the target's forces; after an aircraft/weapon → perpetrator
  for (const p of a.in[s].places) {
    if (p.entry.feature.startsWith('place:') || p.precision === 3) continue;
    const n = nationalityAfter(a, p.mention.last, s);
    if (n && !targets.some((x) => x.country === n.entry.country)) add(targets, n.entry);
  }
  // "طائرات حربية أميركية", "صاروخين إسرائيليين", "القصف التركي", "الغارات الإسرائيلية": the attacker's forces
  const attackWords: { last: number }[] = [...a.in[s].weapons, ...a.in[s].triggers.filter(attackNoun)];
  for (const w of attackWords) {
    const n = nationalityAfter(a, w.last, s);
    if (n && !perps.some((x) => x.country === n.entry.country) && !targets.some((x) => x.country === n.entry.country)) {
      add(perps, n.entry);
    }
  }
  // an interception: whoever intercepts is the target of the attack; the attacker is the claimant, or who the
  // article says launched it, or the armed group the article is about
  let perpetrators = perps;
  if (triggers[0]?.value.cls === 'intercept') {
    const claimed = new Set(claimants.map((c) => c.name));
    for (const p of perps) if (!claimed.has(p.name)) add(targets, p);
    perpetrators = perps.filter((p) => claimed.has(p.name));
    if (perpetrators.length === 0) {
      const attacker = mainArmedGroup(a);
      if (attacker) perpetrators = [attacker];
    }
  }
  // an actor named both ways is the perpetrator when it claims, else the target
  const perpNames = new Set(perpetrators.map((p) => p.name));
  return { perpetrators, targets: targets.filter((t) => !perpNames.has(t.name)), claimants };
}

const ARMED = new Set<ActorCategory>(['rebel_group', 'political_militia', 'identity_militia']);

/** The named non-state armed group the article mentions most (first on ties); counted once per document. */
function mainArmedGroup(a: Analysis): ActorRef | null {
  let known = mainOf.get(a);
  if (known === undefined) {
    known = countMainArmedGroup(a);
    mainOf.set(a, known);
  }
  return known;
}
const mainOf = new WeakMap<Analysis, ActorRef | null>();

function countMainArmedGroup(a: Analysis): ActorRef | null {
  const count = new Map<string, { n: number; m: Mention<ActorEntry> }>();
  for (const m of a.actors) {
    if (m.value.generic || !ARMED.has(m.value.category)) continue;
    const c = count.get(m.value.name);
    if (c) c.n++;
    else count.set(m.value.name, { n: 1, m });
  }
  let best: { n: number; m: Mention<ActorEntry> } | null = null;
  for (const c of count.values()) if (!best || c.n > best.n) best = c;
  return best ? actorRef(best.m) : null;
}

let forcesOf: Map<string, { name: string; name_ar: string }> | null = null;
/** Each country's state forces as the lexicon names them (its first state_forces row). */
function stateForces(): Map<string, { name: string; name_ar: string }> {
  if (!forcesOf) {
    forcesOf = new Map();
    for (const r of readTsv(dataPath('lexicons', 'actors.tsv'))) {
      if (r.category !== 'state_forces' || !r.country || forcesOf.has(r.country)) continue;
      forcesOf.set(r.country, { name: r.name, name_ar: splitList(r.names_ar)[0] ?? '' });
    }
  }
  return forcesOf;
}

/** A country's state forces as the lexicon names them, or null where it has none. */
export const stateForcesOf = (country: string) => stateForces().get(country) ?? null;

/**
 * "القوات الحكومية" in an event placed in Syria is Syria's forces: a government's forces named without their
 * country belong to the country of the event, where the lexicon knows its forces.
 */
export function localForces(r: ActorRef, country: string | null): ActorRef {
  if (!country || r.category !== 'state_forces' || r.country === country) return r;
  if (!ar.bareGovernmentForces.has(ar.normalizeString(r.span.text).replace(/^[وف]/, ''))) return r;
  const forces = stateForces().get(country);
  return forces ? { ...r, name: forces.name, country } : r;
}
