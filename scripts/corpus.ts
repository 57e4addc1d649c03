/**
 * The in-repo corpus (corpus/: seeds, dev, train, the 2018 news, CLDR tables) for tests, benches and build
 * scripts. The news is shipped gzipped; readers that want a plain .jsonl path get a decompressed copy in the
 * system's temporary folder, made once per content (written to a temporary name, then renamed, so processes that
 * ask at the same time each see a whole file).
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';

export const root = path.resolve(import.meta.dirname, '..');
export const corpusDir = path.join(root, 'corpus');
export const corpus = (...parts: string[]): string => path.join(corpusDir, ...parts);

/** The 2,621 articles of the 2018 news (ANT corpus), gzipped JSONL. */
export const NEWS_GZ = corpus('news/ant2018-conflict.jsonl.gz');

/** The text of a .jsonl or .jsonl.gz file. */
export function readText(file: string): string {
  const bytes = readFileSync(file);
  return (file.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8');
}

/** The non-empty lines of a .jsonl or .jsonl.gz file. */
export function readLines(file: string): string[] {
  return readText(file)
    .split('\n')
    .filter((l) => l.trim());
}

/** A plain JSONL copy of a gzipped file (the news by default), for readers that take a path. */
export function plainCopy(gz: string = NEWS_GZ): string {
  const bytes = readFileSync(gz);
  const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 16);
  const out = path.join(tmpdir(), `rasd-${path.basename(gz, '.gz').replace(/\.jsonl$/, '')}-${hash}.jsonl`);
  if (!existsSync(out)) {
    const part = `${out}.${process.pid}.part`;
    writeFileSync(part, gunzipSync(bytes));
    renameSync(part, out);
  }
  return out;
}
