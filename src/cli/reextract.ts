/** `rasd reextract`: extract stored documents again with the current extractor, keeping review actions. */
import { extractionPool } from '../store/extract-pool.js';
import { openStore } from '../store/open.js';
import { type ReextractSummary, reextract } from '../store/reextract.js';
import { type Progress, progress } from './progress.js';

/** `jobs`: cores to use: the main thread writes, the others extract; 1 extracts on the main thread too (default 1). */
export async function runReextract(opts: { db?: string; all?: boolean; jobs?: number }): Promise<ReextractSummary> {
  const started = performance.now();
  const store = await openStore(opts.db);
  const pool = extractionPool((opts.jobs ?? 1) - 1);
  let bar: Progress | null = null;
  try {
    let shown = 0;
    const summary = await reextract(store.db, {
      pool,
      all: opts.all,
      onBatch(done, total) {
        bar ??= progress('rasd reextract', total);
        for (; shown < done; shown++) bar.tick({});
      },
    });
    (bar as Progress | null)?.stop();
    bar = null;
    const secs = ((performance.now() - started) / 1000).toFixed(1);
    process.stderr.write(
      `rasd reextract: ${summary.documents} documents extracted again, ${summary.events} events; ` +
        `reviews ${summary.reviewsApplied} re-applied, ${summary.reviewsGone} flagged (event gone) (${secs} s)\n`,
    );
    return summary;
  } finally {
    (bar as Progress | null)?.stop();
    await pool.close();
    await store.close();
  }
}
