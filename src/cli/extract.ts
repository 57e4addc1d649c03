/** `rasd extract`: documents in, one result line per input document out, in order; errors stay per document. */
import { createWriteStream } from 'node:fs';
import type { Writable } from 'node:stream';
import { emptyResult, extract, failingErrors } from '../extract.js';
import { readInputs } from '../sources/read.js';
import type { ExtractionResult } from '../types.js';

export interface ExtractOptions {
  output?: string;
  pretty?: boolean;
  /** YYYY-MM-DD: the publication date of documents that give none (plain text on stdin has no field for it) */
  published?: string;
}

export interface ExtractSummary {
  documents: number;
  failed: number;
  events: number;
}

/** Resolves once `line` is taken; a reader that went away (EPIPE) ends the wait too, and `out.destroyed` says so. */
function write(out: Writable, line: string): Promise<void> {
  return new Promise((resolve, reject) => {
    if (out.destroyed || out.write(line)) resolve();
    else {
      out.once('drain', resolve);
      out.once('close', resolve);
      out.once('error', (e: NodeJS.ErrnoException) => (e.code === 'EPIPE' ? resolve() : reject(e)));
    }
  });
}

/** Extract every document of `sources`, yielding results in input order. */
export async function* extractAll(sources: string[], published?: string): AsyncGenerator<ExtractionResult> {
  const seen = new Set<string>();
  for await (const item of readInputs(sources)) {
    const input = item.doc ?? {};
    if (published && !item.error && (input.published === undefined || input.published === '')) {
      input.published = published;
    }
    const id = typeof input.id === 'string' && input.id ? input.id : item.ref;
    let result: ExtractionResult;
    if (item.error) {
      // the reader's message names its source already
      result = emptyResult(input, id, [{ code: item.error.code, message: item.error.message }]);
    } else {
      try {
        result = extract(input, id);
      } catch (e) {
        const msg = e instanceof Error ? e.message : String(e);
        result = emptyResult(input, id, [
          { code: 'internal_error', message: `${item.ref}: extraction failed: ${msg}` },
        ]);
      }
      for (const w of item.warnings ?? []) result.errors.push({ code: w.code, message: w.message });
    }
    if (seen.has(id))
      result.errors.push({ code: 'duplicate_id', message: `${item.ref}: id "${id}" was already used in this batch` });
    seen.add(id);
    yield result;
  }
}

export async function runExtract(sources: string[], opts: ExtractOptions): Promise<ExtractSummary> {
  const out: Writable = opts.output ? createWriteStream(opts.output) : process.stdout;
  const summary: ExtractSummary = { documents: 0, failed: 0, events: 0 };
  for await (const r of extractAll(sources, opts.published)) {
    if (out.destroyed) break; // the reader went away: nothing more to write to
    summary.documents++;
    summary.events += r.events.length;
    if (failingErrors(r).length > 0) summary.failed++;
    await write(out, `${JSON.stringify(r, null, opts.pretty ? 2 : undefined)}\n`);
    if (out.destroyed) break;
  }
  if (opts.output) await new Promise<void>((resolve) => (out as ReturnType<typeof createWriteStream>).end(resolve));
  return summary;
}
