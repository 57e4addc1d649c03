/** `rasd export`: the store's incidents as ACLED CSV, GeoJSON or JSONL, filtered as GET /api/export filters them. */
import { exportChunks } from '../export/stream.js';
import { FilterError, parseFilterParams } from '../store/filter-params.js';
import { incidentBatches } from '../store/incident-batches.js';
import type { ListFilter } from '../store/listing-filter.js';
import { openStore } from '../store/open.js';
import type { ExportCliOptions } from './main.js';
import { pipeClosed, written } from './pipe.js';
import { UsageError } from './usage.js';
/** The export options as the API's filter; a bad value is a usage error naming its option. */
export function exportFilter(opts: ExportCliOptions): ListFilter {
  try {
    return parseFilterParams({ ...opts, q: opts.text });
  } catch (e) {
    if (e instanceof FilterError) throw new UsageError(`--${e.param === 'q' ? 'text' : e.param}: ${e.detail}`);
    throw e;
  }
}

/** Writes the export as it reads it, a batch of incidents at a time; returns how many incidents it wrote. */
export async function runExport(
  db: string | undefined,
  format: ExportCliOptions['format'],
  filter: ListFilter,
  out: NodeJS.WritableStream,
  opts: { bom?: boolean } = {},
): Promise<number> {
  const store = await openStore(db);
  try {
    let count = 0;
    async function* counted() {
      for await (const b of incidentBatches(store.db, filter)) {
        count += b.incidents.length;
        yield b;
      }
    }
    for await (const chunk of exportChunks(format, counted(), { bom: opts.bom })) {
      // a reader that stopped early (`rasd export | head`): stop reading the store, quietly
      if (pipeClosed() || (out as { destroyed?: boolean }).destroyed) break;
      await written(out, chunk);
    }
    return count;
  } finally {
    await store.close();
  }
}
