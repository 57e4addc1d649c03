/**
 * GET /api/acled/read: the incidents as ACLED's API answers (its parameters, its field names, its envelope), so that
 * a script written against ACLED runs against Rasd by changing its base URL. Read: country (names in English or
 * Arabic, or ISO codes), iso (ISO 3166-1 numeric), event_date with event_date_where (=, BETWEEN "a|b", >, <, >=, <=),
 * year, event_type, sub_event_type, actor1, limit and page, fields ("event_id_cnty|event_date"), _format (json or
 * csv). key, email and terms are accepted and not needed. Incidents carry reviewed values; rejected events are out.
 */
import type { FastifyInstance } from 'fastify';
import { ACLED_COLUMNS, acledCsv, acledRow } from '../../export/acled.js';
import { countryCodes, iso2OfNumeric } from '../../geo/country-codes.js';
import { allIncidentsWithTimes } from '../../store/incident-queries.js';
import type { ApiContext } from '../context.js';
import { badRequest } from '../errors.js';
import { parseFilter } from '../filters.js';

type Column = (typeof ACLED_COLUMNS)[number];

export interface AcledReadQuery {
  key?: string;
  email?: string;
  terms?: string;
  country?: string;
  iso?: string;
  event_date?: string;
  event_date_where?: string;
  year?: string;
  event_type?: string;
  sub_event_type?: string;
  actor1?: string;
  limit?: number;
  page?: number;
  fields?: string;
  _format?: 'json' | 'csv';
}

/** ACLED's default page size */
const ACLED_LIMIT = 5000;

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** event_date and event_date_where as a from/to range */
function dateRange(value: string | undefined, where: string | undefined): { from?: string; to?: string } {
  if (!value) {
    if (where) throw badRequest('query parameter "event_date_where": needs "event_date"');
    return {};
  }
  const op = (where ?? '=').toUpperCase();
  const parts = value.split('|');
  const day = (d: string) => {
    if (!DAY.test(d)) throw badRequest(`query parameter "event_date": "${d}" is not YYYY-MM-DD`);
    return d;
  };
  if (op === 'BETWEEN') {
    if (parts.length !== 2) throw badRequest('query parameter "event_date": BETWEEN takes "YYYY-MM-DD|YYYY-MM-DD"');
    return { from: day(parts[0]), to: day(parts[1]) };
  }
  if (parts.length !== 1) throw badRequest(`query parameter "event_date": one day for "${op}"`);
  const d = day(parts[0]);
  const before = (x: string) => new Date(Date.parse(x) - 86_400_000).toISOString().slice(0, 10);
  const afterDay = (x: string) => new Date(Date.parse(x) + 86_400_000).toISOString().slice(0, 10);
  switch (op) {
    case '=':
      return { from: d, to: d };
    case '>=':
      return { from: d };
    case '<=':
      return { to: d };
    case '>':
      return { from: afterDay(d) };
    case '<':
      return { to: before(d) };
    default:
      throw badRequest('query parameter "event_date_where": one of =, BETWEEN, >, <, >=, <=');
  }
}

export function acledReadRoutes(app: FastifyInstance, { store }: ApiContext): void {
  const text = { type: 'string' } as const;
  app.get<{ Querystring: AcledReadQuery }>(
    '/api/acled/read',
    {
      schema: {
        summary: "The incidents as ACLED's API answers: its parameters, field names and envelope",
        tags: ['export'],
        querystring: {
          type: 'object',
          properties: {
            key: text,
            email: text,
            terms: text,
            country: text,
            iso: text,
            event_date: text,
            event_date_where: text,
            year: text,
            event_type: text,
            sub_event_type: text,
            actor1: text,
            limit: { type: 'integer', minimum: 1, maximum: 100000, default: ACLED_LIMIT },
            page: { type: 'integer', minimum: 1, default: 1 },
            fields: text,
            _format: { type: 'string', enum: ['json', 'csv'], default: 'json' },
          },
        },
      },
    },
    async (req, reply) => {
      const q = req.query;
      let country = q.country;
      if (q.iso !== undefined) {
        const iso2 = /^\d+$/.test(q.iso) ? iso2OfNumeric(q.iso) : undefined;
        if (!iso2) throw badRequest(`query parameter "iso": "${q.iso}" is no ISO 3166-1 numeric code`);
        if (
          country &&
          countryCodes(iso2).name.toLowerCase() !== country.toLowerCase() &&
          country.toUpperCase() !== iso2
        )
          throw badRequest('query parameters "iso" and "country" name different countries');
        country = iso2;
      }
      let { from, to } = dateRange(q.event_date, q.event_date_where);
      if (q.year !== undefined) {
        if (!/^\d{4}$/.test(q.year)) throw badRequest(`query parameter "year": "${q.year}" is not a year`);
        from = from && from > `${q.year}-01-01` ? from : `${q.year}-01-01`;
        to = to && to < `${q.year}-12-31` ? to : `${q.year}-12-31`;
      }
      const filter = parseFilter({ country, from, to, type: q.event_type, subtype: q.sub_event_type, actor: q.actor1 });
      let fields: Column[] = [...ACLED_COLUMNS];
      if (q.fields) {
        const asked = q.fields.split('|').map((f) => f.trim());
        const unknown = asked.filter((f) => !(ACLED_COLUMNS as readonly string[]).includes(f));
        if (unknown.length) throw badRequest(`query parameter "fields": unknown field "${unknown[0]}"`);
        fields = asked as Column[];
      }
      const { incidents, changed } = await allIncidentsWithTimes(store.db, filter);
      // ACLED's order: the newest first
      const ordered = [...incidents].reverse();
      const page = ordered.slice((q.page! - 1) * q.limit!, q.page! * q.limit!);
      if (q._format === 'csv') {
        reply.header('content-type', 'text/csv; charset=utf-8');
        return acledCsv(page, changed, { columns: fields });
      }
      const data = page.map((i) => {
        const row = acledRow(i, changed);
        return Object.fromEntries(fields.map((f) => [f, row[f] === '' ? null : String(row[f])]));
      });
      return {
        status: 200,
        success: true,
        last_update: 0,
        count: data.length,
        messages: [],
        data,
        filename: 'rasd-acled',
      };
    },
  );
}
