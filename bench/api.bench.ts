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
import { openStore, redact, type Store } from '../src/store/open.js';
import { warmStore } from '../src/store/warm.js';
import { freshDatabase, type LocalPostgres, query, startPostgres } from './local-postgres.js';
import { CHUNK, places, queries, synthesize, write } from './synthetic-store.js';

const args = process.argv.slice(2);
const arg = (name: string, dflt: number) => {
  const at = args.indexOf(name);
  return at >= 0 ? Number(args[at + 1]) : dflt;
};
const N_EVENTS = arg('--events', 100_000);
const N_QUERIES = arg('--queries', 200);
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
