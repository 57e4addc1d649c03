/**
 * Where an event happened: the most specific places tied to its triggers. Launch points ("انطلقت من", "من جهة"),
 * places in a motive clause ("ردا على … في غزة") and places before the trigger that are not fronted locatives
 * are skipped. Places within 60 km of a more specific one are the same place; farther ones are separate events.
 */
import type { Analysis } from '../analysis.js';
import { haversineKm } from '../geo/gazetteer.js';
import type { ResolvedPlace } from '../geo/resolve.js';
import type { TriggerEntry } from '../recognize/lexicons.js';
import type { Mention } from '../recognize/mention.js';
import { clauseOf, inMotiveClause } from './clauses.js';

const ORIGIN = /^(انطلق|انطلقت|اطلقت|اطلق|اطلاقها|اطلاقهما|اطلاقه|مصدرها|مصدره)$/;

function isOrigin(a: Analysis, p: ResolvedPlace): boolean {
  const toks = a.doc.tokens;
  for (let k = Math.max(0, p.mention.first - 6); k < p.mention.first; k++) {
    if (toks[k].sent !== p.mention.sent) continue;
    if (ORIGIN.test(toks[k].norm)) return true;
    if (toks[k].norm === 'جهه' && toks[k - 1]?.norm === 'من') return true;
  }
  return false;
}

function inMotive(a: Analysis, p: ResolvedPlace): boolean {
  return inMotiveClause(a.doc, p.mention.first);
}

export function placesForEvent(a: Analysis, s: number, triggers: Mention<TriggerEntry>[]): ResolvedPlace[] {
  const sent = a.doc.sentences[s];
  const firstTrigger = triggers[0].first;
  const fronted = sent.first + 3;
  const cands = a.in[s].places.filter(
    (p) =>
      (p.mention.first > firstTrigger ||
        p.mention.first <= fronted ||
        clauseOf(a.doc, p.mention.first).from === clauseOf(a.doc, firstTrigger).from) &&
      p.mention.first >= a.dateline &&
      !isOrigin(a, p) &&
      !inMotive(a, p),
  );
  const specific = cands.filter((p) => p.precision < 3);
  if (specific.length === 0) {
    // only areas: the smallest one (a province before a country)
    const admin = cands.find((p) => p.entry.feature === 'admin1');
    return admin ? [admin] : cands.slice(0, 1);
  }
  // most specific first; a place near a kept one is the same place
  const ordered = [...specific].sort((x, y) => x.precision - y.precision || x.mention.first - y.mention.first);
  const kept: ResolvedPlace[] = [];
  for (const p of ordered) {
    if (kept.some((k) => haversineKm(k.entry, p.entry) <= 60)) continue;
    kept.push(p);
  }
  return kept.sort((x, y) => x.mention.first - y.mention.first);
}
