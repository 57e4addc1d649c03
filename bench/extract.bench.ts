/**
 * Extraction throughput (npm run bench): full extraction vs a bare normalise+tokenise pass over the same articles,
 * on one core, and the gazetteer's size, cold load and lookup rate; then `rasd extract` itself with one job and with
 * every core. Figures only; never a timed test.
 *
 * usage: node --import tsx bench/extract.bench.ts [ARTICLES.jsonl[.gz]] [--rounds N] [--cli]   (default: corpus/news, the
 * 2018 news; --cli: only the tokenising pass and the command's figures)
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { NEWS_GZ, plainCopy } from '../scripts/corpus.js';
import { extract } from '../src/extract.js';
import { framedAt, framedPlaces, gazetteer } from '../src/geo/gazetteer.js';
import { normalize } from '../src/lang/ar/normalize.js';
import { makeDoc } from '../src/text/doc.js';
import { tokenize } from '../src/text/tokenize.js';
import type { DocumentInput } from '../src/types.js';

const root = path.resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const roundsAt = args.indexOf('--rounds');
const rounds = roundsAt >= 0 ? Number(args[roundsAt + 1]) : 3;
const cliOnly = args.includes('--cli');
const given = args.find((a, i) => !a.startsWith('--') && (roundsAt < 0 || i !== roundsAt + 1));
// a plain JSONL file, since `rasd extract` reads it too: a gzipped one is read through a decompressed copy
const file = given === undefined ? plainCopy(NEWS_GZ) : given.endsWith('.gz') ? plainCopy(given) : given;
const shown = path.relative(process.cwd(), given ?? NEWS_GZ);

const docs: DocumentInput[] = readFileSync(file, 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l));
const mb = docs.reduce((n, d) => n + Buffer.byteLength(d.text ?? ''), 0) / 1e6;
const line = (label: string, value: string) => console.log(`${label.padEnd(26)} ${value}`);

function time(label: string, fn: () => void): number {
  let best = Number.POSITIVE_INFINITY;
  for (let r = 0; r < rounds; r++) {
    const t0 = process.hrtime.bigint();
    fn();
    best = Math.min(best, Number(process.hrtime.bigint() - t0) / 1e9);
  }
  line(
    label,
    `${best.toFixed(3)} s   ${(docs.length / best).toFixed(1).padStart(8)} articles/s   ${(mb / best).toFixed(2).padStart(6)} MB/s`,
  );
  return best;
}

/**
 * Size on disk (places.tsv and the WOF extension), cold load in fresh processes (the compiled build): the gazetteer,
 * then the framed villages (loaded on the first framed look-up), and token look-ups per second.
 */
function gazetteerFigures(): void {
  const files = ['places.tsv', 'places-wof.tsv.gz', 'places-framed.tsv.gz'].map((f) =>
    path.join(root, 'data/gazetteer', f),
  );
  const size = files.filter((f) => existsSync(f)).reduce((n, f) => n + statSync(f).size, 0) / 1e6;
  const dist = path.join(root, 'dist/geo/gazetteer.js');
  let cold = 'n/a (run npm run build first)';
  if (existsSync(dist)) {
    const code = `const t=performance.now();const g=await import(${JSON.stringify(pathToFileURL(dist).href)});g.gazetteer();const t1=performance.now();if(g.framedPlaces)g.framedPlaces();console.log((t1-t).toFixed(0),(performance.now()-t1).toFixed(0))`;
    const runs = [0, 1, 2].map(() =>
      execFileSync(process.execPath, ['--input-type=module', '-e', code]).toString().trim().split(' ').map(Number),
    );
    const best = (k: number) => Math.min(...runs.map((r) => r[k] ?? 0));
    cold = `${best(0)} ms cold, framed villages +${best(1)} ms on first use (best of 3 fresh processes)`;
  }
  const g = gazetteer();
  const framed = framedPlaces();
  line(
    'gazetteer',
    `${size.toFixed(1)} MB on disk, ${g.entries.length} places + ${framed.lines.length} WOF places and units read after a frame, ${cold}`,
  );
  const sample = docs.slice(0, 300).map((d) => makeDoc(d.id ?? '', d.text ?? '', null));
  let lookups = 0;
  const t0 = process.hrtime.bigint();
  for (const d of sample) {
    for (let i = 0; i < d.tokens.length; i++) {
      g.byName.at(d.tokens, i, { maxCost: 0 });
      lookups++;
    }
  }
  const secs = Number(process.hrtime.bigint() - t0) / 1e9;
  line('gazetteer lookups', `${(lookups / secs / 1e6).toFixed(2)} M tokens/s looked up (${lookups} tokens)`);
  let framedLookups = 0;
  const t1 = process.hrtime.bigint();
  for (const d of sample) {
    for (let i = 0; i < d.tokens.length; i++) {
      framedAt(d.tokens, i, d.tokens.length);
      framedLookups++;
    }
  }
  const fsecs = Number(process.hrtime.bigint() - t1) / 1e9;
  line(
    'gazetteer framed lookups',
    `${(framedLookups / fsecs / 1e6).toFixed(2)} M tokens/s (villages after a frame word)`,
  );
}

console.log(`bench: ${docs.length} articles, ${mb.toFixed(2)} MB of text (${shown}), best of ${rounds}, one core`);
if (!cliOnly) {
  gazetteerFigures();
  const t0 = performance.now();
  extract({ id: 'warm', text: docs[0].text, published: docs[0].published });
  line('lexicons load (first doc)', `${(performance.now() - t0).toFixed(0)} ms`);
}
const bare = time('normalise+tokenise', () => {
  for (const d of docs) tokenize(normalize(d.text ?? ''));
});
if (!cliOnly) {
  time('doc (+sentences)', () => {
    for (const d of docs) makeDoc(d.id ?? '', d.text ?? '', null);
  });
  let events = 0;
  const full = time('full extraction', () => {
    events = 0;
    for (const d of docs) events += extract(d).events.length;
  });
  line('ratio full/bare', `${(full / bare).toFixed(1)}x   (${events} events)`);
  unseenFigure();
  // npm run bench caps the old generation at 256 MB: without a cap V8 lets this process's garbage pile up before
  // collecting it, and the peak said more about the collector's timing (419–585 MB) than about what extraction needs
  const oldSpace = process.execArgv.find((a) => a.startsWith('--max-old-space-size='))?.split('=')[1];
  line(
    'peak RSS (this bench)',
    `${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB (all articles held in memory; old generation ${oldSpace ? `capped at ${oldSpace} MB` : 'not capped'})`,
  );
}

/**
 * The passes above re-read articles whose word forms the per-form caches already hold. In a fresh process, warmed
 * on the even-numbered articles (three passes), the odd-numbered ones are text it has never seen: the rate a
 * long-running ingester reaches on new articles.
 */
function unseenFigure(): void {
  const code = `const {readFileSync}=await import('node:fs');const {extract}=await import(${JSON.stringify(pathToFileURL(path.join(root, 'src/extract.ts')).href)});
const all=readFileSync(${JSON.stringify(file)},'utf8').split('\\n').filter(l=>l.trim()).map(l=>JSON.parse(l));
const seen=all.filter((_,i)=>i%2===0),unseen=all.filter((_,i)=>i%2===1);
for(let r=0;r<3;r++)for(const d of seen)extract(d);
const t=process.hrtime.bigint();for(const d of unseen)extract(d);
console.log(unseen.length, Number(process.hrtime.bigint()-t)/1e9)`;
  const r = spawnSync(
    process.execPath,
    ['--max-semi-space-size=64', '--import', 'tsx', '--input-type=module', '-e', code],
    {
      cwd: root,
    },
  );
  const [n, secs] = r.stdout.toString().trim().split(' ').map(Number);
  line(
    'full extraction, unseen',
    Number.isFinite(secs)
      ? `${secs.toFixed(3)} s   ${(n / secs).toFixed(1).padStart(8)} articles/s   (the odd articles, after 3 passes over the even ones)`
      : `failed: ${r.stderr.toString().slice(0, 300)}`,
  );
}

/**
 * The product's own figures: `rasd extract` over the same file in a fresh process (the bundled build bin/rasd.js
 * runs), start-up and JSONL output included, with one job (extraction on the main thread) and with one worker per
 * core. Wall and CPU time (every thread: main, workers, the collector's helpers) as multiples of the bare
 * tokenising pass above, so that runs on a busy machine still compare; the 1- and N-job runs alternate, best of
 * `rounds` each. The load average says how busy the machine was.
 */
function cliFigures(bare: number): void {
  if (!existsSync(path.join(root, 'dist/rasd/run.js'))) {
    line('rasd extract (CLI)', 'n/a (run npm run build first)');
    return;
  }
  const cores = availableParallelism();
  const jobsList = cores > 1 ? [1, cores] : [1];
  interface CliRun {
    wall: number;
    cpu: number;
    rss: number;
  }
  // bin/rasd.js with its shebang's flags; the child reports its CPU time and peak RSS on fd 3 as it exits
  const once = (jobs: number): CliRun => {
    const argv = ['--max-semi-space-size=64', '--import', path.join(root, 'bench/cpu-at-exit.mjs')];
    const t0 = performance.now();
    const r = spawnSync(
      process.execPath,
      [...argv, path.join(root, 'bin/rasd.js'), 'extract', '--jobs', `${jobs}`, file],
      {
        stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
      },
    );
    const wall = (performance.now() - t0) / 1000;
    const report = r.output[3]?.toString().trim();
    if (r.status !== 0 || !report) {
      throw new Error(`rasd extract --jobs ${jobs} failed: ${r.stderr?.toString().slice(0, 300)}`);
    }
    const u = JSON.parse(report) as { cpuMs: number; maxRssKb: number };
    return { wall, cpu: u.cpuMs / 1000, rss: u.maxRssKb / 1024 };
  };
  const best = new Map<number, CliRun>();
  for (let r = 0; r < rounds; r++) {
    for (const jobs of jobsList) {
      const x = once(jobs);
      const b = best.get(jobs);
      best.set(jobs, {
        wall: Math.min(x.wall, b?.wall ?? x.wall),
        cpu: Math.min(x.cpu, b?.cpu ?? x.cpu),
        rss: Math.max(x.rss, b?.rss ?? x.rss),
      });
    }
  }
  for (const jobs of jobsList) {
    const x = best.get(jobs)!;
    line(
      `rasd extract --jobs ${jobs}`,
      `${x.wall.toFixed(2)} s   ${(docs.length / x.wall).toFixed(1).padStart(8)} articles/s   wall ${(x.wall / bare).toFixed(1)}x bare, CPU ${x.cpu.toFixed(2)} s = ${(x.cpu / bare).toFixed(1)}x bare; peak RSS ${x.rss.toFixed(0)} MB`,
    );
  }
  if (jobsList.length > 1) {
    const [one, all] = jobsList.map((j) => best.get(j)!);
    line(
      `--jobs ${cores} / --jobs 1`,
      `${(one.wall / all.wall).toFixed(2)}x the articles/s (wall), ${(all.cpu / one.cpu).toFixed(2)}x the CPU; load average ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')} (1, 5, 15 min) on ${cores} cores`,
    );
  }
}
cliFigures(bare);
