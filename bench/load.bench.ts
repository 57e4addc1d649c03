/**
 * The API under load (npm run bench:load): 100 concurrent clients for 60 s against `rasd serve` (a process of its
 * own, on 127.0.0.1) over a store of N synthetic events (100,000 by default, bench/synthetic-store.ts) and the
 * bundled sample, reading incident and event lists (varied filters, sorts and pages, as bench:api), text searches,
 * the map's points, single events and documents and /api/health, while batches of 20 articles of the 2018 news are
 * posted to /api/ingest one after another. Each client sends its next request when its last is answered (keep-alive
 * connections). Prints p50/p95/p99/max by kind of request, errors, requests per second, the ingest rate, the
 * server's peak RSS (VmHWM) and the load average (other work on the machine slows it). Figures only; never a timed
 * test.
 *
 * The store is an embedded PGlite one by default (the server starts when it has read the store into memory, as
 * `rasd serve` announces); --pg starts a throwaway PostgreSQL (bench/local-postgres.ts), RASD_BENCH_PG=postgres://…
 * uses that server (in a fresh database rasd_bench_load, dropped at the end).
 *
 * --db DIR makes the embedded store in DIR once and keeps it; each run then serves a copy of it (the ingestion
 * alongside changes the copy), which saves the minutes of writing it while trying changes.
 *
 * usage: node --import tsx bench/load.bench.ts [--events N] [--seconds 60] [--connections 100] [--pg | --db DIR]
 *   [--no-ingest]
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { NEWS_GZ, readLines } from '../scripts/corpus.js';
import { newToken } from '../src/api/security.js';
import { readInputs } from '../src/sources/read.js';
import { workerPool } from '../src/store/extract-pool.js';
import { ingestItems } from '../src/store/ingest.js';
import { openStore } from '../src/store/open.js';
import { freshDatabase, type LocalPostgres, query, startPostgres } from './local-postgres.js';
import { places, queries, writeSynthetic } from './synthetic-store.js';

const root = path.resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const arg = (name: string, dflt: string) => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : dflt;
};
const N_EVENTS = Number(arg('--events', '100000'));
const seconds = Number(arg('--seconds', '60'));
const connections = Number(arg('--connections', '100'));

const loadAverage = () => {
  try {
    return readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  } catch {
    return '?';
  }
};

/** A process's resident set now and at its peak (VmRSS, VmHWM), in MB; nulls off Linux. */
function rssOf(pid: number): { now: number | null; peak: number | null } {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? Number.NaN);
    return { now: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
  } catch {
    return { now: null, peak: null };
  }
}

/** The store: N synthetic events, then the bundled sample ingested as `rasd ingest` would (real events and texts). */
async function makeStore(target: string): Promise<[string, string][]> {
  const store = await openStore(target);
  try {
    const t0 = performance.now();
    if (store.created && N_EVENTS > 0) {
      // incidents of events that fusion would join: the ingestion alongside re-fuses neighbourhoods, not the store
      const w = await writeSynthetic(store, N_EVENTS, { sameHappening: true });
      await sql`vacuum analyze`.execute(store.db);
      console.log(
        `store: ${w.documents} synthetic documents, ${N_EVENTS} events, ${w.incidents} incidents ` +
          `(${((performance.now() - t0) / 1000).toFixed(1)} s with vacuum analyze)`,
      );
    }
    const t1 = performance.now();
    const pool = workerPool();
    try {
      const pre = await ingestItems(store.db, readInputs([path.join(root, 'data/sample/articles.jsonl')]), { pool });
      console.log(
        `store: + ${pre.new} sample documents, ${pre.events} events (${((performance.now() - t1) / 1000).toFixed(1)} s)`,
      );
    } finally {
      await pool.close();
    }
    // events and documents keep their keys while ingestion re-fuses incidents; the sample's (real texts)
    const rows = await store.db
      .selectFrom('events')
      .select(['key', 'document_id'])
      .where('document_id', 'not like', 'bench-%')
      .limit(20)
      .execute();
    return rows.map((r) => [
      `/api/events/${encodeURIComponent(r.key)}`,
      `/api/documents/${encodeURIComponent(r.document_id)}`,
    ]);
  } finally {
    await store.close();
  }
}

/** `rasd serve` on the store, in a process of its own; resolves with its address once it is ready for load. */
function serve(target: string, token: string): Promise<{ child: ChildProcess; base: string }> {
  const child = spawn(
    process.execPath,
    [
      '--max-semi-space-size=64',
      // e.g. --cpu-prof --cpu-prof-dir=DIR, to see where the server's time goes
      ...(process.env.RASD_LOAD_SERVE_FLAGS ?? '').split(' ').filter(Boolean),
      '--import',
      'tsx',
      'src/cli/run.ts',
      'serve',
      '--db',
      target,
      '--port',
      '0',
    ],
    { cwd: root, env: { ...process.env, RASD_TOKEN: token }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const embedded = !/^postgres(ql)?:\/\//i.test(target);
  return new Promise((resolve, reject) => {
    let base: string | null = null;
    let warm = !embedded;
    const ready = () => {
      if (base && warm) resolve({ child, base });
    };
    child.stdout!.setEncoding('utf8').on('data', (s: string) => {
      const m = /serving at (http:\/\/\S+)/.exec(s);
      if (m) base = m[1].replace('localhost', '127.0.0.1');
      ready();
    });
    child.stderr!.setEncoding('utf8').on('data', (s: string) => {
      process.stdout.write(`  serve: ${s}`);
      if (/store read into memory/.test(s)) warm = true;
      ready();
    });
    child.once('exit', (code) => reject(new Error(`rasd serve exited (${code}) before it was ready`)));
  });
}

interface Timing {
  kind: string;
  ms: number;
  status: number;
}

/** One GET on a keep-alive agent: its status and time, the body read to the end. */
function get(agent: http.Agent, base: string, url: string): Promise<{ status: number; ms: number }> {
  const t = performance.now();
  return new Promise((resolve) => {
    const req = http.get(`${base}${url}`, { agent, headers: { 'accept-encoding': 'gzip' } }, (res) => {
      res.on('data', () => {});
      res.on('end', () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - t }));
      res.on('error', () => resolve({ status: 0, ms: performance.now() - t }));
    });
    req.on('error', () => resolve({ status: 0, ms: performance.now() - t }));
  });
}

/** Ingestion at the same time: batches of 20 new articles, one after another, until the load ends. */
async function ingestWhile(base: string, token: string, done: () => boolean) {
  const lines = readLines(NEWS_GZ);
  let docs = 0;
  let failures = 0;
  const times: number[] = [];
  const started = performance.now();
  for (let i = 0; i < lines.length && !done(); i += 20) {
    const t = performance.now();
    const res = await fetch(`${base}/api/ingest`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-ndjson', authorization: `Bearer ${token}` },
      body: lines.slice(i, i + 20).join('\n'),
    });
    if (res.status !== 200) failures++;
    else docs += ((await res.json()) as { stored: number }).stored;
    times.push(performance.now() - t);
  }
  return { docs, failures, times, secs: (performance.now() - started) / 1000 };
}

const pct = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];

async function main() {
  const server = process.env.RASD_BENCH_PG ?? (args.includes('--pg') ? '' : null);
  const local: LocalPostgres | null = server === '' ? await startPostgres() : null;
  const serverUrl = local?.url ?? server;
  const dir = mkdtempSync(path.join(tmpdir(), 'rasd-load-'));
  const target = serverUrl ? await freshDatabase(serverUrl, 'rasd_bench_load') : path.join(dir, 'db');
  // --db DIR: the store is made there once and kept; each run serves a copy of it
  const template = args.includes('--db') ? path.resolve(arg('--db', '')) : null;
  const backend = serverUrl ? 'PostgreSQL' : 'PGlite (embedded)';
  console.log(`store: ${backend}; load ${loadAverage()}`);
  let child: ChildProcess | null = null;
  try {
    let keys: [string, string][];
    if (template) {
      keys = await makeStore(template);
      cpSync(template, target, { recursive: true });
    } else keys = await makeStore(target);
    const token = newToken();
    const t0 = performance.now();
    const served = await serve(target, token);
    child = served.child;
    const base = served.base;
    console.log(`server ready in ${((performance.now() - t0) / 1000).toFixed(1)} s; RSS ${rssOf(child.pid!).now} MB`);

    const list = queries(200, places());
    const reads: { url: string; kind: string }[] = [
      ...list.map((q) => ({ url: q.url, kind: q.url.startsWith('/api/events') ? 'events list' : 'incidents list' })),
      { url: '/api/incidents?limit=50', kind: 'incidents list' },
      { url: '/api/incidents?sort=-killed&limit=100', kind: 'incidents list' },
      { url: `/api/incidents?q=${encodeURIComponent('عين الاسد')}`, kind: 'incidents list' },
      { url: `/api/incidents?actor=${encodeURIComponent('الحوثي')}`, kind: 'incidents list' },
      { url: '/api/incidents?from=2018-01-01&to=2018-03-31&country=SY', kind: 'incidents list' },
      { url: '/api/events?limit=50', kind: 'events list' },
      { url: '/api/incidents/points?country=SY&from=2018-01-01&to=2018-06-30', kind: 'points' },
      { url: '/api/incidents/points', kind: 'points' },
      ...Array.from({ length: 4 }, () => ({ url: '/api/health', kind: 'health' })),
      ...keys.flatMap(([e, d]) => [
        { url: e, kind: 'event / document' },
        { url: d, kind: 'event / document' },
      ]),
    ];
    // each client goes through the routes in turn, from a place of its own
    const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
    const timings: Timing[] = [];
    let finished = false;
    let peak = 0;
    const sampler = setInterval(() => {
      peak = Math.max(peak, rssOf(child!.pid!).peak ?? 0);
    }, 500);
    const ingesting = args.includes('--no-ingest')
      ? Promise.resolve({ docs: 0, failures: 0, times: [] as number[], secs: 1 })
      : ingestWhile(base, token, () => finished);
    const loadBefore = loadAverage();
    const started = performance.now();
    const end = started + seconds * 1000;
    await Promise.all(
      Array.from({ length: connections }, async (_, c) => {
        for (let i = c * 7; performance.now() < end; i++) {
          const r = reads[i % reads.length];
          const { status, ms } = await get(agent, base, r.url);
          timings.push({ kind: r.kind, ms, status });
        }
      }),
    );
    const elapsed = (performance.now() - started) / 1000;
    finished = true;
    const ing = await ingesting;
    clearInterval(sampler);
    peak = Math.max(peak, rssOf(child.pid!).peak ?? 0);
    agent.destroy();

    console.log(
      `load: ${connections} clients, ${seconds} s, ${reads.length} read routes; load ${loadBefore} before, ${loadAverage()} after`,
    );
    const errors = timings.filter((t) => t.status !== 200);
    const statuses = new Map<number, number>();
    for (const t of errors) statuses.set(t.status, (statuses.get(t.status) ?? 0) + 1);
    console.log(
      `requests        ${timings.length} (${(timings.length / elapsed).toFixed(0)}/s); errors ${errors.length}` +
        (errors.length ? ` ${JSON.stringify(Object.fromEntries(statuses))}` : ''),
    );
    const line = (label: string, xs: number[]) => {
      const s = [...xs].sort((a, b) => a - b);
      const f = (x: number) => x.toFixed(0).padStart(6);
      console.log(
        `${label.padEnd(18)} n=${String(s.length).padStart(6)}  p50 ${f(pct(s, 0.5))}  p95 ${f(pct(s, 0.95))}  ` +
          `p99 ${f(pct(s, 0.99))}  max ${f(s[s.length - 1])} ms`,
      );
    };
    line(
      'all',
      timings.map((t) => t.ms),
    );
    for (const kind of [...new Set(reads.map((r) => r.kind))])
      line(
        kind,
        timings.filter((t) => t.kind === kind).map((t) => t.ms),
      );
    if (ing.times.length) line('ingest (20 docs)', ing.times);
    console.log(
      `ingest alongside ${ing.docs} documents in ${ing.secs.toFixed(1)} s (${(ing.docs / ing.secs).toFixed(1)}/s), ${ing.failures} failed batches`,
    );
    console.log(`server peak RSS ${peak.toFixed(0)} MB`);
  } finally {
    if (child && child.exitCode === null) {
      const exited = new Promise((r) => child!.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
    if (serverUrl) await query(serverUrl, 'drop database rasd_bench_load with (force)');
    local?.stop();
  }
}

await main();
