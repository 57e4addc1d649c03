/**
 * A large synthetic store for the benches (bench/api.bench.ts, bench/load.bench.ts): N events in N/2 documents, fused
 * into incidents of one or two members, made by deterministic generators and bulk-written in chunks; and varied
 * list queries over it, as the web app would send them.
 */
import { sql } from 'kysely';
import { fuseIncident } from '../src/fuse/fuse.js';
import type { Incident, MemberEvent } from '../src/fuse/types.js';
import { type GazEntry, gazetteer } from '../src/geo/gazetteer.js';
import { insertIncidents } from '../src/store/incidents.js';
import type { Store } from '../src/store/open.js';
import { eventColumns } from '../src/store/rows.js';
import { documentSearch } from '../src/store/search-text.js';
import type { EventRecord, EventType, SubType } from '../src/types.js';
import { mulberry32, pickWith, syntheticRecord } from './synthetic-events.js';

/** documents per write: their events' records are ~1.5 KB of jsonb each */
export const CHUNK = 2500;

/** Deterministic generators, so every run measures the same store and the same queries. */
const rand = mulberry32(42);
const pick = pickWith(rand);
const queryRand = mulberry32(43);
const pickQuery = pickWith(queryRand);

const TYPES: [EventType, SubType][] = [
  ['explosions_remote_violence', 'air_drone_strike'],
  ['explosions_remote_violence', 'shelling_artillery_missile_attack'],
  ['explosions_remote_violence', 'remote_explosive_landmine_ied'],
  ['battles', 'armed_clash'],
  ['violence_against_civilians', 'attack'],
  ['protests', 'peaceful_protest'],
  ['strategic_developments', 'arrests'],
];
const ACTORS = [
  ['Islamic Resistance in Iraq', 'المقاومة الإسلامية في العراق'],
  ['Houthis', 'الحوثيون'],
  ['Military Forces of Syria', 'قوات النظام السوري'],
  ['Islamic State', 'تنظيم الدولة الإسلامية'],
  ['Israeli Military Forces', 'الجيش الإسرائيلي'],
  ['Syrian Democratic Forces', 'قوات سوريا الديمقراطية'],
  ['Rapid Support Forces', 'قوات الدعم السريع'],
  ['Unidentified Armed Group', 'مسلحون مجهولون'],
];
const FILLER = 'قال مصدر أمني إن الهجوم وقع مساء أمس وأسفر عن أضرار مادية في المنطقة بحسب وسائل إعلام محلية'.split(' ');

/** The 400 places events happen at (their own generator: the same for the store and the queries). */
export const places = (() => {
  let where: GazEntry[] | null = null;
  return () => {
    if (where) return where;
    const countries = new Set(['IQ', 'SY', 'YE', 'LB', 'PS', 'SD', 'LY', 'EG']);
    const all = gazetteer().entries.filter(
      (e) => countries.has(e.country) && e.feature.startsWith('place:') && e.name_ar,
    );
    const pickPlace = pickWith(mulberry32(41));
    where = Array.from({ length: 400 }, () => pickPlace(all));
    return where;
  };
})();

export function day(offset: number): string {
  return new Date(Date.UTC(2018, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10);
}

interface Synth {
  doc: { id: string; title: string; text: string };
  events: { key: string; record: EventRecord }[];
}

function document(d: number, n: number): Synth {
  const where = places();
  const id = `bench-${String(d).padStart(7, '0')}`;
  const events: { key: string; record: EventRecord }[] = [];
  const words: string[] = [];
  for (let k = 1; k <= 2 && d * 2 + k <= n; k++) {
    const p = pick(where);
    const [type, subtype] = pick(TYPES);
    const [name, nameAr] = pick(ACTORS);
    const date = day(Math.floor(rand() * 6 * 365));
    const killed = rand() < 0.3 ? null : Math.floor(rand() * 20);
    words.push(nameAr, 'في', p.name_ar, ...Array.from({ length: 12 }, () => pick(FILLER)));
    const record = syntheticRecord(`e${k}`, p, [type, subtype], [name, nameAr], date, killed);
    events.push({ key: `${id}#e${k}`, record });
  }
  return { doc: { id, title: `خبر ${d}`, text: words.join(' ') }, events };
}

/**
 * `n` events in chunks of CHUNK documents, each with the incidents made so far: one member, or two (events of
 * neighbouring documents) for a third of them. An incident never names an event of a later chunk.
 *
 * The two members of an incident are made up independently (other places, other days), which list queries do not
 * mind; but fusing new events into such a store (bench:load ingests alongside) cuts every incident it touches again,
 * reaching its other member anywhere in the store, and so on: the affected region grows to most of the store. With
 * `sameHappening`, the second member is a second report of the first one's happening (its place, day, type and
 * perpetrator; its own document and toll), as fusion would have joined them, so regions stay local.
 */
export function* synthesize(
  n: number,
  { sameHappening = false }: { sameHappening?: boolean } = {},
): Generator<{ docs: Synth[]; incidents: Incident[] }> {
  const waiting: MemberEvent[] = [];
  // takes incidents off the front of the waiting members while `least` of them are there
  const fuseWaiting = (least: number, into: Incident[]) => {
    while (waiting.length >= least && waiting.length > 0) {
      const two = rand() < 0.33 && waiting.length > 2 && waiting[2].documentId !== waiting[0].documentId;
      const group = two ? [waiting[0], waiting[2]] : [waiting[0]];
      if (two && sameHappening) {
        const [first, second] = [group[0].event, group[1].event];
        Object.assign(second, {
          type: first.type,
          subtype: first.subtype,
          date: { ...first.date },
          location: first.location && { ...first.location },
          actors: first.actors.map((a) => ({ ...a })),
        });
      }
      waiting.splice(0, 1);
      if (two) waiting.splice(1, 1);
      into.push(fuseIncident(group));
    }
  };
  let docs: Synth[] = [];
  let incidents: Incident[] = [];
  for (let d = 0; d * 2 < n; d++) {
    const s = document(d, n);
    docs.push(s);
    for (const e of s.events)
      waiting.push({ key: e.key, documentId: s.doc.id, source: null, url: null, published: null, event: e.record });
    fuseWaiting(3, incidents);
    if (docs.length === CHUNK) {
      yield { docs, incidents };
      docs = [];
      incidents = [];
    }
  }
  fuseWaiting(0, incidents);
  if (docs.length || incidents.length) yield { docs, incidents };
}

/** One chunk, in a few statements of arrays (unnest). */
export async function write(store: Store, docs: Synth[], incidents: Incident[]): Promise<void> {
  const db = store.db;
  if (docs.length) {
    await sql`
      insert into documents (id, content_hash, title, text, search)
      select * from unnest(${docs.map((s) => s.doc.id)}::text[], ${docs.map((s) => s.doc.id)}::text[],
        ${docs.map((s) => s.doc.title)}::text[], ${docs.map((s) => s.doc.text)}::text[],
        ${docs.map((s) => documentSearch(s.doc.title, s.doc.text))}::text[])`.execute(db);
    const x = await sql<{ id: string; document_id: string }>`
      insert into extractions (document_id, extractor_version)
      select d, 'bench' from unnest(${docs.map((s) => s.doc.id)}::text[]) d returning id, document_id`.execute(db);
    const extraction = new Map(x.rows.map((r) => [r.document_id, r.id]));
    const ev = docs.flatMap((s) => s.events.map((e) => ({ ...e, doc: s.doc.id, cols: eventColumns(e.record) })));
    const c = <K extends keyof (typeof ev)[number]['cols']>(k: K) => ev.map((e) => e.cols[k]);
    await sql`
      insert into events (key, document_id, extraction_id, event_id, type, subtype, date_start, date_end,
        date_precision, lat, lon, country, admin1, location_precision, killed, injured, confidence, names, actors,
        record, fused)
      select *, true from unnest(${ev.map((e) => e.key)}::text[], ${ev.map((e) => e.doc)}::text[],
        ${ev.map((e) => extraction.get(e.doc)!)}::bigint[], ${ev.map((e) => e.record.id)}::text[],
        ${c('type')}::text[], ${c('subtype')}::text[], ${c('date_start')}::date[], ${c('date_end')}::date[],
        ${c('date_precision')}::text[], ${c('lat')}::float8[], ${c('lon')}::float8[], ${c('country')}::text[],
        ${c('admin1')}::text[], ${c('location_precision')}::int2[], ${c('killed')}::int4[], ${c('injured')}::int4[],
        ${c('confidence')}::float4[], ${c('names')}::text[], ${c('actors')}::text[],
        ${ev.map((e) => JSON.stringify(e.record))}::jsonb[])`.execute(db);
  }
  await insertIncidents(db, incidents);
}

const KINDS = ['country', 'from–to', 'bbox', 'q (text)', 'actor', 'type+country', 'subtype', 'no filter'];

/** Varied list queries, as the web app would send them. */
export function queries(n: number, where: GazEntry[]): { url: string; kind: string }[] {
  const out: { url: string; kind: string }[] = [];
  const sorts = ['-date', 'date', '-killed', 'members', '-members'];
  for (let i = 0; i < n; i++) {
    const p = new URLSearchParams();
    const route = i % 3 === 2 ? '/api/events' : '/api/incidents';
    const kind = i % 8;
    const place = pickQuery(where);
    if (kind === 0) p.set('country', pickQuery(['IQ', 'SY', 'YE', 'SD']));
    if (kind === 1) {
      const from = day(Math.floor(queryRand() * 2000));
      p.set('from', from);
      p.set(
        'to',
        day(Math.floor(queryRand() * 60) + Math.floor((Date.parse(from) - Date.UTC(2018, 0, 1)) / 86_400_000)),
      );
    }
    if (kind === 2)
      p.set('bbox', [place.lon - 1, place.lat - 1, place.lon + 1, place.lat + 1].map((x) => x.toFixed(3)).join(','));
    if (kind === 3) p.set('q', place.name_ar.replace(/[أإآ]/g, 'ا'));
    if (kind === 4) p.set('actor', pickQuery(ACTORS)[queryRand() < 0.5 ? 0 : 1].split(' ')[0]);
    if (kind === 5) {
      p.set('type', pickQuery(TYPES)[0]);
      p.set('country', place.country);
    }
    if (kind === 6) p.set('subtype', pickQuery(TYPES)[1]);
    p.set('sort', pickQuery(sorts));
    p.set('limit', String(pickQuery([50, 100, 100, 200])));
    p.set('offset', String(pickQuery([0, 0, 100, 1000])));
    out.push({ url: `${route}?${p}`, kind: `${route.slice(5)} ${KINDS[kind]}` });
  }
  return out;
}

/** Writes `n` synthetic events with their incidents into `store` (as synthesize); the counts written. */
export async function writeSynthetic(
  store: Store,
  n: number,
  opts: { sameHappening?: boolean } = {},
): Promise<{ documents: number; incidents: number }> {
  let documents = 0;
  let incidents = 0;
  for (const chunk of synthesize(n, opts)) {
    await write(store, chunk.docs, chunk.incidents);
    documents += chunk.docs.length;
    incidents += chunk.incidents.length;
  }
  return { documents, incidents };
}
