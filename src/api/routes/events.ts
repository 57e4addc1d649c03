/** GET /api/events, /api/events/:key; POST /api/events/:key/reviews */
import type { FastifyInstance } from 'fastify';
import { eventDetail, listEvents } from '../../store/event-queries.js';
import { reviewEvent, STATUS_FIELD } from '../../store/reviews.js';
import type { ReviewBody, ReviewResult } from '../answers.js';
import type { ApiContext } from '../context.js';
import { CORRECTABLE, correctionValue } from '../corrections.js';
import { badRequest, notFound } from '../errors.js';
import {
  FILTER_PROPERTIES,
  type FilterQuery,
  PAGE_PROPERTIES,
  type PageQuery,
  pageAnswer,
  parseFilter,
  parsePage,
} from '../filters.js';

const KEY_PARAMS = {
  type: 'object',
  properties: { key: { type: 'string', minLength: 1, description: 'documentId#eventId, URL-encoded' } },
  required: ['key'],
} as const;

export function eventRoutes(app: FastifyInstance, { store }: ApiContext): void {
  app.get<{ Querystring: FilterQuery & PageQuery }>(
    '/api/events',
    {
      schema: {
        summary: 'Events (one per document and occurrence) that pass the filters, a page at a time',
        tags: ['events'],
        querystring: { type: 'object', properties: { ...FILTER_PROPERTIES, ...PAGE_PROPERTIES } },
      },
    },
    async (req) => {
      const page = parsePage(req.query);
      return pageAnswer(await listEvents(store.db, parseFilter(req.query), page), page);
    },
  );

  app.get<{ Params: { key: string } }>(
    '/api/events/:key',
    {
      schema: {
        summary: 'One event: as reviewed (event), as extracted (original), and its review history',
        tags: ['events'],
        params: KEY_PARAMS,
      },
    },
    async (req) => {
      const found = await eventDetail(store.db, req.params.key);
      if (!found) throw notFound(`no event "${req.params.key}"`);
      return found;
    },
  );

  app.post<{ Params: { key: string }; Body: ReviewBody }>(
    '/api/events/:key/reviews',
    {
      schema: {
        summary: 'Confirm, reject or correct an event (kept with who, when, before and after; survives reextract)',
        tags: ['reviews'],
        params: KEY_PARAMS,
        body: {
          type: 'object',
          properties: {
            who: { type: 'string', minLength: 1, maxLength: 200 },
            action: { type: 'string', enum: ['confirm', 'reject', 'correct'] },
            field: { type: 'string', enum: [...CORRECTABLE] },
            value: { description: 'the corrected value (any JSON); required with action "correct"' },
            note: { type: 'string', maxLength: 2000 },
          },
          required: ['who', 'action'],
        },
      },
    },
    async (req, reply): Promise<ReviewResult> => {
      const { key } = req.params;
      const body = req.body;
      if (!body.who.trim()) throw badRequest('body field "who": must name the reviewer');
      let field: string;
      let after: unknown;
      if (body.action === 'correct') {
        if (!body.field)
          throw badRequest(`body field "field": is required to correct (one of ${CORRECTABLE.join(', ')})`);
        if (!('value' in body)) throw badRequest('body field "value": is required to correct');
        field = body.field;
        after = correctionValue(body.field, body.value);
      } else {
        field = STATUS_FIELD;
        after = body.action === 'confirm' ? 'confirmed' : 'rejected';
      }
      if (!(await eventDetail(store.db, key))) throw notFound(`no event "${key}"`);
      await reviewEvent(store.db, { who: body.who.trim(), target: key, field, after, note: body.note });
      const now = await eventDetail(store.db, key);
      if (!now) throw notFound(`no event "${key}"`);
      reply.status(201);
      return { key, incidentId: now.incidentId, event: now.event, review: now.review };
    },
  );
}
