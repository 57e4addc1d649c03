/**
 * An incident's own fields from its member events, by ACLED practice: the most specific location, the earliest
 * date, the most conservative fatalities; every actor, weapon, claim and source kept; disagreements flagged with
 * the members behind each value, never averaged away.
 */
import type { Actor, Place } from '../types.js';
import type { Disagreement, Incident, MemberEvent } from './types.js';

/** The value most members give (ties: the first member's, members being sorted by key). */
function mostCommon<T>(values: T[], key: (v: T) => string): T {
  const counts = new Map<string, { n: number; v: T }>();
  for (const v of values) {
    const k = key(v);
    const c = counts.get(k);
    if (c) c.n++;
    else counts.set(k, { n: 1, v });
  }
  let best: { n: number; v: T } | null = null;
  for (const c of counts.values()) if (!best || c.n > best.n) best = c;
  return best!.v;
}

function disagreement(
  field: Disagreement['field'],
  members: MemberEvent[],
  said: (m: MemberEvent) => (string | number | null)[],
): Disagreement | null {
  const by = new Map<string, { value: string | number | null; members: string[] }>();
  for (const m of members) {
    for (const v of said(m)) {
      const k = JSON.stringify(v);
      const e = by.get(k);
      if (e) e.members.push(m.key);
      else by.set(k, { value: v, members: [m.key] });
    }
  }
  return by.size > 1 ? { field, values: [...by.values()] } : null;
}

function location(members: MemberEvent[]): Place | null {
  const placed = members.map((m) => m.event.location).filter((l): l is Place => l !== null);
  if (placed.length === 0) return null;
  const finest = Math.min(...placed.map((l) => l.precision));
  return mostCommon(
    placed.filter((l) => l.precision === finest),
    (l) => l.gazetteer_id ?? `${l.lat},${l.lon}`,
  );
}

function actors(members: MemberEvent[], role: Actor['role']): Actor[] {
  const out = new Map<string, Actor>();
  for (const m of members) for (const a of m.event.actors) if (a.role === role && !out.has(a.name)) out.set(a.name, a);
  return [...out.values()];
}

const smallest = (xs: (number | null | undefined)[]) => {
  const known = xs.filter((x): x is number => typeof x === 'number');
  return known.length ? Math.min(...known) : null;
};

export function incidentFields(members: MemberEvent[]): Omit<Incident, 'id'> {
  const events = members.map((m) => m.event);
  const kind = mostCommon(events, (e) => `${e.type}/${e.subtype}`);
  const earliest = events.reduce((a, b) => (b.date.start < a.date.start ? b : a));
  const perpetrators = actors(members, 'perpetrator');
  const perpNames = new Set(perpetrators.map((a) => a.name));
  const sources = new Set<string>();
  for (const m of members) {
    if (m.source) sources.add(m.source);
    for (const s of m.event.sources ?? []) sources.add(s);
  }
  const named = (m: MemberEvent, role: Actor['role']) =>
    m.event.actors
      .filter((a) => a.role === role)
      .map((a) => a.name)
      .sort()
      .join(' + ') || null;
  const disagreements = [
    disagreement('type', members, (m) => [`${m.event.type}/${m.event.subtype}`]),
    // only what a member says: one that does not report an outcome does not disagree
    disagreement('outcome', members, (m) =>
      m.event.claims.filter((c) => c.kind === 'outcome' && c.outcome).map((c) => c.outcome as string),
    ),
    disagreement('killed', members, (m) => (m.event.fatalities.killed === null ? [] : [m.event.fatalities.killed])),
    disagreement('injured', members, (m) => (m.event.fatalities.injured === null ? [] : [m.event.fatalities.injured])),
    disagreement('perpetrator', members, (m) => (named(m, 'perpetrator') ? [named(m, 'perpetrator')] : [])),
  ].filter((d): d is Disagreement => d !== null);
  return {
    type: kind.type,
    subtype: kind.subtype,
    date: earliest.date,
    location: location(members),
    perpetrators,
    targets: actors(members, 'target').filter((a) => !perpNames.has(a.name)),
    weapons: [...new Set(events.flatMap((e) => e.weapons))],
    fatalities: {
      killed: smallest(events.map((e) => e.fatalities.killed)),
      injured: smallest(events.map((e) => e.fatalities.injured)),
    },
    claims: members.flatMap((m) => m.event.claims.map((c) => ({ ...c, member: m.key }))),
    sources: [...sources],
    members: members.map((m) => m.key),
    disagreements,
  };
}
