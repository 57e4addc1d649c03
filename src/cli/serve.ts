/**
 * `rasd serve`: the HTTP API and the built web app over the store, on loopback by default. With --sample the
 * bundled sample is ingested first (at once when already stored: ingest is idempotent), which is `npm start`.
 */
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildServer } from '../api/server.js';
import { DATA_DIR, dataPath } from '../data.js';
import { readInputs } from '../sources/read.js';
import { storeCounts } from '../store/document-queries.js';
import { inlinePool, workerPool } from '../store/extract-pool.js';
import { ingestItems } from '../store/ingest.js';
import { openStore, redact, type Store } from '../store/open.js';
import { warmStore } from '../store/warm.js';
import { serveToken } from './token.js';

export interface ServeOptions {
  db?: string;
  port: number;
  host: string;
  /** ingest data/sample/articles.jsonl before serving */
  sample?: boolean;
  /** the built web app (default: dist/web beside the package's data/) */
  web?: string;
  /** POST /api/ingest may fetch URLs on private addresses */
  allowPrivate?: boolean;
  /** host names to answer to besides IP addresses and localhost (with $RASD_ALLOWED_HOSTS) */
  allowHost?: string[];
  log?: (line: string) => void;
}

export interface Serving {
  app: FastifyInstance;
  store: Store;
  /** where a browser goes */
  url: string;
  /** what writes need, and where it came from */
  token: string;
  tokenFrom: string;
  close(): Promise<void>;
}

export const defaultWebRoot = () => path.resolve(DATA_DIR, '..', 'dist', 'web');

/** no statement of the server's runs longer on a PostgreSQL store (a client's query, or an ingest's write) */
export const SERVE_STATEMENT_TIMEOUT_MS = 30_000;

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1', '0.0.0.0', '::']);

async function ingestSample(store: Store, log: (line: string) => void): Promise<void> {
  const started = performance.now();
  // workers pay off on a new store; a stored sample needs no extraction, and what is new is little
  const pool = store.created ? workerPool() : inlinePool();
  try {
    const s = await ingestItems(store.db, readInputs([dataPath('sample', 'articles.jsonl')]), {
      pool,
      emptyStore: store.created,
    });
    const secs = ((performance.now() - started) / 1000).toFixed(1);
    log(`sample: ${s.new} new, ${s.duplicate} already stored, ${s.failed} failed; ${s.events} events (${secs} s)`);
  } finally {
    await pool.close();
  }
}

export async function runServe(opts: ServeOptions): Promise<Serving> {
  const log = opts.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const store = await openStore(opts.db, { statementTimeoutMs: SERVE_STATEMENT_TIMEOUT_MS });
  try {
    if (opts.sample) await ingestSample(store, log);
    const web = opts.web ?? defaultWebRoot();
    const access = serveToken(store);
    // an embedded store is read into memory once the server listens; a PostgreSQL server keeps its own caches
    let warm = store.target.kind !== 'pglite';
    const app = buildServer({
      store,
      webRoot: web,
      allowPrivate: opts.allowPrivate,
      // the name it listens on, the names given, $RASD_ALLOWED_HOSTS
      allowedHosts: [opts.host, ...(opts.allowHost ?? []), ...(process.env.RASD_ALLOWED_HOSTS ?? '').split(',')],
      token: access.token,
      warm: () => warm,
      processMetrics: true,
    });
    try {
      await app.listen({ port: opts.port, host: opts.host });
    } catch (e) {
      await app.close();
      const code = (e as { code?: string }).code;
      if (code === 'EADDRINUSE') throw new Error(`port ${opts.port} on ${opts.host} is in use (try --port)`);
      throw e;
    }
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : opts.port;
    const host = LOOPBACK.has(opts.host) ? 'localhost' : opts.host.includes(':') ? `[${opts.host}]` : opts.host;
    const url = `http://${host}:${port}`;
    const c = await storeCounts(store.db);
    const where = store.target.kind === 'pglite' ? store.target.dir : redact(store.target.url);
    log(`store: ${where} (${c.documents} documents, ${c.events} events, ${c.incidents} incidents)`);
    log(`listening on ${opts.host}:${port}; web app from ${web}`);
    // the store's tables into its buffers, range by range while requests are served
    const stopWarming = new AbortController();
    const warming = warmStore(store, stopWarming.signal).then(
      (w) => {
        if (!w || stopWarming.signal.aborted) return;
        warm = true;
        log(`store read into memory: ${Math.round(w.bytes / 2 ** 20)} MB in ${(w.ms / 1000).toFixed(1)} s`);
      },
      (e) => {
        if (!stopWarming.signal.aborted) log(`reading the store into memory stopped: ${(e as Error).message}`);
      },
    );
    let closed = false;
    return {
      app,
      store,
      url,
      token: access.token,
      tokenFrom: access.from,
      async close() {
        if (closed) return;
        closed = true;
        stopWarming.abort();
        await warming;
        await app.close();
        await store.close();
      },
    };
  } catch (e) {
    await store.close();
    throw e;
  }
}
