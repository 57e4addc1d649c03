/** GET /api/incidents, /api/incidents/points, /api/incidents/totals, /api/incidents/choices, /api/incidents/:id */
import type { FastifyInstance } from 'fastify';
import { CHOICE_ACTORS, CHOICE_ADMIN1, incidentChoices } from '../../store/incident-choices.js';
import { incidentDetail, incidentNow, incidentPointsJson, listIncidents } from '../../store/incident-queries.js';
import { incidentTotals, TOTALS_ROWS } from '../../store/incident-totals.js';
import { arabicNames } from '../arabic-names.js';
import type { ApiContext } from '../context.js';
import { notFound } from '../errors.js';
import {
  FILTER_PROPERTIES,
  type FilterQuery,
  PAGE_PROPERTIES,
  type PageQuery,
  pageAnswer,
  parseFilter,
  parsePage,
} from '../filters.js';

/** The most points one request returns. */
export const MAX_POINTS = 100_000;

export function incidentRoutes(app: FastifyInstance, { store }: ApiContext): void {
  app.get<{ Querystring: FilterQuery & PageQuery }>(
    '/api/incidents',
    {
      schema: {
        summary: 'Incidents that pass the filters, a page at a time',
        tags: ['incidents'],
        querystring: { type: 'object', properties: { ...FILTER_PROPERTIES, ...PAGE_PROPERTIES } },
      },
    },
    async (req) => {
      const page = parsePage(req.query);
      return pageAnswer(await listIncidents(store.db, parseFilter(req.query), page), page);
    },
  );

  app.get<{ Querystring: FilterQuery }>(
    '/api/incidents/points',
    {
      schema: {
        summary: `Every incident that passes the filters (up to ${MAX_POINTS}), compact, for the map and timeline`,
        tags: ['incidents'],
        querystring: { type: 'object', properties: FILTER_PROPERTIES },
      },
    },
    // the JSON as the database writes it (incidentPointsJson): tens of thousands of points are not made into objects
    async (req, reply) =>
      reply
        .type('application/json; charset=utf-8')
        .send(await incidentPointsJson(store.db, parseFilter(req.query), MAX_POINTS)),
  );

  app.get<{ Querystring: FilterQuery }>(
    '/api/incidents/totals',
    {
      schema: {
        summary: `What the incidents that pass the filters add up to: how many, the killed and injured, and the ${TOTALS_ROWS} largest types, countries and perpetrators`,
        tags: ['incidents'],
        querystring: { type: 'object', properties: FILTER_PROPERTIES },
      },
    },
    async (req) => incidentTotals(store.db, parseFilter(req.query)),
  );

  app.get(
    '/api/incidents/choices',
    {
      schema: {
        summary: `What the filter pickers suggest: the countries of the incidents, the ${CHOICE_ADMIN1} first-level areas and the ${CHOICE_ACTORS} actors they name most`,
        tags: ['incidents'],
      },
    },
    async () => incidentChoices(store.db),
  );

  app.get<{ Params: { id: string } }>(
    '/api/incidents/:id',
    {
      schema: {
        summary:
          'One incident with its member events, their documents and reviews; an id it had before (an earlier report joined it, or it was cut in two) gets a 307 to its id now',
        tags: ['incidents'],
        params: { type: 'object', properties: { id: { type: 'string', minLength: 1 } }, required: ['id'] },
      },
    },
    async (req, reply) => {
      const found = await incidentDetail(store.db, req.params.id);
      if (found)
        return {
          ...found,
          arabic: arabicNames(
            found.incident,
            found.members.map((m) => m.document.source),
          ),
        };
      // an old address of an incident that took another id: sent on to where its first member is now
      const now = await incidentNow(store.db, req.params.id);
      if (now) return reply.redirect(`/api/incidents/${encodeURIComponent(now)}`, 307);
      throw notFound(`no incident "${req.params.id}"`);
    },
  );
}
