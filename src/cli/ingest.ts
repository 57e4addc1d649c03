/** `rasd ingest`: read documents (files, folders, JSONL, stdin, feed and article URLs) into the store. */
import { readAnyInputs } from '../sources/inputs.js';
import type { InputItem } from '../sources/item.js';
import { extractionPool } from '../store/extract-pool.js';
import { type IngestSummary, ingestItems } from '../store/ingest.js';
import { isNewStore, openStore, redact, resolveTarget, type Store } from '../store/open.js';
import { estimateDocuments } from './estimate.js';
import { progress } from './progress.js';

export interface IngestCliOptions {
  db?: string;
  batch?: number;
  /** fetch URLs on private addresses too */
  allowPrivate?: boolean;
  /** YYYY-MM-DD: the publication date of documents that give none */
  published?: string;
  /** cores to use: the main thread writes, the others extract; 1 extracts on the main thread too (default 1) */
  jobs?: number;
}

/** Items with `published` filled in where their document has none. */
async function* withPublished(items: AsyncIterable<InputItem>, published?: string): AsyncGenerator<InputItem> {
  for await (const item of items) {
    if (published && item.doc && !item.error && (item.doc.published === undefined || item.doc.published === '')) {
      item.doc.published = published;
    }
    yield item;
  }
}

export async function runIngest(sources: string[], opts: IngestCliOptions): Promise<IngestSummary> {
  const started = performance.now();
  const target = resolveTarget(opts.db);
  const where = target.kind === 'pglite' ? target.dir : redact(target.url);
  // A new embedded store takes seconds to create: extraction (in worker threads) starts meanwhile.
  const emptyStore = isNewStore(target);
  const opening = openStore(opts.db);
  opening.catch(() => {}); // awaited below
  let store: Store | null = null;
  const pool = extractionPool((opts.jobs ?? 1) - 1);
  try {
    const bar = progress('rasd ingest', await estimateDocuments(sources));
    let summary: IngestSummary;
    try {
      summary = await ingestItems(
        opening.then((s) => {
          store = s;
          return s.db;
        }),
        withPublished(readAnyInputs(sources, { allowPrivate: opts.allowPrivate }), opts.published),
        {
          pool,
          emptyStore,
          batchSize: opts.batch,
          onOutcome(o, sum) {
            if (o.kind === 'failed') {
              const stored = o.stored ? ' (stored with its errors)' : '';
              bar.log(`failed ${o.ref}${stored}: ${o.reasons.join('; ')}`);
            }
            bar.tick({ new: sum.new, duplicate: sum.duplicate, failed: sum.failed });
          },
        },
      );
    } finally {
      bar.stop();
    }
    const secs = ((performance.now() - started) / 1000).toFixed(1);
    process.stderr.write(
      `rasd ingest: ${summary.read} read, ${summary.new} new, ${summary.duplicate} duplicate, ${summary.failed} failed; ` +
        `${summary.events} events stored, incidents ${summary.incidents >= 0 ? '+' : ''}${summary.incidents} (${where}, ${secs} s)\n`,
    );
    for (const f of summary.failures) {
      process.stderr.write(
        `  failed ${f.ref}${f.stored ? ' (stored with its errors)' : ''}: ${f.reasons.join('; ')}\n`,
      );
    }
    return summary;
  } finally {
    await pool.close();
    await (store ?? (await opening.catch(() => null)))?.close();
  }
}
