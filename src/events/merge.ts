/**
 * One event per place per day: candidates of a document that share a place (or where one has none and follows
 * the other closely) and a compatible date are one event, with every claim, source and weapon of both.
 */
import { haversineKm } from '../geo/gazetteer.js';
import type { Candidate } from './candidates.js';
import { classify } from './classify.js';

function sameDay(a: Candidate, b: Candidate): boolean {
  if (!a.date || !b.date) return true;
  return a.date.start <= b.date.end && b.date.start <= a.date.end;
}

function samePlace(a: Candidate, b: Candidate): boolean {
  if (!a.place || !b.place) return false;
  if (a.place.entry.id === b.place.entry.id) return true;
  if (a.place.precision === 3 || b.place.precision === 3) return false;
  return haversineKm(a.place.entry, b.place.entry) <= 10;
}

function compatibleTypes(a: Candidate, b: Candidate): boolean {
  const ta = classify(a).type;
  const tb = classify(b).type;
  if (ta === tb) return true;
  const armed = new Set([
    'battles',
    'explosions_remote_violence',
    'violence_against_civilians',
    'strategic_developments',
  ]);
  return armed.has(ta) && armed.has(tb);
}

function absorb(into: Candidate, c: Candidate): void {
  into.triggers = [...into.triggers, ...c.triggers];
  if (!into.place || (c.place && c.place.precision < into.place.precision)) into.place = c.place;
  if ((!into.ownDate && c.ownDate) || !into.date) {
    into.date = c.date;
    into.ownDate = c.ownDate;
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

/** Merge candidates in document order. A placeless candidate joins the event of the sentence just before it. */
export function mergeCandidates(cands: Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  for (const c of cands) {
    let target = out.find((e) => samePlace(e, c) && sameDay(e, c) && compatibleTypes(e, c));
    if (!target && !c.place) {
      const prev = out[out.length - 1];
      if (prev && c.sent - prev.sent <= 2 && sameDay(prev, c) && compatibleTypes(prev, c)) target = prev;
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
  return out;
}
