/**
 * Start-up (part of npm run bench): the CPU time of short commands as a user runs them (bin/rasd.js, the compiled
 * build), against an empty node process measured in the same run, and the wall time from `rasd serve` on an
 * existing store to its first /api/health answer. Targets (issue 14): --help, --version and status under 150 ms of
 * CPU; extract of one short document under 600 ms; /api/health within 2 s. Figures only; never a timed test.
 *
 * `status` needs PostgreSQL: RASD_BENCH_PG=postgres://… (or RASD_TEST_PG) is used, else a throwaway server is
 * started (bench/local-postgres.ts) when PostgreSQL is installed; otherwise that line says n/a.
 *
 * usage: node --import tsx bench/startup.bench.ts [--runs N]
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { corpus } from '../scripts/corpus.js';
import { freshDatabase, type LocalPostgres, startPostgres } from './local-postgres.js';

const root = path.resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const runsAt = args.indexOf('--runs');
const runs = runsAt >= 0 ? Number(args[runsAt + 1]) : 5;
const BIN = path.join(root, 'bin/rasd.js');
const PRELOAD = path.join(root, 'bench/cpu-at-exit.mjs');
// the flags of bin/rasd.js's shebang, so the figures are what `rasd …` costs
const NODE_FLAGS = ['--max-semi-space-size=64'];

if (!existsSync(path.join(root, 'dist/rasd/run.js'))) {
  console.error('startup bench: run npm run build first (it measures the compiled build)');
  process.exit(2);
}

const tmp = mkdtempSync(path.join(tmpdir(), 'rasd-startup-'));
const line = (label: string, value: string) => console.log(`${label.padEnd(34)} ${value}`);

interface Usage {
  cpuMs: number;
  maxRssKb: number;
}

/** One process: its own CPU time and peak RSS, reported at exit on fd 3. */
function measure(argv: string[], opts: { input?: string; flags?: string[] } = {}): Usage {
  const r = spawnSync(process.execPath, [...(opts.flags ?? NODE_FLAGS), '--import', PRELOAD, ...argv], {
    cwd: tmp,
    input: opts.input,
    stdio: ['pipe', 'ignore', 'pipe', 'pipe'],
    env: { ...process.env, RASD_DB: path.join(tmp, 'no-store') },
  });
  const report = r.output[3]?.toString().trim();
  if (!report) throw new Error(`${argv.join(' ')}: no CPU report (status ${r.status}): ${r.stderr?.toString()}`);
  return JSON.parse(report) as Usage;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function report(label: string, argv: string[], target: number | null, base: number, opts = {}): void {
  measure(argv, opts); // the page cache warm, as a user's second command finds it
  const xs = Array.from({ length: runs }, () => measure(argv, opts));
  const cpu = median(xs.map((x) => x.cpuMs));
  const verdict =
    target === null ? '' : cpu < target ? `  (target < ${target} ms: met)` : `  (target < ${target} ms: NOT met)`;
  line(
    label,
    `${cpu.toFixed(0).padStart(5)} ms CPU median of ${runs} (best ${Math.min(...xs.map((x) => x.cpuMs)).toFixed(0)})` +
      `  ${(cpu / base).toFixed(1)}× node -e 0  peak RSS ${(median(xs.map((x) => x.maxRssKb)) / 1024).toFixed(0)} MiB${verdict}`,
  );
}

/** Wall time from spawning `rasd serve` on `db` to a 200 from /api/health, and what that answer says. */
async function serveToHealth(db: string): Promise<{ ms: number; body: Record<string, unknown> }> {
  const started = performance.now();
  const child = spawn(process.execPath, [...NODE_FLAGS, BIN, 'serve', '--db', db, '--port', '0'], {
    cwd: tmp,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, RASD_TOKEN: 'bench-token-not-secret' },
  });
  try {
    let out = '';
    const port = await new Promise<number>((resolve, reject) => {
      child.stdout.on('data', (d) => {
        out += d;
        const m = /serving at http:\/\/[^:]+:(\d+)/.exec(out);
        if (m) resolve(Number(m[1]));
      });
      child.once('exit', (c) => reject(new Error(`rasd serve exited ${c}`)));
    });
    for (;;) {
      try {
        const res = await fetch(`http://127.0.0.1:${port}/api/health`);
        if (res.status === 200)
          return { ms: performance.now() - started, body: (await res.json()) as Record<string, unknown> };
      } catch {
        // not answering yet
      }
      await new Promise((r) => setTimeout(r, 10));
    }
  } finally {
    child.kill('SIGTERM');
    if (child.exitCode === null) await new Promise((r) => child.once('exit', r));
  }
}

let pg: LocalPostgres | null = null;
try {
  console.log(`start-up, ${process.version}, ${runs} runs each (CPU: user + system of the whole process)`);
  const base = median(Array.from({ length: runs }, () => measure(['-e', '0'], { flags: [] }).cpuMs));
  line('node -e 0 (baseline)', `${base.toFixed(0).padStart(5)} ms CPU`);
  report('rasd --help', [BIN, '--help'], 150, base);
  report('rasd --version', [BIN, '--version'], 150, base);

  let pgUrl = process.env.RASD_BENCH_PG || process.env.RASD_TEST_PG || '';
  if (!pgUrl && existsSync('/usr/lib/postgresql')) {
    pg = await startPostgres();
    pgUrl = pg.url;
  }
  if (pgUrl) {
    const db = await freshDatabase(pgUrl, 'rasd_bench_startup');
    spawnSync(process.execPath, [BIN, 'status', '--db', db], { stdio: 'ignore' }); // creates the store's schema
    report('rasd status (PostgreSQL)', [BIN, 'status', '--db', db], 150, base);
  } else line('rasd status (PostgreSQL)', 'n/a: no PostgreSQL (set RASD_BENCH_PG)');

  // one short news document, plain text on stdin, with the date that anchors "اليوم"
  const seed = readFileSync(corpus('seeds/articles.jsonl'), 'utf8').split('\n')[0];
  const text = (JSON.parse(seed) as { text: string }).text.split('\n').slice(0, 3).join('\n');
  writeFileSync(path.join(tmp, 'one.txt'), text);
  report(
    `rasd extract (one document, ${text.length} chars)`,
    [BIN, 'extract', '--published', '2023-12-15', 'one.txt'],
    600,
    base,
  );

  const store = path.join(tmp, 'store');
  const ing = spawnSync(process.execPath, [BIN, 'ingest', '--db', store, corpus('seeds/articles.jsonl')], {
    encoding: 'utf8',
  });
  if (ing.status !== 0) throw new Error(`ingest failed: ${ing.stderr}`);
  const waits: number[] = [];
  let body: Record<string, unknown> = {};
  for (let r = 0; r < Math.min(runs, 3); r++) {
    const h = await serveToHealth(store);
    waits.push(h.ms);
    body = h.body;
  }
  const wait = median(waits);
  line(
    'rasd serve (existing store) → health',
    `${wait.toFixed(0).padStart(5)} ms wall, median of ${waits.length}  (target < 2000 ms: ${wait < 2000 ? 'met' : 'NOT met'})` +
      `  first answer: ready ${body.ready ?? '?'}, warm ${body.warm ?? '?'}`,
  );
} finally {
  pg?.stop();
  rmSync(tmp, { recursive: true, force: true });
}
