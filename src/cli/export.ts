/** `rasd export`: the store's incidents as ACLED CSV, GeoJSON or JSONL, filtered. */
import { acledCsv } from '../export/acled.js';
import type { IncidentFilter } from '../export/filter.js';
import { toGeoJson } from '../export/geojson.js';
import { openStore } from '../store/open.js';
import { readIncidents } from '../store/read.js';

export const FORMATS = ['acled-csv', 'geojson', 'jsonl'] as const;
export type Format = (typeof FORMATS)[number];

export async function runExport(opts: IncidentFilter & { db?: string; format: Format }, out: NodeJS.WritableStream) {
  if (!FORMATS.includes(opts.format)) throw new Error(`unknown format "${opts.format}" (one of ${FORMATS.join(', ')})`);
  for (const d of [opts.from, opts.to]) {
    if (d !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(d)) throw new Error(`dates are YYYY-MM-DD, not "${d}"`);
  }
  const store = await openStore(opts.db);
  try {
    const incidents = await readIncidents(store.db, opts);
    if (opts.format === 'acled-csv') out.write(acledCsv(incidents));
    else if (opts.format === 'geojson') out.write(`${JSON.stringify(toGeoJson(incidents))}\n`);
    else for (const i of incidents) out.write(`${JSON.stringify(i)}\n`);
    return incidents.length;
  } finally {
    await store.close();
  }
}
