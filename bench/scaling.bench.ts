/**
 * Extraction time by document length (npm run bench): the 2018 news run together into one document of 1, 2, 4 and
 * 8 MB, each extracted once after a warm-up; the ratio per doubling should stay near 2 (linear). Figures only.
 *
 * usage: node --import tsx bench/scaling.bench.ts [--mb 1,2,4,8]
 */
import { readFileSync } from 'node:fs';
import { NEWS_GZ, plainCopy } from '../scripts/corpus.js';
import { extract } from '../src/extract.js';

const at = process.argv.indexOf('--mb');
const sizes = (at >= 0 ? process.argv[at + 1] : '1,2,4,8').split(',').map(Number);
const texts = readFileSync(plainCopy(NEWS_GZ), 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => (JSON.parse(l) as { text: string }).text);
const all = texts.join('\n\n');
extract({ id: 'warm', text: texts.slice(0, 200).join('\n\n'), published: '2018-06-01' });

let previous: number | null = null;
for (const mb of sizes) {
  // characters of Arabic text are about two bytes each in UTF-8
  let text = all.slice(0, Math.round((mb * 1e6) / 1.8));
  while (Buffer.byteLength(text) < mb * 1e6 && text.length < all.length) text = all.slice(0, text.length + 50_000);
  const t0 = process.hrtime.bigint();
  const r = extract({ id: `doc-${mb}`, text, published: '2018-06-01' });
  const s = Number(process.hrtime.bigint() - t0) / 1e9;
  const ratio = previous === null ? '' : `  ×${(s / previous).toFixed(2)} for the doubling`;
  console.log(
    `${`${(Buffer.byteLength(text) / 1e6).toFixed(2)} MB`.padEnd(10)} ${s.toFixed(2)} s  ${r.events.length} events${ratio}`,
  );
  previous = s;
}
