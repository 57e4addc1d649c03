/**
 * GET /api/openapi.json: an OpenAPI 3.1 document made from the routes as registered (their summaries, query,
 * path and body schemas) and the response shapes in openapi-components.ts, so it cannot forget a route.
 */
import type { FastifyInstance, FastifySchema, RouteOptions } from 'fastify';
import { RESPONSES, SCHEMAS } from './openapi-components.js';

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

export function openApiDocument(routes: RouteDoc[], version: string): object {
  const paths: Record<string, Record<string, unknown>> = {};
  const error = {
    description: 'error',
    content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
  };
  for (const r of routes) {
    const path = r.url.replace(/:(\w+)/g, '{$1}');
    const res = RESPONSES[`${r.method} ${r.url}`];
    const op: Record<string, unknown> = {
      summary: r.schema?.summary,
      tags: r.schema?.tags,
      parameters: parameters(r.schema),
      responses: {
        [String(res?.status ?? 200)]: {
          description: 'success',
          content: { [res?.type ?? 'application/json']: { schema: res?.schema ?? {} } },
        },
        '400': error,
        '404': error,
      },
    };
    if (r.schema?.body || r.schema?.consumes) {
      const types = r.schema.consumes ?? ['application/json'];
      op.requestBody = {
        required: true,
        content: Object.fromEntries(
          types.map((t) => [t, { schema: t === 'application/json' ? (r.schema?.body ?? {}) : { type: 'string' } }]),
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
    },
    paths,
    components: { schemas: SCHEMAS },
  };
}
