/**
 * The SHA-256 of `rasd extract`'s output on the dev set, the training set and the 2,621 articles of the 2018 news:
 * a refactoring that must not change what is extracted shows the same three hashes before and after.
 *
 * usage: node --import tsx scripts/extraction-hashes.ts [--json]
 */
import { createHash } from 'node:crypto';
import { extract } from '../src/extract.js';
import type { DocumentInput } from '../src/types.js';
import { corpus, NEWS_GZ, readLines } from './corpus.js';

export const SETS = {
  dev: corpus('dev/articles.jsonl'),
  train: corpus('train/articles.jsonl'),
  news: NEWS_GZ,
} as const;

/** The hash of one result line per document, as `rasd extract` writes them. */
export function extractionHash(file: string): { documents: number; events: number; sha256: string } {
  const h = createHash('sha256');
  let documents = 0;
  let events = 0;
  for (const line of readLines(file)) {
    const doc = JSON.parse(line) as DocumentInput;
    const r = extract(doc, `line:${documents + 1}`);
    documents++;
    events += r.events.length;
    h.update(`${JSON.stringify(r)}\n`);
  }
  return { documents, events, sha256: h.digest('hex') };
}

if (import.meta.main ?? process.argv[1]?.endsWith('extraction-hashes.ts')) {
  const out: Record<string, ReturnType<typeof extractionHash>> = {};
  for (const [name, file] of Object.entries(SETS)) out[name] = extractionHash(file);
  if (process.argv.includes('--json')) console.log(JSON.stringify(out, null, 2));
  else
    for (const [name, r] of Object.entries(out))
      console.log(`${name.padEnd(6)} ${r.documents} documents ${r.events} events ${r.sha256}`);
}
