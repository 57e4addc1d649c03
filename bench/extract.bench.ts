/**
 * Extraction throughput (npm run bench): full extraction vs a bare normalise+tokenise pass over the same articles,
 * on one core. Figures only; never a timed test.
 *
 * usage: node --import tsx bench/extract.bench.ts [ARTICLES.jsonl] [--rounds N]
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { extract } from '../src/extract.js';
import { gazetteer } from '../src/geo/gazetteer.js';
import { makeDoc } from '../src/text/doc.js';
import { normalize } from '../src/text/normalize.js';
import { tokenize } from '../src/text/tokenize.js';
import type { DocumentInput } from '../src/types.js';

const root = path.resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const roundsAt = args.indexOf('--rounds');
const rounds = roundsAt >= 0 ? Number(args[roundsAt + 1]) : 3;
const file =
  args.find((a) => !a.startsWith('--') && a !== args[roundsAt + 1]) ??
  [
    path.resolve(root, '../shared/data/news/ant2018-conflict.jsonl'),
    path.join(root, 'data/sample/articles.jsonl'),
  ].find(existsSync)!;

const docs: DocumentInput[] = readFileSync(file, 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l));
const bytes = docs.reduce((n, d) => n + Buffer.byteLength(d.text ?? ''), 0);
const mb = bytes / 1e6;

function time(label: string, fn: () => void): number {
  let best = Number.POSITIVE_INFINITY;
  for (let r = 0; r < rounds; r++) {
    const t0 = process.hrtime.bigint();
    fn();
    best = Math.min(best, Number(process.hrtime.bigint() - t0) / 1e9);
  }
  console.log(
    `${label.padEnd(26)} ${best.toFixed(3)} s   ${(docs.length / best).toFixed(1).padStart(8)} articles/s   ${(mb / best).toFixed(2).padStart(6)} MB/s`,
  );
  return best;
}

console.log(
  `bench: ${docs.length} articles, ${mb.toFixed(2)} MB of text (${path.relative(process.cwd(), file)}), best of ${rounds}, one core`,
);
let t0 = performance.now();
const g = gazetteer();
console.log(`gazetteer load             ${(performance.now() - t0).toFixed(0)} ms (${g.entries.length} places)`);
t0 = performance.now();
extract({ id: 'warm', text: docs[0].text, published: docs[0].published });
console.log(`lexicons load (first doc)  ${(performance.now() - t0).toFixed(0)} ms`);

const bare = time('normalise+tokenise', () => {
  for (const d of docs) tokenize(normalize(d.text ?? ''));
});
time('doc (+sentences)', () => {
  for (const d of docs) makeDoc(d.id ?? '', d.text ?? '', null);
});
let events = 0;
const full = time('full extraction', () => {
  events = 0;
  for (const d of docs) events += extract(d).events.length;
});
console.log(`ratio full/bare            ${(full / bare).toFixed(1)}x   (${events} events)`);
console.log(`peak RSS                   ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
