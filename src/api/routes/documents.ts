/** GET /api/documents/:id and /api/statistics */
import type { FastifyInstance } from 'fastify';
import { documentDetail } from '../../store/document-queries.js';
import { readStatistics } from '../../store/read.js';
import type { ApiContext } from '../context.js';
import { notFound } from '../errors.js';

export function documentRoutes(app: FastifyInstance, { store }: ApiContext): void {
  app.get<{ Params: { id: string } }>(
    '/api/documents/:id',
    {
      schema: {
        summary: 'A stored document: its text (spans index into it), events, statistics, statements and errors',
        tags: ['documents'],
        params: { type: 'object', properties: { id: { type: 'string', minLength: 1 } }, required: ['id'] },
      },
    },
    async (req) => {
      const doc = await documentDetail(store.db, req.params.id);
      if (!doc) throw notFound(`no document "${req.params.id}"`);
      return doc;
    },
  );

  app.get(
    '/api/statistics',
    { schema: { summary: 'Every statistic the documents cite (counts of attacks, killed …)', tags: ['documents'] } },
    async () => ({ items: await readStatistics(store.db) }),
  );
}
