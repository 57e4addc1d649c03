/** GET /api/export: the filtered incidents (reviewed values, rejected events left out) as a file. */
import type { FastifyInstance } from 'fastify';
import { exportStream } from '../../export/stream.js';
import { incidentBatches } from '../../store/incident-batches.js';
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
      const format = FORMATS[req.query.format];
      const bom = req.query.bom === '1' || req.query.bom === 'true';
      // written while it is read, a batch of incidents at a time
      const body = exportStream(req.query.format, incidentBatches(store.db, parseFilter(req.query)), { bom });
      const stamp = new Date().toISOString().slice(0, 10);
      reply
        .header('content-type', format.type)
        .header('content-disposition', `attachment; filename=rasd-incidents-${stamp}.${format.ext}`);
      return body;
    },
  );
}
