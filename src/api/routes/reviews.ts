/** GET /api/reviews: every review action, newest first; GET /api/review-queue: the events to check. */
import type { FastifyInstance } from 'fastify';
import { listReviews } from '../../store/review-queries.js';
import { QUEUE_CANDIDATES, reviewQueue } from '../../store/review-queue.js';
import type { ApiContext } from '../context.js';
import { FILTER_PROPERTIES, type FilterQuery, PAGE_PROPERTIES, parseFilter } from '../filters.js';

const { review: _review, ...QUEUE_FILTERS } = FILTER_PROPERTIES;

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

  app.get<{ Querystring: FilterQuery & { limit: number } }>(
    '/api/review-queue',
    {
      schema: {
        summary: `The unreviewed events of the filter (the ${QUEUE_CANDIDATES} largest tolls) that a plausibility check puts to check: a place far from the countries of the article, a country-level place with a large toll, a toll above the article's own statistics, a court or anniversary context. Each is reviewed with POST /api/events/:key/reviews`,
        tags: ['reviews'],
        querystring: { type: 'object', properties: { ...QUEUE_FILTERS, limit: PAGE_PROPERTIES.limit } },
      },
    },
    async (req) => {
      const { limit, ...filter } = req.query;
      return reviewQueue(store.db, parseFilter(filter), limit);
    },
  );
}
