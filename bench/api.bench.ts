/**
 * API list queries on a large store (npm run bench:api, or part of npm run bench): N synthetic events (100,000 by
 * default) in N/2 documents, fused into incidents of one or two members, bulk-written in chunks into a fresh store,
 * which is then reopened as `rasd serve` would open it; then 200 varied /api/incidents and /api/events queries
 * (filters, text search, sorts, pages) through fastify's inject, without the read cache, once the store's tables are
 * read into its buffers as `rasd serve` does when it starts. Prints the store's size,
 * the write time, p50/p95/max overall and by kind of query, the slowest queries, and the load average (other work
 * on the machine slows it). Figures only; never a timed test.
 *
 * The store is an embedded PGlite one by default; --pg starts a throwaway PostgreSQL (bench/local-postgres.ts), and
 * RASD_BENCH_PG=postgres://… uses that server; either way in a fresh database rasd_bench_api, dropped at the end.
 * --db DIR or --db postgres://…/name keeps the store there and reuses it on the next run (to try queries without
 * regenerating it; a PostgreSQL database must exist). Generation is streamed, so 1,000,000 events fit in the
 * default heap; writing them into PostgreSQL took 9.5–11 min (a 4.7 GB database).
 *
 * usage: node --import tsx bench/api.bench.ts [--events N] [--queries N] [--pg | --db DIR|URL]
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { buildServer } from '../src/api/server.js';
import { fuseIncident } from '../src/fuse/fuse.js';
import type { Incident, MemberEvent } from '../src/fuse/types.js';
import { type GazEntry, gazetteer } from '../src/geo/gazetteer.js';
import { insertIncidents } from '../src/store/incidents.js';
import { openStore, redact, type Store } from '../src/store/open.js';
import { eventColumns } from '../src/store/rows.js';
import { documentSearch } from '../src/store/search-text.js';
import { warmStore } from '../src/store/warm.js';
import type { EventRecord, EventType, SubType } from '../src/types.js';
import { freshDatabase, type LocalPostgres, query, startPostgres } from './local-postgres.js';
import { mulberry32, pickWith, syntheticRecord } from './synthetic-events.js';

const args = process.argv.slice(2);
const arg = (name: string, dflt: number) => {
  const at = args.indexOf(name);
  return at >= 0 ? Number(args[at + 1]) : dflt;
};
const N_EVENTS = arg('--events', 100_000);
const N_QUERIES = arg('--queries', 200);
/** documents per write: their events' records are ~1.5 KB of jsonb each */
const CHUNK = 2500;

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
const places = (() => {
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

function day(offset: number): string {
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
 */
function* synthesize(n: number): Generator<{ docs: Synth[]; incidents: Incident[] }> {
  const waiting: MemberEvent[] = [];
  // takes incidents off the front of the waiting members while `least` of them are there
  const fuseWaiting = (least: number, into: Incident[]) => {
    while (waiting.length >= least && waiting.length > 0) {
      const two = rand() < 0.33 && waiting.length > 2 && waiting[2].documentId !== waiting[0].documentId;
      const group = two ? [waiting[0], waiting[2]] : [waiting[0]];
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
async function write(store: Store, docs: Synth[], incidents: Incident[]): Promise<void> {
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
function queries(n: number, where: GazEntry[]): { url: string; kind: string }[] {
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

const pct = (xs: number[], q: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))];

const loadAverage = () => {
  try {
    return readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  } catch {
    return '?';
  }
};

const gb = (bytes: number) => `${(bytes / 2 ** 30).toFixed(2)} GB`;

/** The database's size and its largest tables (with their indexes and TOAST). */
async function sizes(store: Store): Promise<string> {
  const total = await sql<{ bytes: string }>`select pg_database_size(current_database()) as bytes`.execute(store.db);
  const tables = await sql<{ name: string; bytes: string }>`
    select c.relname as name, pg_total_relation_size(c.oid) as bytes from pg_class c
    join pg_namespace n on n.oid = c.relnamespace
    where c.relkind = 'r' and n.nspname = 'public' order by 2 desc limit 4`.execute(store.db);
  return `${gb(Number(total.rows[0].bytes))} (${tables.rows.map((t) => `${t.name} ${gb(Number(t.bytes))}`).join(', ')})`;
}

async function main() {
  // where the store goes: kept (--db), a throwaway server (--pg), a given server (RASD_BENCH_PG), or PGlite
  const keep = args.includes('--db') ? args[args.indexOf('--db') + 1] : null;
  const keepTarget = keep && !/^postgres(ql)?:\/\//i.test(keep) ? path.resolve(keep) : keep;
  const server = keep ? null : (process.env.RASD_BENCH_PG ?? (args.includes('--pg') ? '' : null));
  const local: LocalPostgres | null = server === '' ? await startPostgres() : null;
  const serverUrl = local?.url ?? server;
  const dir = keep || serverUrl ? null : mkdtempSync(path.join(tmpdir(), 'rasd-bench-api-'));
  const target = keepTarget ?? (serverUrl ? await freshDatabase(serverUrl, 'rasd_bench_api') : path.join(dir!, 'db'));
  const backend = target.startsWith('postgres') ? `PostgreSQL ${redact(target)}` : `PGlite ${target}`;
  console.log(`store: ${backend}; load ${loadAverage()}`);
  let store = await openStore(target);
  try {
    if (store.created || !keep) {
      const t0 = performance.now();
      let docCount = 0;
      let incidentCount = 0;
      for (const { docs, incidents } of synthesize(N_EVENTS)) {
        await write(store, docs, incidents);
        docCount += docs.length;
        incidentCount += incidents.length;
      }
      const written = performance.now() - t0;
      // what autovacuum does on a server, in its own time (PGlite runs none): statistics and the visibility map
      // for index-only scans
      const t1 = performance.now();
      await sql`vacuum analyze`.execute(store.db);
      console.log(
        `wrote ${docCount} documents, ${N_EVENTS} events, ${incidentCount} incidents in ` +
          `${(written / 1000).toFixed(1)} s (made and written in chunks of ${CHUNK} documents), vacuum analyze ` +
          `${((performance.now() - t1) / 1000).toFixed(1)} s; load ${loadAverage()}`,
      );
      // served the way `rasd serve` serves it: opened afresh (an embedded store's buffers sized for what is on disk)
      await store.close();
      store = await openStore(target);
    }
    const buffers = (await sql<{ shared_buffers: string }>`show shared_buffers`.execute(store.db)).rows[0];
    console.log(`size ${await sizes(store)}; shared_buffers ${buffers.shared_buffers}`);
    // as `rasd serve` does once it listens: an embedded store's tables read into its buffers
    const warmed = await warmStore(store);
    if (warmed)
      console.log(
        `tables read into the buffers (as rasd serve does): ${warmed.pages} pages in ${warmed.ms.toFixed(0)} ms`,
      );
    // no read cache: every query measured is run
    const app = buildServer({ store, token: 'bench', readCache: false });
    await app.ready();
    const list = queries(N_QUERIES, places());
    for (const { url } of list.slice(0, 10)) await app.inject(url); // warm the caches and the planner
    const times: { url: string; kind: string; ms: number; total: number }[] = [];
    const started = loadAverage();
    for (const { url, kind } of list) {
      const t = performance.now();
      const res = await app.inject(url);
      const ms = performance.now() - t;
      if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
      times.push({ url, kind, ms, total: res.json().total });
    }
    console.log(`${list.length} queries; load ${started} before, ${loadAverage()} after`);
    const line = (label: string, xs: number[]) =>
      console.log(
        `${label.padEnd(26)} n=${String(xs.length).padStart(3)}  p50 ${pct(xs, 0.5).toFixed(1).padStart(6)} ms  ` +
          `p95 ${pct(xs, 0.95).toFixed(1).padStart(6)} ms  max ${Math.max(...xs)
            .toFixed(1)
            .padStart(6)} ms`,
      );
    line(
      'all list queries',
      times.map((t) => t.ms),
    );
    line(
      '/api/incidents',
      times.filter((t) => t.url.startsWith('/api/incidents')).map((t) => t.ms),
    );
    line(
      '/api/events',
      times.filter((t) => t.url.startsWith('/api/events')).map((t) => t.ms),
    );
    console.log('by kind, slowest p95 first:');
    const kinds = new Map<string, typeof times>();
    for (const t of times) kinds.set(t.kind, [...(kinds.get(t.kind) ?? []), t]);
    const byP95 = [...kinds].sort(
      (a, b) =>
        pct(
          b[1].map((t) => t.ms),
          0.95,
        ) -
        pct(
          a[1].map((t) => t.ms),
          0.95,
        ),
    );
    for (const [kind, ts] of byP95)
      line(
        `  ${kind}`,
        ts.map((t) => t.ms),
      );
    const slow = [...times].sort((a, b) => b.ms - a.ms).slice(0, Number(process.env.BENCH_SLOWEST ?? 3));
    for (const s of slow)
      console.log(`slowest: ${s.ms.toFixed(1)} ms (${s.total} matches) ${decodeURIComponent(s.url)}`);
    await app.close();
  } finally {
    await store.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
    if (serverUrl && !keep) await query(serverUrl, 'drop database rasd_bench_api with (force)');
    local?.stop();
  }
}

await main();
