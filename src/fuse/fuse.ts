/**
 * Incidents across documents: events of different articles that report one occurrence are fused. Two events may
 * be one when their places agree (≤ 25 km, or the same admin area where one is only placed at that area), their
 * dates agree (±1 day), their kinds belong to one family and their actors do not contradict each other. Incidents
 * join compatible events from the closest pair on, never two events of one document, so they depend on the set
 * of events and not on the order documents arrive in.
 */
import { createHash } from 'node:crypto';
import { dayOfIso } from '../days.js';
import { haversineKm } from '../geo/gazetteer.js';
import type { EventRecord } from '../types.js';
import { incidentFields } from './fields.js';
import type { Incident, MemberEvent } from './types.js';

const NEAR_KM = 25;

/** Days since 1970 of an ISO date, remembered: fusing many events asks for the same few thousand dates millions of
 * times. */
const dayNumbers = new Map<string, number>();
export function dayOf(iso: string): number {
  let day = dayNumbers.get(iso);
  if (day === undefined) {
    if (dayNumbers.size >= 100_000) dayNumbers.clear();
    day = dayOfIso(iso) ?? Number.NaN;
    dayNumbers.set(iso, day);
  }
  return day;
}

/** Two events' dates agree when they are at most this many days apart (each may be a day off). */
export const DAY_SLACK = 2;

/** Political violence is one family (a battle absorbs the shelling within it); demonstrations another. */
export function family(e: Pick<EventRecord, 'type' | 'subtype'>): string {
  if (
    e.type === 'battles' ||
    e.type === 'explosions_remote_violence' ||
    e.type === 'violence_against_civilians' ||
    e.subtype === 'disrupted_weapons_use'
  )
    return 'political_violence';
  if (e.type === 'protests' || e.type === 'riots') return 'demonstrations';
  return `${e.type}/${e.subtype}`;
}

const names = (e: EventRecord, role: 'perpetrator' | 'target') =>
  new Set(e.actors.filter((x) => x.role === role).map((x) => x.name));

function placesAgree(a: EventRecord, b: EventRecord): boolean {
  const la = a.location;
  const lb = b.location;
  if (!la || !lb || la.country !== lb.country) return false;
  if (la.precision < 3 && lb.precision < 3) return haversineKm(la, lb) <= NEAR_KM;
  // one is only placed at an area: the other must lie in that area
  const area = la.precision === 3 ? la : lb;
  const other = area === la ? lb : la;
  // two reports placed only in a country are one occurrence only if they say the same thing by the same hand
  if (area.feature === 'country')
    return (
      other.precision === 3 &&
      other.feature === 'country' &&
      a.subtype === b.subtype &&
      [...names(a, 'perpetrator')].some((n) => names(b, 'perpetrator').has(n))
    );
  if (other.precision === 3) return area.gazetteer_id === other.gazetteer_id;
  return !!area.admin1 && area.admin1 === other.admin1;
}

function datesAgree(a: EventRecord, b: EventRecord): boolean {
  const [as, ae] = [dayOf(a.date.start), dayOf(a.date.end ?? a.date.start)];
  const [bs, be] = [dayOf(b.date.start), dayOf(b.date.end ?? b.date.start)];
  return as <= be + DAY_SLACK && bs <= ae + DAY_SLACK;
}

/** One side's attacker is the other's victim and the other way round: two attacks, not one seen twice. */
function actorsContradict(a: EventRecord, b: EventRecord): boolean {
  const [pa, ta, pb, tb] = [names(a, 'perpetrator'), names(a, 'target'), names(b, 'perpetrator'), names(b, 'target')];
  const crosses = (x: Set<string>, y: Set<string>) => [...x].some((n) => y.has(n));
  return crosses(pa, tb) && crosses(pb, ta) && !crosses(pa, pb);
}

export function compatible(a: MemberEvent, b: MemberEvent): boolean {
  if (a.documentId === b.documentId) return false;
  const [ea, eb] = [a.event, b.event];
  return family(ea) === family(eb) && datesAgree(ea, eb) && placesAgree(ea, eb) && !actorsContradict(ea, eb);
}

type Box = number[] | null;
const joinBox = (a: Box, b: Box): Box =>
  !a ? b : !b ? a : [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])];

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** How far apart two compatible events are: km, plus a day's difference and a different sub-type as penalties. */
function closeness(a: EventRecord, b: EventRecord): number {
  const km = a.location!.precision < 3 && b.location!.precision < 3 ? haversineKm(a.location!, b.location!) : NEAR_KM;
  const days = Math.abs(dayOf(a.date.start) - dayOf(b.date.start));
  return km + days * 10 + (a.subtype === b.subtype ? 0 : 15);
}

/** A stable id for the incident whose smallest member key is `key`. */
export function incidentId(key: string): string {
  return `inc-${createHash('sha1').update(key).digest('hex').slice(0, 12)}`;
}

export function fuseIncident(members: MemberEvent[]): Incident {
  if (members.length === 0) throw new Error('an incident needs at least one member event');
  const sorted = [...members].sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
  return { id: incidentId(sorted[0].key), ...incidentFields(sorted) };
}

/**
 * Connected components of `compatible` over many members. Blocking: a point is compared with the points of its
 * own and the neighbouring half-degree cells and with the areas of its country, on days within ±2; an area with
 * everything in its country on those days.
 */
export function clusterMembers(members: MemberEvent[]): MemberEvent[][] {
  const placed = members.filter((m) => m.event.location && m.event.date?.start);
  const parent = placed.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  };
  const points = new Map<string, number[]>();
  const areas = new Map<string, number[]>();
  const everything = new Map<string, number[]>();
  const push = (map: Map<string, number[]>, k: string, i: number) => {
    const list = map.get(k);
    if (list) list.push(i);
    else map.set(k, [i]);
  };
  const cell = (lat: number, lon: number) => `${Math.floor(lat * 2)}:${Math.floor(lon * 2)}`;
  placed.forEach((m, i) => {
    const l = m.event.location!;
    const day = dayOf(m.event.date.start);
    push(everything, `${day}|${l.country}`, i);
    if (l.precision === 3) push(areas, `${day}|${l.country}`, i);
    else push(points, `${day}|${cell(l.lat, l.lon)}`, i);
  });
  // candidate pairs first, then unions from the closest pair on, never joining two events of one document (the
  // article already told them apart): the result depends on the set of members, not on their order
  const pairs: [number, number, number][] = [];
  // what the blocking looks at, per member: its day, the days it looks at, its country, its cell (NaN when unplaced)
  const n = placed.length;
  const [bucketDay, firstDay, lastDay, cellY, cellX] = Array.from({ length: 5 }, () => new Float64Array(n));
  const isArea = new Uint8Array(n);
  const country: (string | null)[] = [];
  placed.forEach((m, i) => {
    const l = m.event.location!;
    bucketDay[i] = dayOf(m.event.date.start);
    firstDay[i] = dayOf(m.event.date.start) - DAY_SLACK;
    lastDay[i] = dayOf(m.event.date.end ?? m.event.date.start) + DAY_SLACK;
    isArea[i] = l.precision === 3 ? 1 : 0;
    country.push(l.country);
    cellY[i] = Math.floor(l.lat * 2);
    cellX[i] = Math.floor(l.lon * 2);
  });
  // cells are keyed by their text: a cell that is not a number (no coordinates) meets only its own kind
  const near = (a: number, b: number) =>
    Number.isFinite(a) && Number.isFinite(b) ? Math.abs(a - b) <= 1 : Object.is(a, b);
  /** Whether j's blocking looks in the list that holds i. */
  const meets = (j: number, i: number) =>
    firstDay[j] <= bucketDay[i] &&
    bucketDay[i] <= lastDay[j] &&
    (isArea[j] || isArea[i] ? country[j] === country[i] : near(cellY[j], cellY[i]) && near(cellX[j], cellX[i]));
  const compare = (i: number, list: number[] | undefined) => {
    // blocking is not symmetric (an area sees points, a point only areas of its country; spans differ), so every
    // pair is taken from whichever side meets it first: members are visited in order, so a pair is skipped where
    // an earlier member has met it already (no set of the pairs seen: at a million events they outgrow a Set)
    for (const j of list ?? []) {
      if (j === i || (j < i && meets(j, i))) continue;
      const [lo, hi] = i < j ? [i, j] : [j, i];
      if (!compatible(placed[lo], placed[hi])) continue;
      // the pair's own order is by key, so that ties sort the same whatever order the members came in
      const [x, y] = placed[lo].key < placed[hi].key ? [lo, hi] : [hi, lo];
      pairs.push([closeness(placed[x].event, placed[y].event), x, y]);
    }
  };
  placed.forEach((m, i) => {
    const l = m.event.location!;
    for (let d = firstDay[i]; d <= lastDay[i]; d++) {
      if (l.precision === 3) {
        compare(i, everything.get(`${d}|${l.country}`));
        continue;
      }
      compare(i, areas.get(`${d}|${l.country}`));
      const [y, x] = [cellY[i], cellX[i]];
      // a cell that is not a number has no neighbours: its list is looked in once
      const span = (c: number) => (Number.isFinite(c) ? [-1, 0, 1] : [0]);
      for (const dy of span(y)) for (const dx of span(x)) compare(i, points.get(`${d}|${y + dy}:${x + dx}`));
    }
  });
  const key = (i: number) => placed[i].key;
  pairs.sort((a, b) => a[0] - b[0] || cmp(key(a[1]), key(b[1])) || cmp(key(a[2]), key(b[2])));
  // what a component holds: its documents, its first and last day, the box around its points
  const extent = placed.map((m) => {
    const l = m.event.location!;
    const day = dayOf(m.event.date.start);
    const point = l.precision < 3;
    return {
      docs: new Set([m.documentId]),
      first: day,
      last: day,
      box: point ? [l.lat, l.lon, l.lat, l.lon] : null,
    };
  });
  for (const [, i, j] of pairs) {
    const [ri, rj] = [find(i), find(j)];
    if (ri === rj) continue;
    const [x, y] = [extent[ri], extent[rj]];
    // one occurrence: no two events of one document, within ±1 day, within 25 km either way of its middle
    if ([...x.docs].some((d) => y.docs.has(d))) continue;
    const first = Math.min(x.first, y.first);
    const last = Math.max(x.last, y.last);
    if (last - first > 2) continue;
    const box = joinBox(x.box, y.box);
    if (box && haversineKm({ lat: box[0], lon: box[1] }, { lat: box[2], lon: box[3] }) > 2 * NEAR_KM) continue;
    const [keep, gone] = ri < rj ? [ri, rj] : [rj, ri];
    parent[gone] = keep;
    for (const d of extent[gone].docs) extent[keep].docs.add(d);
    extent[keep] = { docs: extent[keep].docs, first, last, box };
  }
  const groups = new Map<number, MemberEvent[]>();
  placed.forEach((m, i) => {
    const r = find(i);
    const g = groups.get(r);
    if (g) g.push(m);
    else groups.set(r, [m]);
  });
  return [...groups.values()];
}

/** Every incident of many members, in date order then id (the same members give the same list in any order). */
export function fuseAll(members: MemberEvent[]): Incident[] {
  return clusterMembers(members)
    .map(fuseIncident)
    .sort((a, b) => (a.date.start < b.date.start ? -1 : a.date.start > b.date.start ? 1 : a.id < b.id ? -1 : 1));
}
