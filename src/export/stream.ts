/**
 * An export written as it is read: batches of incidents in, text chunks out, so that neither the whole list of
 * incidents nor the whole file is held in memory (`rasd export`, GET /api/export). The bytes are those of
 * acledCsv, toGeoJson and one JSON record a line.
 */
import { Readable } from 'node:stream';
import type { Incident } from '../fuse/types.js';
import { acledCsvRows, EXPORT_COLUMNS, type Timestamps } from './acled.js';
import { csvText } from './csv-cells.js';
import { toFeature } from './geojson.js';
import { checkText, type RecordChecks } from './record-checks.js';

export const EXPORT_FORMATS = ['acled-csv', 'geojson', 'jsonl'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Some incidents in export order, with when each last changed and why each is worth a look. */
export interface IncidentBatch {
  incidents: Incident[];
  changed: Timestamps;
  checks: RecordChecks;
}

/** The export's text, a chunk per batch (the CSV's header and the GeoJSON's head and tail on their own). */
export async function* exportChunks(
  format: ExportFormat,
  batches: AsyncIterable<IncidentBatch> | Iterable<IncidentBatch>,
  { bom = false }: { bom?: boolean } = {},
): AsyncGenerator<string> {
  if (format === 'acled-csv') yield csvText([], EXPORT_COLUMNS, bom);
  if (format === 'geojson') yield '{"type":"FeatureCollection","features":[';
  let first = true;
  for await (const b of batches) {
    if (format === 'acled-csv') {
      if (b.incidents.length) yield csvText(acledCsvRows(b.incidents, b.changed, { checks: b.checks }));
      continue;
    }
    const parts: string[] = [];
    for (const i of b.incidents) {
      if (format === 'jsonl') parts.push(`${JSON.stringify({ ...i, rasd_check: checkText(b.checks, i) })}\n`);
      else {
        const f = toFeature(i, b.changed, b.checks);
        if (!f) continue;
        parts.push(`${first ? '' : ','}${JSON.stringify(f)}`);
        first = false;
      }
    }
    if (parts.length) yield parts.join('');
  }
  if (format === 'geojson') yield ']}\n';
}

/** The export as a byte stream (an HTTP reply's body). */
export const exportStream = (...args: Parameters<typeof exportChunks>): Readable =>
  Readable.from(exportChunks(...args));
