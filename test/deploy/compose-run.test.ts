/**
 * What compose.yaml describes, run without Docker: one PostgreSQL (RASD_TEST_PG, a fresh database), the worker
 * service's command and environment as many times as its replicas, and the serve service's, each started once the
 * services it depends on pass their own health checks (run as compose runs them). Real articles are queued through
 * the API; the workers extract, store and fuse them; /api/incidents lists incidents, /api/health both workers, and
 * the counters of /metrics moved. A worker killed is no longer listed once its heartbeat is older than the window;
 * one stopped is no longer listed at once. The only changes to what compose runs: the database, and the ports and
 * address (every process is on one host here, not in a container of its own).
 */
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { HEARTBEAT_MS } from '../../src/queue/registry.js';
import type { J } from '../api/helpers.js';
import { type Exposition, parseExposition } from '../api/prometheus.js';
import { backends } from '../store/backends.js';
import { root } from '../store/data.js';
import { healthArgv, loadCompose, type Service, withOption } from './compose.js';

const postgres = backends().find((b) => b.name === 'postgres')!;
const cli = path.join(root, 'src/cli/run.ts');
const TOKEN = 'compose-run-test-token';
/** how many sample articles are queued */
const ARTICLES = 12;

interface Proc {
  name: string;
  child: ChildProcess;
  out: () => string;
  exited: Promise<number | null>;
}

function start(name: string, service: Service, db: string, command: string[]): Proc {
  const env: NodeJS.ProcessEnv = { ...process.env, ...service.environment, RASD_DB: db };
  if (env.RASD_METRICS_PORT) {
    // several workers on one host: each its own port, on loopback
    env.RASD_METRICS_PORT = '0';
    env.RASD_METRICS_HOST = '127.0.0.1';
  }
  const child = spawn(process.execPath, ['--import', 'tsx', cli, ...command], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  child.stdout!.on('data', (d: Buffer) => {
    text += d.toString();
  });
  child.stderr!.on('data', (d: Buffer) => {
    text += d.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { name, child, out: () => text, exited };
}

/**
 * Polls `check` (every 200 ms) until it gives a value. Never a wall-clock deadline (a loaded machine is slower, not
 * wrong): it fails at once, with what every process said, if one of `procs` ends first; the runner's timeout is
 * the backstop for what never happens.
 */
async function until<T>(what: string, procs: Proc[], check: () => Promise<T | undefined>): Promise<T> {
  for (;;) {
    try {
      const v = await check();
      if (v !== undefined) return v;
    } catch {
      // not answering yet
    }
    const ended = procs.find((p) => p.child.exitCode !== null || p.child.signalCode !== null);
    if (ended) {
      assert.fail(
        `${ended.name} ended while waiting for ${what}:\n${procs.map((p) => `--- ${p.name}\n${p.out()}`).join('\n')}`,
      );
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Runs a service's health check as compose does (the port it asks moved to where the process listens). */
function healthy(service: Service, port: number): Promise<boolean> {
  const { shell, argv } = healthArgv(service.healthcheck!);
  assert.ok(!shell);
  const args = argv.map((a) => a.replace(/(127\.0\.0\.1):\d+/, `$1:${port}`));
  const child = spawn(args[0] === 'node' ? process.execPath : args[0], args.slice(1), { stdio: 'ignore' });
  return new Promise((resolve) => child.on('exit', (code) => resolve(code === 0)));
}

const json = async (url: string, init?: RequestInit) => {
  const r = await fetch(url, init);
  return { status: r.status, body: (await r.json()) as J };
};
const metrics = async (url: string): Promise<Exposition> => parseExposition(await (await fetch(url)).text());

describe('compose.yaml without Docker', { skip: postgres.skip }, () => {
  const procs: Proc[] = [];
  after(async () => {
    for (const p of procs) p.child.kill('SIGKILL');
    await Promise.all(procs.map((p) => p.exited));
    await postgres.cleanup();
  });

  test('PostgreSQL, the workers and the server: articles queued through the API become incidents', async (t) => {
    const compose = loadCompose({ RASD_TOKEN: TOKEN });
    const { worker, serve } = compose.services;
    const db = await postgres.fresh();

    // the workers (depends_on: db healthy — the database is up), until each passes its health check
    const workers = Array.from({ length: worker.deploy!.replicas! }, (_, i) =>
      start(`worker ${i + 1}`, worker, db, worker.command!),
    );
    procs.push(...workers);
    const monitors = await Promise.all(
      workers.map((w) =>
        until(`${w.name} listening`, workers, async () => {
          const m = /health and metrics at (http:\/\/127\.0\.0\.1:(\d+))\/health/.exec(w.out());
          return m ? { url: m[1], port: Number(m[2]) } : undefined;
        }),
      ),
    );
    for (const [i, m] of monitors.entries()) {
      await until(`${workers[i].name} healthy`, workers, async () =>
        (await healthy(worker, m.port)) ? true : undefined,
      );
    }
    const ids = await Promise.all(monitors.map(async (m) => (await json(`${m.url}/health`)).body.id as string));

    // the server (depends_on: the workers healthy), until it passes its health check
    const server = start(
      'serve',
      serve,
      db,
      withOption(withOption(serve.command!, '--port', '0'), '--host', '127.0.0.1'),
    );
    procs.push(server);
    const all = [...workers, server];
    const base = await until(
      'serve listening',
      all,
      async () => /serving at (http:\/\/localhost:\d+)/.exec(server.out())?.[1],
    );
    const api = base.replace('localhost', '127.0.0.1');
    await until('serve healthy', all, async () =>
      (await healthy(serve, Number(new URL(api).port))) ? true : undefined,
    );

    // both workers listed, by the ids they report themselves
    let health = (await json(`${api}/api/health`)).body;
    assert.deepEqual([health.ok, health.ready, health.warm, health.store], [true, true, true, 'postgres']);
    assert.deepEqual(health.workers.live.map((w: { id: string }) => w.id).sort(), [...ids].sort());

    // real articles, queued through the API with the token compose gives the server
    const lines = readFileSync(path.join(root, 'data/sample/articles.jsonl'), 'utf8').split('\n').slice(0, ARTICLES);
    const refused = await fetch(`${api}/api/enqueue`, { method: 'POST', body: lines.join('\n') });
    assert.equal(refused.status, 401);
    const queued = await json(`${api}/api/enqueue`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/x-ndjson' },
      body: `${lines.join('\n')}\n`,
    });
    assert.equal(queued.status, 202, JSON.stringify(queued.body));
    assert.deepEqual(queued.body, { urls: 0, documents: ARTICLES, failed: [] });

    // the workers store and fuse them: nothing left in the queue, every article stored, incidents listed
    health = await until('the articles stored and fused', all, async () => {
      const h = (await json(`${api}/api/health`)).body;
      const pending = Object.values(h.queue.jobs ?? {}).reduce(
        (n: number, q) =>
          n +
          (q as { created: number; retry: number; active: number }).created +
          (q as { retry: number }).retry +
          (q as { active: number }).active,
        0,
      );
      return pending === 0 && h.documents === ARTICLES && h.incidents > 0 ? h : undefined;
    });
    const incidents = (await json(`${api}/api/incidents?limit=5`)).body;
    assert.ok(incidents.total > 0 && incidents.items.length > 0, JSON.stringify(incidents).slice(0, 500));
    assert.equal(incidents.total, health.incidents);

    // the workers' counters moved: every article extracted once, between them; their rows say the same
    const scraped = await Promise.all(monitors.map((m) => metrics(`${m.url}/metrics`)));
    const extracted = scraped.reduce(
      (n, m) => n + (m.get('rasd_worker_jobs_done_total', { queue: 'extract' }) ?? 0),
      0,
    );
    assert.ok(extracted >= ARTICLES, `extract jobs done: ${extracted}`);
    for (const m of scraped) assert.equal(m.get('rasd_worker_up'), 1);
    await until('the heartbeats count the jobs', all, async () => {
      const live = (await json(`${api}/api/health`)).body.workers.live as { jobsDone: number }[];
      return live.length === 2 && live.reduce((n, w) => n + w.jobsDone, 0) >= extracted ? true : undefined;
    });

    // the server's metrics: the store, the queue, the workers, and the enqueue request itself
    const m = await metrics(`${api}/metrics`);
    assert.equal(m.get('rasd_store_rows', { table: 'documents' }), ARTICLES);
    assert.equal(m.get('rasd_store_rows', { table: 'incidents' }), health.incidents);
    assert.equal(m.get('rasd_queue_jobs'), 0);
    assert.equal(m.get('rasd_workers_live'), 2);
    assert.equal(
      m.get('rasd_http_request_duration_seconds_count', { method: 'POST', route: '/api/enqueue', status: '202' }),
      1,
    );
    assert.equal(
      m.get('rasd_http_request_duration_seconds_count', { method: 'POST', route: '/api/enqueue', status: '401' }),
      1,
    );

    // a worker killed: listed until its heartbeat is older than the window, then not
    workers[0].child.kill('SIGKILL');
    assert.equal(await workers[0].exited, null);
    const others = [...workers.slice(1), server];
    const killedAt = Date.now();
    await until('the killed worker unlisted', others, async () => {
      const live = (await json(`${api}/api/health`)).body.workers.live as { id: string }[];
      return live.length === 1 && live[0].id === ids[1] ? true : undefined;
    });
    const gone = (Date.now() - killedAt) / 1000;
    t.diagnostic(
      `the killed worker was unlisted after ${gone.toFixed(1)} s (window ${health.workers.windowSeconds} s)`,
    );
    // its last heartbeat was at most one interval (5 s) before it died: listed for the rest of the window
    assert.ok(gone >= health.workers.windowSeconds - HEARTBEAT_MS / 1000 - 1, `unlisted after ${gone} s`);

    // a worker stopped: unlisted at once
    workers[1].child.kill('SIGTERM');
    assert.equal(await workers[1].exited, 0, workers[1].out());
    assert.deepEqual((await json(`${api}/api/health`)).body.workers.live, []);

    server.child.kill('SIGTERM');
    assert.equal(await server.exited, 0, server.out());
  });
});
