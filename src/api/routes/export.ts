/** GET /api/export: the filtered incidents (reviewed values, rejected events left out) as a file. */
import type { FastifyInstance } from 'fastify';
import { acledCsv } from '../../export/acled.js';
import { toGeoJson } from '../../export/geojson.js';
import { checkText } from '../../export/record-checks.js';
import type { Incident } from '../../fuse/types.js';
import { incidentChecks } from '../../store/incident-checks.js';
import { allIncidentsWithTimes } from '../../store/incident-queries.js';
import type { ApiContext } from '../context.js';
import { FILTER_PROPERTIES, type FilterQuery, parseFilter } from '../filters.js';

const FORMATS = {
  'acled-csv': { type: 'text/csv; charset=utf-8', ext: 'csv' },
  geojson: { type: 'application/geo+json', ext: 'geojson' },
  jsonl: { type: 'application/x-ndjson', ext: 'jsonl' },
} as const;
type Format = keyof typeof FORMATS;

export function exportRoutes(app: FastifyInstance, { store }: ApiContext): void {
  app.get<{ Querystring: FilterQuery & { format: Format; bom?: '1' | 'true' | '0' | 'false' } }>(
    '/api/export',
    {
      schema: {
        summary: 'The filtered incidents as ACLED CSV, GeoJSON or JSONL (a download)',
        tags: ['export'],
        querystring: {
          type: 'object',
          properties: {
            format: { type: 'string', enum: Object.keys(FORMATS), default: 'acled-csv' },
            bom: {
              type: 'string',
              enum: ['1', 'true', '0', 'false'],
              description: 'acled-csv: begin with a UTF-8 byte order mark, so that Excel reads the names right',
            },
            ...FILTER_PROPERTIES,
          },
        },
      },
    },
    async (req, reply) => {
      const { incidents, changed } = await allIncidentsWithTimes(store.db, parseFilter(req.query));
      const flagged = await incidentChecks(store.db, incidents);
      const checks = (i: Incident) => flagged.get(i.id) ?? [];
      const format = FORMATS[req.query.format];
      const body =
        req.query.format === 'acled-csv'
          ? acledCsv(incidents, changed, { bom: req.query.bom === '1' || req.query.bom === 'true', checks })
          : req.query.format === 'geojson'
            ? `${JSON.stringify(toGeoJson(incidents, changed, checks))}\n`
            : incidents.map((i) => `${JSON.stringify({ ...i, rasd_check: checkText(checks, i) })}\n`).join('');
      const stamp = new Date().toISOString().slice(0, 10);
      reply
        .header('content-type', format.type)
        .header('content-disposition', `attachment; filename=rasd-incidents-${stamp}.${format.ext}`);
      return body;
    },
  );
}
