/**
 * Workers on PostgreSQL (npm run bench:queue): ingest throughput of 1, 2 and 4 `rasd worker` processes over the
 * same documents (JSONL → extract → store → fuse jobs), each run in a fresh database; then the time of one
 * fusion (fuseAll) of 100,000 synthetic events, as bench/fusion.bench.ts measures it (npm run bench:fusion: 100,000
 * and 1,000,000). Figures only; never a timed test.
 *
 * usage: node --import tsx bench/queue.bench.ts [--docs N] [--events N]   (RASD_BENCH_PG: a server to use)
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { NEWS_GZ, readLines } from '../scripts/corpus.js';
import { fusionHeader, fusionLine, measureFusion } from './fusion.bench.js';
import { freshDatabase, type LocalPostgres, query, startPostgres } from './local-postgres.js';

const args = process.argv.slice(2);
const arg = (name: string, dflt: number) => {
  const at = args.indexOf(name);
  return at >= 0 ? Number(args[at + 1]) : dflt;
};
const N_DOCS = arg('--docs', 1000);
const N_EVENTS = arg('--events', 100_000);
const root = path.resolve(import.meta.dirname, '..');
const cli = path.join(root, 'src/cli/run.ts');

const rasd = (...a: string[]) => {
  const r = spawnSync(process.execPath, ['--import', 'tsx', cli, ...a], { cwd: root, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
};

/** Seconds from starting `workers` processes until every document is stored and fused. */
async function ingest(server: string, file: string, workers: number): Promise<number> {
  const db = await freshDatabase(server, `rasd_bench_queue_${workers}`);
  rasd('enqueue', '--db', db, file);
  const started = performance.now();
  const children: ChildProcess[] = Array.from({ length: workers }, () =>
    spawn(process.execPath, ['--import', 'tsx', cli, 'worker', '--db', db, '--until-idle'], {
      cwd: root,
      stdio: 'ignore',
    }),
  );
  const exited = children.map((c) => new Promise((r) => c.on('exit', r)));
  for (;;) {
    await new Promise((r) => setTimeout(r, 200));
    const [row] = await query<{ docs: string; unfused: string; pending: string }>(
      db,
      `select (select count(*) from documents) as docs, (select count(*) from events where not fused) as unfused,
        (select count(*) from pgboss.job where state < 'completed') as pending`,
    ).catch(() => [{ docs: '0', unfused: '1', pending: '1' }]);
    if (Number(row.pending) === 0 && Number(row.unfused) === 0 && Number(row.docs) > 0) break;
  }
  const seconds = (performance.now() - started) / 1000;
  await Promise.all(exited);
  await query(server, `drop database rasd_bench_queue_${workers} with (force)`);
  return seconds;
}

async function main() {
  const local: LocalPostgres | null = process.env.RASD_BENCH_PG ? null : await startPostgres();
  const server = process.env.RASD_BENCH_PG ?? local!.url;
  const dir = mkdtempSync(path.join(tmpdir(), 'rasd-bench-queue-'));
  try {
    const file = path.join(dir, 'docs.jsonl');
    const lines = readLines(NEWS_GZ).slice(0, N_DOCS);
    writeFileSync(file, `${lines.join('\n')}\n`);
    console.log(`ingest of ${lines.length} documents of the 2018 news through the job queue (fresh database each)`);
    console.log('workers  seconds  docs/s');
    for (const n of [1, 2, 4]) {
      const s = await ingest(server, file, n);
      console.log(
        `${String(n).padStart(7)}  ${s.toFixed(1).padStart(7)}  ${(lines.length / s).toFixed(1).padStart(6)}`,
      );
    }
    console.log(`\nfuseAll of synthetic events (in a fresh process)\n${fusionHeader}`);
    console.log(fusionLine(measureFusion(N_EVENTS)));
  } finally {
    rmSync(dir, { recursive: true, force: true });
    local?.stop();
  }
}

await main();
