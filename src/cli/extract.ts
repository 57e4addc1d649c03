/** `rasd extract`: documents in, one result line per input document out, in order; errors stay per document. */
import { createWriteStream } from 'node:fs';
import type { Writable } from 'node:stream';
import { emptyResult, failingErrors } from '../extract.js';
import { type InputItem, readInputs } from '../sources/read.js';
import { AHEAD, DOCUMENTS_PER_START, extractionPool } from '../store/extract-pool.js';
import type { ExtractionResult } from '../types.js';
import { estimateDocuments } from './estimate.js';
import { written } from './pipe.js';

export interface ExtractOptions {
  output?: string;
  pretty?: boolean;
  /** YYYY-MM-DD: the publication date of documents that give none (plain text on stdin has no field for it) */
  published?: string;
  /** extraction threads (default 1: the calling thread) */
  jobs?: number;
}

export interface ExtractSummary {
  documents: number;
  failed: number;
  events: number;
}

/**
 * The threads to extract with: the `jobs` asked for, except that a handful of documents (counted where the sources
 * are files) is extracted on the main thread, since starting a worker would cost more than it saves.
 */
async function threadsFor(sources: string[], jobs: number): Promise<number> {
  if (jobs <= 1) return 1;
  const documents = await estimateDocuments(sources);
  return documents !== null && documents <= DOCUMENTS_PER_START ? 1 : jobs;
}

export interface ExtractAllOptions {
  /** YYYY-MM-DD: the publication date of documents that give none */
  published?: string;
  /** extraction threads: 1 (the default) extracts on the calling thread, more in as many worker threads */
  jobs?: number;
}

/**
 * Extract every document of `sources`, yielding results in input order. With workers, at most `jobs` × 2 × AHEAD
 * documents are read ahead of the result being yielded, so memory stays bounded however long the input, and a
 * consumer that stops pulling (a full pipe) stops the reading too.
 */
export async function* extractAll(sources: string[], opts: ExtractAllOptions = {}): AsyncGenerator<ExtractionResult> {
  const threads = await threadsFor(sources, opts.jobs ?? 1);
  const pool = extractionPool(threads > 1 ? threads : 0);
  const window = threads > 1 ? threads * 2 * AHEAD : 1;
  const inFlight: Promise<ExtractionResult>[] = [];
  const seen = new Set<string>();
  const start = (item: InputItem): Promise<ExtractionResult> => {
    const input = item.doc ?? {};
    if (opts.published && !item.error && (input.published === undefined || input.published === '')) {
      input.published = opts.published;
    }
    const id = typeof input.id === 'string' && input.id ? input.id : item.ref;
    const repeated = seen.has(id);
    seen.add(id);
    const extracted = item.error
      ? // the reader's message names its source already
        Promise.resolve(emptyResult(input, id, [{ code: item.error.code, message: item.error.message }]))
      : pool.extract(input, id, item.ref).then((result) => {
          for (const w of item.warnings ?? []) result.errors.push({ code: w.code, message: w.message });
          return result;
        });
    if (!repeated) return extracted;
    return extracted.then((result) => {
      result.errors.push({ code: 'duplicate_id', message: `${item.ref}: id "${id}" was already used in this batch` });
      return result;
    });
  };
  try {
    for await (const item of readInputs(sources)) {
      inFlight.push(start(item));
      if (inFlight.length >= window) yield await inFlight.shift()!;
    }
    while (inFlight.length > 0) yield await inFlight.shift()!;
  } finally {
    await pool.close();
  }
}

export async function runExtract(sources: string[], opts: ExtractOptions): Promise<ExtractSummary> {
  const out: Writable = opts.output ? createWriteStream(opts.output) : process.stdout;
  const summary: ExtractSummary = { documents: 0, failed: 0, events: 0 };
  for await (const r of extractAll(sources, { published: opts.published, jobs: opts.jobs })) {
    if (out.destroyed) break; // the reader went away: nothing more to write to
    summary.documents++;
    summary.events += r.events.length;
    if (failingErrors(r).length > 0) summary.failed++;
    await written(out, `${JSON.stringify(r, null, opts.pretty ? 2 : undefined)}\n`);
    if (out.destroyed) break;
  }
  if (opts.output) await new Promise<void>((resolve) => (out as ReturnType<typeof createWriteStream>).end(resolve));
  return summary;
}
