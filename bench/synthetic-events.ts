/**
 * Synthetic events for the fusion bench: real gazetteer places in eight countries, six years of days (as bench/api.bench.ts), a few types
 * and actors, so that neighbouring reports of one happening (same place, a day apart) fuse as real ones do.
 */
import type { MemberEvent } from '../src/fuse/types.js';
import { type GazEntry, gazetteer } from '../src/geo/gazetteer.js';
import type { EventRecord, EventType, SubType } from '../src/types.js';

/**
 * mulberry32, the benches' one deterministic generator: a float in [0, 1) per call, from 32-bit integer steps (a
 * float LCG of 31-bit products loses bits and cycles within ~2,000 draws).
 */
export function mulberry32(seed: number): () => number {
  let s = seed | 0;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An element of `xs` drawn with `rand`. */
export const pickWith =
  (rand: () => number) =>
  <T>(xs: readonly T[]): T =>
    xs[Math.floor(rand() * xs.length)];

const TYPES: [EventType, SubType][] = [
  ['explosions_remote_violence', 'air_drone_strike'],
  ['explosions_remote_violence', 'shelling_artillery_missile_attack'],
  ['battles', 'armed_clash'],
  ['violence_against_civilians', 'attack'],
];
const ACTORS = [
  ['Houthis', 'الحوثيون'],
  ['Islamic State', 'تنظيم الدولة الإسلامية'],
  ['Military Forces of Syria', 'قوات النظام السوري'],
  ['Unidentified Armed Group', 'مسلحون مجهولون'],
];
const span = (text: string) => ({ start: 0, end: text.length, text });
const day = (offset: number) => new Date(Date.UTC(2018, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10);

/** `n` events, two per document, sorted by key as the store fuses them. */
/** One made-up event: a perpetrator at a gazetteer place on a day, with a killed figure or none. */
export function syntheticRecord(
  id: string,
  p: GazEntry,
  [type, subtype]: [EventType, SubType],
  [name, nameAr]: string[],
  date: string,
  killed: number | null,
): EventRecord {
  return {
    id,
    type,
    subtype,
    date: { start: date, end: date, precision: 'day', evidence: span(date) },
    location: {
      name: p.name,
      name_ar: p.name_ar,
      lat: p.lat,
      lon: p.lon,
      country: p.country,
      admin1: p.admin1 || null,
      feature: p.feature,
      gazetteer_id: p.id,
      precision: 1,
      evidence: span(p.name_ar),
    },
    actors: [
      { role: 'perpetrator', name, name_ar: nameAr, category: 'rebel_group', country: null, evidence: span(nameAr) },
    ],
    weapons: [],
    fatalities: { killed, injured: null, evidence: [] },
    claims: [],
    sources: [],
    evidence: [span(nameAr)],
    confidence: 0.8,
  };
}

export function syntheticMembers(n: number): MemberEvent[] {
  // a fresh generator per call: the same n gives the same events whatever ran before
  const rand = mulberry32(7);
  const pick = pickWith(rand);
  const countries = new Set(['IQ', 'SY', 'YE', 'LB', 'PS', 'SD', 'LY', 'EG']);
  const all = gazetteer().entries.filter((e) => countries.has(e.country) && e.feature.startsWith('place:'));
  const members: MemberEvent[] = [];
  for (let i = 0; i < n; i++) {
    const documentId = `synthetic-${String(Math.floor(i / 2)).padStart(6, '0')}`;
    const p = pick(all);
    const [type, subtype] = pick(TYPES);
    const [name, nameAr] = pick(ACTORS);
    const date = day(Math.floor(rand() * 6 * 365));
    const killed = rand() < 0.3 ? null : Math.floor(rand() * 20);
    const event = syntheticRecord(`e${(i % 2) + 1}`, p, [type, subtype], [name, nameAr], date, killed);
    members.push({ key: `${documentId}#${event.id}`, documentId, source: null, url: null, published: null, event });
  }
  return members.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
