/**
 * API list queries on a large store (npm run bench:api, or part of npm run bench): 100,000 synthetic events in
 * 50,000 documents fused into incidents of one or two members, bulk-written into a fresh PGlite store, then 200
 * varied /api/incidents and /api/events queries (filters, text search, sorts, pages) through fastify's inject.
 * Prints p50/p95/max. Figures only; never a timed test.
 *
 * usage: node --import tsx bench/api.bench.ts [--events N] [--queries N]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { buildServer } from '../src/api/server.js';
import { fuseIncident } from '../src/fuse/fuse.js';
import type { Incident } from '../src/fuse/types.js';
import { type GazEntry, gazetteer } from '../src/geo/gazetteer.js';
import { openStore, type Store } from '../src/store/open.js';
import { eventColumns, incidentColumns } from '../src/store/rows.js';
import { documentSearch } from '../src/store/search-text.js';
import type { EventRecord, EventType } from '../src/types.js';

const args = process.argv.slice(2);
const arg = (name: string, dflt: number) => {
  const at = args.indexOf(name);
  return at >= 0 ? Number(args[at + 1]) : dflt;
};
const N_EVENTS = arg('--events', 100_000);
const N_QUERIES = arg('--queries', 200);

/** A small deterministic generator, so every run measures the same store and queries. */
let seed = 42;
const rand = () => {
  seed = (seed * 1103515245 + 12345) % 2 ** 31;
  return seed / 2 ** 31;
};
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];

const TYPES: [EventType, string][] = [
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
const span = (text: string) => ({ start: 0, end: text.length, text });

function places(): GazEntry[] {
  const countries = new Set(['IQ', 'SY', 'YE', 'LB', 'PS', 'SD', 'LY', 'EG']);
  const all = gazetteer().entries.filter(
    (e) => countries.has(e.country) && e.feature.startsWith('place:') && e.name_ar,
  );
  return Array.from({ length: 400 }, () => pick(all));
}

function day(offset: number): string {
  return new Date(Date.UTC(2018, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10);
}

interface Synth {
  doc: { id: string; title: string; text: string };
  events: { key: string; record: EventRecord }[];
}

function synthesize(n: number): { docs: Synth[]; incidents: Incident[] } {
  const where = places();
  const docs: Synth[] = [];
  const incidents: Incident[] = [];
  for (let d = 0; d * 2 < n; d++) {
    const id = `bench-${String(d).padStart(6, '0')}`;
    const events: { key: string; record: EventRecord }[] = [];
    const words: string[] = [];
    for (let k = 1; k <= 2 && d * 2 + k <= n; k++) {
      const p = pick(where);
      const [type, subtype] = pick(TYPES);
      const [name, nameAr] = pick(ACTORS);
      const date = day(Math.floor(rand() * 6 * 365));
      const killed = rand() < 0.3 ? null : Math.floor(rand() * 20);
      words.push(nameAr, 'في', p.name_ar, ...Array.from({ length: 12 }, () => pick(FILLER)));
      const record: EventRecord = {
        id: `e${k}`,
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
          {
            role: 'perpetrator',
            name,
            name_ar: nameAr,
            category: 'rebel_group',
            country: null,
            evidence: span(nameAr),
          },
        ],
        weapons: [],
        fatalities: { killed, injured: null, evidence: [] },
        claims: [],
        sources: [],
        evidence: [span(nameAr)],
        confidence: 0.8,
      };
      events.push({ key: `${id}#e${k}`, record });
    }
    docs.push({ doc: { id, title: `خبر ${d}`, text: words.join(' ') }, events });
  }
  // incidents of one member, and of two (events of neighbouring documents) for a third of them
  const members = docs.flatMap((s) =>
    s.events.map((e) => ({
      key: e.key,
      documentId: s.doc.id,
      source: null,
      url: null,
      published: null,
      event: e.record,
    })),
  );
  for (let i = 0; i < members.length; ) {
    const size = rand() < 0.33 && i + 2 < members.length && members[i + 2].documentId !== members[i].documentId ? 2 : 1;
    const group = size === 2 ? [members[i], members[i + 2]] : [members[i]];
    if (size === 2) [members[i + 1], members[i + 2]] = [members[i + 2], members[i + 1]];
    incidents.push(fuseIncident(group));
    i += size;
  }
  return { docs, incidents };
}

async function write(store: Store, docs: Synth[], incidents: Incident[]): Promise<void> {
  const db = store.db;
  const CHUNK = 5000;
  for (let i = 0; i < docs.length; i += CHUNK) {
    const part = docs.slice(i, i + CHUNK);
    await sql`
      insert into documents (id, content_hash, title, text, search)
      select * from unnest(${part.map((s) => s.doc.id)}::text[], ${part.map((s) => s.doc.id)}::text[],
        ${part.map((s) => s.doc.title)}::text[], ${part.map((s) => s.doc.text)}::text[],
        ${part.map((s) => documentSearch(s.doc.title, s.doc.text))}::text[])`.execute(db);
    const x = await sql<{ id: string; document_id: string }>`
      insert into extractions (document_id, extractor_version)
      select d, 'bench' from unnest(${part.map((s) => s.doc.id)}::text[]) d returning id, document_id`.execute(db);
    const extraction = new Map(x.rows.map((r) => [r.document_id, r.id]));
    const ev = part.flatMap((s) => s.events.map((e) => ({ ...e, doc: s.doc.id, cols: eventColumns(e.record) })));
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
  for (let i = 0; i < incidents.length; i += CHUNK) {
    const part = incidents.slice(i, i + CHUNK);
    const cols = part.map(incidentColumns);
    const c = <K extends keyof (typeof cols)[number]>(k: K) => cols.map((x) => x[k]);
    await sql`
      insert into incidents (id, type, subtype, date_start, date_end, lat, lon, country, admin1, killed, injured,
        members, names, actors, fields)
      select * from unnest(${c('id')}::text[], ${c('type')}::text[], ${c('subtype')}::text[],
        ${c('date_start')}::date[], ${c('date_end')}::date[], ${c('lat')}::float8[], ${c('lon')}::float8[],
        ${c('country')}::text[], ${c('admin1')}::text[], ${c('killed')}::int4[], ${c('injured')}::int4[],
        ${c('members')}::int4[], ${c('names')}::text[], ${c('actors')}::text[],
        ${part.map((x) => JSON.stringify(x))}::jsonb[])`.execute(db);
    const m = part.flatMap((x) => x.members.map((key) => [x.id, key]));
    await sql`
      insert into incident_members (incident_id, event_key)
      select * from unnest(${m.map((r) => r[0])}::text[], ${m.map((r) => r[1])}::text[])`.execute(db);
  }
  // what autovacuum does on a server (PGlite runs none): statistics and the visibility map for index-only scans
  await sql`vacuum analyze`.execute(db);
}

/** Varied list queries, as the web app would send them. */
function queries(n: number, where: GazEntry[]): string[] {
  const out: string[] = [];
  const sorts = ['-date', 'date', '-killed', 'members', '-members'];
  for (let i = 0; i < n; i++) {
    const p = new URLSearchParams();
    const route = i % 3 === 2 ? '/api/events' : '/api/incidents';
    const kind = i % 8;
    const place = pick(where);
    if (kind === 0) p.set('country', pick(['IQ', 'SY', 'YE', 'SD']));
    if (kind === 1) {
      const from = day(Math.floor(rand() * 2000));
      p.set('from', from);
      p.set('to', day(Math.floor(rand() * 60) + Math.floor((Date.parse(from) - Date.UTC(2018, 0, 1)) / 86_400_000)));
    }
    if (kind === 2)
      p.set('bbox', [place.lon - 1, place.lat - 1, place.lon + 1, place.lat + 1].map((x) => x.toFixed(3)).join(','));
    if (kind === 3) p.set('q', place.name_ar.replace(/[أإآ]/g, 'ا'));
    if (kind === 4) p.set('actor', pick(ACTORS)[rand() < 0.5 ? 0 : 1].split(' ')[0]);
    if (kind === 5) {
      p.set('type', pick(TYPES)[0]);
      p.set('country', place.country);
    }
    if (kind === 6) p.set('subtype', pick(TYPES)[1]);
    p.set('sort', pick(sorts));
    p.set('limit', String(pick([50, 100, 100, 200])));
    p.set('offset', String(pick([0, 0, 100, 1000])));
    out.push(`${route}?${p}`);
  }
  return out;
}

const pct = (xs: number[], q: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))];

async function main() {
  // --db DIR keeps the generated store there and reuses it on the next run (to try queries without regenerating)
  const keep = args.includes('--db') ? path.resolve(args[args.indexOf('--db') + 1]) : null;
  const dir = keep ?? mkdtempSync(path.join(tmpdir(), 'rasd-bench-api-'));
  const target = keep ?? path.join(dir, 'db');
  let store = await openStore(target);
  try {
    if (store.created || !keep) {
      let t0 = performance.now();
      const { docs, incidents } = synthesize(N_EVENTS);
      const made = performance.now() - t0;
      t0 = performance.now();
      await write(store, docs, incidents);
      console.log(
        `store: ${docs.length} documents, ${N_EVENTS} events, ${incidents.length} incidents ` +
          `(made in ${(made / 1000).toFixed(1)} s, written in ${((performance.now() - t0) / 1000).toFixed(1)} s)`,
      );
      // served the way `rasd serve` serves it: opened afresh, its buffers sized for what is on disk
      await store.close();
      store = await openStore(target);
      const buffers = (await sql<{ shared_buffers: string }>`show shared_buffers`.execute(store.db)).rows[0];
      console.log(`reopened with shared_buffers ${buffers.shared_buffers}`);
    } else {
      places(); // the same draws as when the store was made, so the queries are the same
      synthesize(0);
    }
    // no read cache: every query measured is run
    const app = buildServer({ store, token: 'bench', readCache: false });
    await app.ready();
    const list = queries(N_QUERIES, places());
    for (const url of list.slice(0, 10)) await app.inject(url); // warm the caches and the planner
    const times: { url: string; ms: number; total: number }[] = [];
    for (const url of list) {
      const t = performance.now();
      const res = await app.inject(url);
      const ms = performance.now() - t;
      if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
      times.push({ url, ms, total: res.json().total });
    }
    const all = times.map((t) => t.ms);
    const line = (label: string, xs: number[]) =>
      console.log(
        `${label.padEnd(22)} n=${String(xs.length).padStart(3)}  p50 ${pct(xs, 0.5).toFixed(1)} ms  p95 ${pct(xs, 0.95).toFixed(1)} ms  max ${Math.max(...xs).toFixed(1)} ms`,
      );
    line('all list queries', all);
    line(
      '/api/incidents',
      times.filter((t) => t.url.startsWith('/api/incidents')).map((t) => t.ms),
    );
    line(
      '/api/events',
      times.filter((t) => t.url.startsWith('/api/events')).map((t) => t.ms),
    );
    line(
      '  with q (text)',
      times.filter((t) => t.url.includes('q=')).map((t) => t.ms),
    );
    line(
      '  with bbox',
      times.filter((t) => t.url.includes('bbox=')).map((t) => t.ms),
    );
    line(
      '  with actor',
      times.filter((t) => t.url.includes('actor=')).map((t) => t.ms),
    );
    const slow = [...times].sort((a, b) => b.ms - a.ms).slice(0, Number(process.env.BENCH_SLOWEST ?? 3));
    for (const s of slow)
      console.log(`slowest: ${s.ms.toFixed(1)} ms (${s.total} matches) ${decodeURIComponent(s.url)}`);
    await app.close();
  } finally {
    await store.close();
    if (!keep) rmSync(dir, { recursive: true, force: true });
  }
}

await main();
