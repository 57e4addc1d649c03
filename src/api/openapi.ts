/**
 * GET /api/openapi.json: an OpenAPI 3.1 document made from the routes as registered (their summaries, query,
 * path and body schemas) and the response shapes in openapi-components.ts, so it cannot forget a route.
 */
import type { FastifyInstance, FastifySchema, RouteOptions } from 'fastify';
import { REQUEST_BODIES, RESPONSES, SCHEMAS } from './openapi-components.js';

declare module 'fastify' {
  interface FastifySchema {
    summary?: string;
    tags?: string[];
    /** the request body's content types when not only application/json */
    consumes?: string[];
  }
}

interface RouteDoc {
  method: string;
  url: string;
  schema?: FastifySchema;
}

/** Starts recording the /api routes (and /metrics) registered from now on. */
export function recordRoutes(app: FastifyInstance): RouteDoc[] {
  const routes: RouteDoc[] = [];
  app.addHook('onRoute', (r: RouteOptions) => {
    const methods = Array.isArray(r.method) ? r.method : [r.method];
    if (!r.url.startsWith('/api/') && r.url !== '/metrics') return;
    for (const method of methods) if (method !== 'HEAD') routes.push({ method, url: r.url, schema: r.schema });
  });
  return routes;
}

type Props = Record<string, { description?: string } & Record<string, unknown>>;

function parameters(schema: FastifySchema | undefined) {
  const out: unknown[] = [];
  const add = (where: 'query' | 'path', s: unknown) => {
    const o = s as { properties?: Props; required?: string[] } | undefined;
    for (const [name, p] of Object.entries(o?.properties ?? {})) {
      const { description, ...rest } = p;
      out.push({
        name,
        in: where,
        required: where === 'path' || (o?.required ?? []).includes(name),
        description,
        schema: rest,
      });
    }
  };
  add('path', schema?.params);
  add('query', schema?.querystring);
  return out;
}

/** "GET /api/incidents/:id" -> "getApiIncidentsById": unique per route */
export function operationId(method: string, url: string): string {
  const words = url
    .split('/')
    .filter(Boolean)
    .map((w) => (w.startsWith(':') ? `by ${w.slice(1)}` : w))
    .join(' ')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
  return [method.toLowerCase(), ...words.map((w) => w[0].toUpperCase() + w.slice(1))].join('');
}

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function openApiDocument(routes: RouteDoc[], version: string): object {
  const paths: Record<string, Record<string, unknown>> = {};
  const error = (description: string) => ({
    description,
    content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
  });
  for (const r of routes) {
    const path = r.url.replace(/:(\w+)/g, '{$1}');
    const res = RESPONSES[`${r.method} ${r.url}`];
    const write = WRITE_METHODS.has(r.method);
    const op: Record<string, unknown> = {
      operationId: operationId(r.method, r.url),
      summary: r.schema?.summary,
      tags: r.schema?.tags,
      parameters: parameters(r.schema),
      responses: {
        [String(res?.status ?? 200)]: {
          description: 'success',
          content: { [res?.type ?? 'application/json']: { schema: res?.schema ?? {} } },
        },
        ...(r.method === 'GET' ? { '304': { description: 'not modified since the ETag given in If-None-Match' } } : {}),
        '400': error('a parameter or the body is not valid: the message names it'),
        ...(write
          ? { '401': error('no bearer token was sent'), '403': error("the token is not this server's") }
          : { '403': error('the Host header names a host this server does not answer to') }),
        '404': error('nothing of that id'),
        ...(write ? { '413': error('the body is over the size limit') } : {}),
        '500': error('an internal error (the server log has the details)'),
        '503': error("a query ran past the server's time limit (PostgreSQL stores): narrow it"),
      },
      // reads are public: an empty list says so
      security: write ? [{ bearer: [] }] : [],
    };
    if (r.schema?.body || r.schema?.consumes) {
      const types = r.schema.consumes ?? ['application/json'];
      op.requestBody = {
        required: true,
        content: Object.fromEntries(
          types.map((t) => [
            t,
            {
              schema:
                t === 'application/json'
                  ? (r.schema?.body ?? REQUEST_BODIES[`${r.method} ${r.url}`] ?? {})
                  : { type: 'string', description: 'JSON Lines: one document a line' },
            },
          ]),
        ),
      };
    }
    paths[path] = { ...paths[path], [r.method.toLowerCase()]: op };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Rasd API',
      version,
      description: 'Arabic news to ACLED-style conflict events: incidents, events, reviews, documents, ingest, export.',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    servers: [{ url: '/', description: 'the server that serves this document' }],
    paths,
    components: {
      schemas: SCHEMAS,
      securitySchemes: {
        bearer: {
          type: 'http',
          scheme: 'bearer',
          description: "writes need the server's token ($RASD_TOKEN, or the one rasd serve prints)",
        },
      },
    },
  };
}
