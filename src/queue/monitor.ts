/**
 * `rasd worker --metrics-port N`: a small HTTP listener beside the worker, for a container's health check and for
 * Prometheus. GET /health answers 200 while the worker takes jobs and its heartbeat reaches the database (503
 * otherwise), with the worker's row; GET /metrics the worker's metrics in Prometheus's text format.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Worker } from './worker.js';

export interface Monitor {
  /** where it listens, e.g. http://127.0.0.1:9464 */
  url: string;
  close(): Promise<void>;
}

export async function startMonitor(worker: Worker, port: number, host = '127.0.0.1'): Promise<Monitor> {
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    const send = (status: number, type: string, body: string) => {
      res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      send(405, 'application/json', JSON.stringify({ statusCode: 405, error: 'Method Not Allowed', message: 'GET' }));
      return;
    }
    if (path === '/health') {
      const h = worker.health();
      send(h.ok ? 200 : 503, 'application/json; charset=utf-8', JSON.stringify(h));
    } else if (path === '/metrics') {
      worker.metrics.metrics().then(
        (text) => send(200, worker.metrics.contentType, text),
        (e: Error) => send(500, 'text/plain; charset=utf-8', `metrics: ${e.message}\n`),
      );
    } else {
      send(
        404,
        'application/json',
        JSON.stringify({ statusCode: 404, error: 'Not Found', message: `no route ${path}` }),
      );
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (e: NodeJS.ErrnoException) =>
      reject(e.code === 'EADDRINUSE' ? new Error(`--metrics-port ${port} on ${host} is in use`) : e),
    );
    server.listen(port, host, () => resolve());
  });
  const a = server.address() as AddressInfo;
  const shown = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shown}:${a.port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
