/**
 * Where an event the rules could not place happened: each distinct place the document names is an option, described
 * by how far from the event's sentences it is named, how often and how early, how precise it is, and whether other
 * events of the article are there. A model scores the options; the best one places the event if it scores enough.
 */
import type { Analysis } from '../analysis.js';
import { daysBetween } from '../days.js';
import type { Candidate } from '../events/candidates.js';
import { classify } from '../events/classify.js';
import { eventTypeOf } from '../events/taxonomy.js';
import type { ResolvedPlace } from '../geo/resolve.js';
import type { EventContext } from './event-features.js';
import { bucket } from './sparse.js';

export interface PlaceOption {
  place: ResolvedPlace;
  features: string[];
}

/** The options for a placeless event: the distinct places of the document, each at its mention nearest the event. */
interface NamedPlaces {
  /** the mentions of each place, by gazetteer id, in the order the article first names them */
  byId: Map<string, ResolvedPlace[]>;
  order: string[];
  /** where each place stands in `order` */
  rankOf: Map<string, number>;
  /** the places named in the lead or the dateline: options for any event */
  opening: Set<string>;
  /** the country the article names most */
  topCountry: string | undefined;
}

/** The places an article names, grouped: once per document, not once per event. */
function namedPlaces(a: Analysis): NamedPlaces {
  let known = namedOf.get(a);
  if (!known) {
    const byId = new Map<string, ResolvedPlace[]>();
    for (const p of a.places) {
      const list = byId.get(p.entry.id);
      if (list) list.push(p);
      else byId.set(p.entry.id, [p]);
    }
    const countries = new Map<string, number>();
    for (const p of a.places) countries.set(p.entry.country, (countries.get(p.entry.country) ?? 0) + 1);
    const topCountry = [...countries].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))[0]?.[0];
    const order = [...byId.keys()];
    const opening = new Set(
      a.places.filter((p) => p.mention.sent === 0 || p.mention.first < a.dateline).map((p) => p.entry.id),
    );
    known = { byId, order, rankOf: new Map(order.map((id, i) => [id, i])), opening, topCountry };
    namedOf.set(a, known);
  }
  return known;
}
const namedOf = new WeakMap<object, NamedPlaces>();

const WINDOW = 10;

interface Taken {
  ids: Set<string>;
  countries: Set<string>;
  /** how many events were placed when it was counted: a place given since makes it stale */
  placed: number;
}
/**
 * The places and countries the events of a document are placed at: once per document, not once per event (the
 * options are read for placeless events only, so none of these is the event's own).
 */
function takenPlaces(events: readonly Candidate[]): Taken {
  const placed = events.reduce((n, e) => n + (e.place ? 1 : 0), 0);
  let t = takenOf.get(events);
  if (!t || t.placed !== placed) {
    const all = events.filter((e) => e.place).map((e) => e.place!.entry);
    t = { ids: new Set(all.map((e) => e.id)), countries: new Set(all.map((e) => e.country)), placed };
    takenOf.set(events, t);
  }
  return t;
}
const takenOf = new WeakMap<readonly Candidate[], Taken>();

export function placeOptions(c: Candidate, a: Analysis, ctx: EventContext): PlaceOption[] {
  const sents = c.triggers.map((t) => t.sent);
  const first = Math.min(c.sent, ...sents);
  const last = Math.max(c.sent, ...sents);
  const dist = (p: ResolvedPlace) =>
    p.mention.sent < first ? first - p.mention.sent : p.mention.sent > last ? p.mention.sent - last : 0;
  const { byId, order, rankOf, opening, topCountry } = namedPlaces(a);
  // the places named within WINDOW sentences of the event, or in the lead or the dateline: a place named only far
  // away is not where it happened, and offering every place of a long document to every event is quadratic
  const near = new Set(opening);
  for (let s = Math.max(0, first - WINDOW); s <= Math.min(a.in.length - 1, last + WINDOW); s++)
    for (const p of a.in[s].places) near.add(p.entry.id);
  const ids = near.size === order.length ? order : [...near].sort((x, y) => rankOf.get(x)! - rankOf.get(y)!);
  const taken = takenPlaces(ctx.events);
  const type = eventTypeOf(classify(c));
  const ev = evidenceFeatures(c, a);
  const out: PlaceOption[] = [];
  ids.forEach((id) => {
    const rank = rankOf.get(id)!;
    const mentions = byId.get(id)!;
    const nearest = mentions.reduce((b, p) => (dist(p) < dist(b) ? p : b));
    const d = dist(nearest);
    const before = mentions.some((p) => p.mention.sent <= last);
    const e = nearest.entry;
    const f = [
      `dist=${bucket(d)}`,
      `side=${d === 0 ? 'same' : nearest.mention.sent < first ? 'before' : 'after'}`,
      `before=${before}`,
      `prec=${nearest.precision}`,
      `feat=${e.feature.split('.')[0]}`,
      `count=${bucket(mentions.length)}`,
      `rank=${bucket(rank)}`,
      `lead=${mentions.some((p) => p.mention.sent === 0)}`,
      `dateline=${mentions.some((p) => p.mention.first < a.dateline)}`,
      `topcountry=${e.country === topCountry}`,
      `type=${type}`,
      `prec×dist=${nearest.precision}×${bucket(d)}`,
      `type×prec=${type}×${nearest.precision}`,
    ];
    if (taken.ids.has(id)) f.push('taken=same');
    else if (taken.countries.has(e.country)) f.push('taken=country');
    else f.push('taken=none');
    f.push(...ev, `owndate×dist=${c.ownDate}×${bucket(d)}`);
    out.push({ place: nearest, features: f });
  });
  return out;
}

/**
 * What the event's own sentence says of it, the same for every option: whether it is an event of its own at all
 * (its own date, how long ago, a reference back, how the sentence opens, its cue words), so that a placeless
 * background or summary sentence is left unplaced whatever place is near it.
 */
function evidenceFeatures(c: Candidate, a: Analysis): string[] {
  const { doc } = a;
  const s = Math.min(c.sent, ...c.triggers.map((t) => t.sent));
  const sent = doc.sentences[s];
  const first = doc.tokens[sent.first].norm;
  const f = [
    `ev:owndate=${c.ownDate}`,
    `ev:cls0=${c.triggers[0]?.value.cls ?? 'none'}`,
    `ev:ref=${c.reference}`,
    `ev:perp=${c.perpetrators.length > 0}`,
    `ev:toll=${c.killed.length + c.injured.length > 0}`,
    `ev:s0=${first.length > 3 ? first.replace(/^[وف]/, '') : first}`,
    `ev:lead=${s <= 1}`,
  ];
  if (c.date && doc.published) f.push(`ev:ago=${bucket(daysBetween(c.date.start, doc.published))}`);
  for (const cue of a.in[s].cues) f.push(`ev:cue=${cue.value}`);
  return f;
}
