/** 10,000 made-up incidents over the Middle East for the map's speed test (a fixed seed: the same every run). */
import type { Incident } from '../../src/fuse/types.js';
import type { Point } from '../../src/web/api-types.js';

const TYPES: [string, string][] = [
  ['explosions_remote_violence', 'air_drone_strike'],
  ['explosions_remote_violence', 'shelling_artillery_missile_attack'],
  ['battles', 'armed_clash'],
  ['violence_against_civilians', 'attack'],
  ['protests', 'peaceful_protest'],
  ['riots', 'violent_demonstration'],
  ['strategic_developments', 'arrests'],
];

function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export function syntheticPoints(n: number): Point[] {
  const r = random(42);
  const start = Date.UTC(2022, 0, 1);
  return Array.from({ length: n }, (_, i) => {
    const [type, subtype] = TYPES[Math.floor(r() * TYPES.length)];
    const killed = r() < 0.6 ? 0 : Math.floor(r() ** 3 * 60);
    return {
      id: `syn-${i}`,
      lat: 13 + r() * 24,
      lon: 32 + r() * 24,
      type,
      subtype,
      date: new Date(start + Math.floor(r() * 730) * 86_400_000).toISOString().slice(0, 10),
      killed,
      injured: Math.floor(killed * r() * 2),
      members: 1 + Math.floor(r() * 3),
      place: `Place ${i}`,
      placeAr: null,
      precision: 1,
    };
  });
}

export function syntheticIncidents(points: Point[]): Incident[] {
  return [...points]
    .sort((a, b) => b.date.localeCompare(a.date))
    .map((p) => ({
      id: p.id,
      type: p.type as Incident['type'],
      subtype: p.subtype as Incident['subtype'],
      date: { start: p.date, end: p.date, precision: 'day' },
      location: {
        name: p.place ?? '',
        name_ar: p.place ?? '',
        lat: p.lat!,
        lon: p.lon!,
        country: 'IQ',
        admin1: null,
        feature: 'city',
        gazetteer_id: p.id,
        precision: 1,
        evidence: { start: 0, end: 0, text: '' },
      },
      perpetrators: [],
      targets: [],
      weapons: [],
      fatalities: { killed: p.killed, injured: p.injured },
      claims: [],
      sources: [],
      members: Array.from({ length: p.members }, (_, i) => `${p.id}#e${i}`),
      disagreements: [],
    }));
}
