/** GET /api/reviews: every review action, newest first. */
import type { FastifyInstance } from 'fastify';
import { listReviews } from '../../store/review-queries.js';
import type { ApiContext } from '../context.js';
import { PAGE_PROPERTIES } from '../filters.js';

export function reviewRoutes(app: FastifyInstance, { store }: ApiContext): void {
  app.get<{ Querystring: { limit: number; offset: number } }>(
    '/api/reviews',
    {
      schema: {
        summary: 'Review actions, newest first',
        tags: ['reviews'],
        querystring: {
          type: 'object',
          properties: { limit: PAGE_PROPERTIES.limit, offset: PAGE_PROPERTIES.offset },
        },
      },
    },
    async (req) => listReviews(store.db, req.query.limit, req.query.offset),
  );
}
