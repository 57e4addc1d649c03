/**
 * The web app beside the API: its built folder's files at / (assets under /assets/…), and index.html for any other
 * GET outside /api/ (the app routes in the browser). Without a built app, a page says so.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { errorBody } from './errors.js';

const NOT_BUILT = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Rasd</title></head>
<body><h1>Rasd</h1><p>The web app is not built (no index.html in its folder). The API is at
<a href="/api/health">/api/health</a>; its description at <a href="/api/openapi.json">/api/openapi.json</a>.</p>
</body></html>
`;

export function webRoutes(app: FastifyInstance, webRoot: string | undefined): void {
  const root = webRoot ? path.resolve(webRoot) : null;
  const built = root !== null && existsSync(path.join(root, 'index.html'));
  if (built) app.register(fastifyStatic, { root, prefix: '/', wildcard: true, index: ['index.html'] });

  app.setNotFoundHandler((req, reply) => {
    const url = req.url.split('?')[0];
    const isApi = url === '/api' || url.startsWith('/api/');
    if (isApi || (req.method !== 'GET' && req.method !== 'HEAD')) {
      return reply.status(404).send(errorBody(404, `no route ${req.method} ${url}`));
    }
    // a missing asset is a 404, not the app's page
    if (url.startsWith('/assets/')) return reply.status(404).send(errorBody(404, `no file ${url}`));
    if (built) return reply.type('text/html; charset=utf-8').sendFile('index.html');
    return reply
      .status(url === '/' ? 200 : 404)
      .type('text/html; charset=utf-8')
      .send(NOT_BUILT);
  });
}
