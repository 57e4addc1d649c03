/** `rasd export`: the store's incidents as ACLED CSV, GeoJSON or JSONL, filtered as GET /api/export filters them. */
import { acledCsv } from '../export/acled.js';
import { toGeoJson } from '../export/geojson.js';
import { checkText } from '../export/record-checks.js';
import type { Incident } from '../fuse/types.js';
import { FilterError, parseFilterParams } from '../store/filter-params.js';
import { incidentChecks } from '../store/incident-checks.js';
import { allIncidentsWithTimes } from '../store/incident-queries.js';
import type { ListFilter } from '../store/listing-filter.js';
import { openStore } from '../store/open.js';
import type { ExportCliOptions } from './main.js';
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

export async function runExport(
  db: string | undefined,
  format: ExportCliOptions['format'],
  filter: ListFilter,
  out: NodeJS.WritableStream,
  opts: { bom?: boolean } = {},
): Promise<number> {
  const store = await openStore(db);
  try {
    const { incidents, changed } = await allIncidentsWithTimes(store.db, filter);
    const flagged = await incidentChecks(store.db, incidents);
    const checks = (i: Incident) => flagged.get(i.id) ?? [];
    if (format === 'acled-csv') out.write(acledCsv(incidents, changed, { bom: opts.bom, checks }));
    else if (format === 'geojson') out.write(`${JSON.stringify(toGeoJson(incidents, changed, checks))}\n`);
    else for (const i of incidents) out.write(`${JSON.stringify({ ...i, rasd_check: checkText(checks, i) })}\n`);
    return incidents.length;
  } finally {
    await store.close();
  }
}
