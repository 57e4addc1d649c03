/**
 * The API under load (npm run bench:load): 100 concurrent clients for 60 s against the server on 127.0.0.1
 * (autocannon), reading incidents, points, events, documents and text searches, while batches of the 2018 news
 * are ingested through POST /api/ingest at the same time. Prints latency percentiles, errors and the ingest rate.
 * Figures only; never a timed test.
 *
 * usage: node --import tsx bench/load.bench.ts [--seconds 60] [--connections 100] [--db postgres://…]
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { NEWS_GZ, readLines } from '../scripts/corpus.js';
import { newToken } from '../src/api/security.js';
import { buildServer } from '../src/api/server.js';
import { readInputs } from '../src/sources/read.js';
import { ingestItems } from '../src/store/ingest.js';
import { openStore } from '../src/store/open.js';

const root = path.resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const arg = (name: string, dflt: string) => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : dflt;
};
const seconds = Number(arg('--seconds', '60'));
const connections = Number(arg('--connections', '100'));
const dir = mkdtempSync(path.join(tmpdir(), 'rasd-load-'));
const db = arg('--db', path.join(dir, 'db'));

const store = await openStore(db);
const t0 = performance.now();
const pre = await ingestItems(store.db, readInputs([path.join(root, 'data/sample/articles.jsonl')]));
console.log(
  `store: ${pre.new} sample documents, ${pre.events} events (${((performance.now() - t0) / 1000).toFixed(1)} s)`,
);
const token = newToken();
const app = buildServer({ store, token });
const base = (await app.listen({ host: '127.0.0.1', port: 0 })).replace('localhost', '127.0.0.1');
// events and documents keep their keys while ingestion re-fuses incidents (an incident id may give way to a new one)
const keys = (await store.db.selectFrom('events').select(['key', 'document_id']).limit(20).execute()).map((r) => [
  `/api/events/${encodeURIComponent(r.key)}`,
  `/api/documents/${encodeURIComponent(r.document_id)}`,
]);

const reads = [
  '/api/incidents?limit=50',
  '/api/incidents?sort=-killed&limit=100',
  '/api/incidents/points',
  `/api/incidents?q=${encodeURIComponent('عين الاسد')}`,
  `/api/incidents?actor=${encodeURIComponent('الحوثي')}`,
  '/api/incidents?from=2018-01-01&to=2018-03-31&country=SY',
  '/api/events?limit=50',
  '/api/health',
  ...keys.flat(),
];

/** Ingestion at the same time: batches of 20 new articles, one after another, until the load ends. */
async function ingestWhile(done: () => boolean) {
  const lines = readLines(NEWS_GZ);
  let docs = 0;
  let failures = 0;
  const started = performance.now();
  for (let i = 0; i < lines.length && !done(); i += 20) {
    const res = await fetch(`${base}/api/ingest`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-ndjson', authorization: `Bearer ${token}` },
      body: lines.slice(i, i + 20).join('\n'),
    });
    if (res.status !== 200) failures++;
    else docs += ((await res.json()) as { stored: number }).stored;
  }
  return { docs, failures, secs: (performance.now() - started) / 1000 };
}

let finished = false;
const ingesting = args.includes('--no-ingest')
  ? Promise.resolve({ docs: 0, failures: 0, secs: 1 })
  : ingestWhile(() => finished);
const result = await autocannon({
  url: base,
  connections,
  duration: seconds,
  requests: reads.map((p) => ({ method: 'GET' as const, path: p })),
});
finished = true;
const ing = await ingesting;

const l = result.latency;
console.log(
  `load: ${connections} clients, ${seconds} s, ${reads.length} read routes round-robin (PGlite ${existsSync(db) ? 'embedded' : 'server'})`,
);
console.log(`requests        ${result.requests.total} (${result.requests.average.toFixed(0)}/s)`);
console.log(`latency ms      p50 ${l.p50}  p90 ${l.p90}  p99 ${l.p99}  max ${l.max}  (mean ${l.average.toFixed(1)})`);
console.log(
  `errors          ${result.errors} errors, ${result.timeouts} timeouts, ${result.non2xx} non-2xx ${JSON.stringify(result.statusCodeStats)}`,
);
console.log(
  `ingest alongside ${ing.docs} documents in ${ing.secs.toFixed(1)} s (${(ing.docs / ing.secs).toFixed(1)}/s), ${ing.failures} failed batches`,
);
await app.close();
await store.close();
rmSync(dir, { recursive: true, force: true });
