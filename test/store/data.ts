/** Real inputs for the store tests, read with the same reader the commands use. */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { corpus, plainCopy } from '../../scripts/corpus.js';
import type { InputItem } from '../../src/sources/item.js';
import { readInputs } from '../../src/sources/read.js';

export const root = path.resolve(import.meta.dirname, '../..');
export const DEV = corpus('dev/articles.jsonl');
/** The 2,621 articles of the 2018 news: a plain JSONL copy of corpus/news/ant2018-conflict.jsonl.gz. */
export const NEWS = plainCopy();
export const SEEDS = corpus('seeds/articles.jsonl');

export async function items(sources: string[]): Promise<InputItem[]> {
  const out: InputItem[] = [];
  for await (const item of readInputs(sources)) out.push(item);
  return out;
}

export async function* each<T>(list: T[]): AsyncGenerator<T> {
  for (const x of list) yield x;
}

/** How many distinct documents (same text at the same address) the items hold, counted independently. */
export function distinctDocuments(list: InputItem[]): number {
  const seen = new Set<string>();
  for (const item of list) {
    const text = item.doc?.text;
    if (item.error || typeof text !== 'string' || !text.trim()) continue;
    const hash = createHash('sha256').update(text.replaceAll('\0', '')).digest('hex');
    seen.add(`${hash} ${item.doc?.url ?? ''}`);
  }
  return seen.size;
}
