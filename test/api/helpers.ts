/** A store with real inputs behind the API, requests through fastify's inject, and small readers for the answers. */
import type { FastifyInstance, InjectOptions } from 'fastify';
import { buildServer, type ServerOptions } from '../../src/api/server.js';
import type { InputItem } from '../../src/sources/item.js';
import { ingestItems } from '../../src/store/ingest.js';
import { openStore, type Store } from '../../src/store/open.js';
import { csvRows } from '../export/csv.js';
import type { Backend } from '../store/backends.js';
import { each } from '../store/data.js';

/** A JSON answer, read loosely: the assertions say what it must hold. */
// biome-ignore lint/suspicious/noExplicitAny: answers are checked by assertions, not by types
export type J = any;

export interface Api {
  app: FastifyInstance;
  store: Store;
  /** a request; the body parsed as JSON when it is JSON */
  call(
    opts: InjectOptions | string,
  ): Promise<{ status: number; body: J; text: string; headers: Record<string, unknown> }>;
  close(): Promise<void>;
}

/** The token the test servers are given; `call` sends it with writes unless the request has its own headers. */
export const TOKEN = 'test-token-of-the-api-tests';

export async function startApi(
  backend: Backend,
  items: InputItem[] = [],
  opts: Partial<Omit<ServerOptions, 'store'>> = {},
): Promise<Api> {
  const store = await openStore(await backend.fresh());
  if (items.length > 0) await ingestItems(store.db, each(items));
  const app = buildServer({ store, token: TOKEN, ...opts });
  return {
    app,
    store,
    async call(o) {
      const req: InjectOptions = typeof o === 'string' ? { url: o } : o;
      const write = req.method !== undefined && !['GET', 'HEAD', 'OPTIONS'].includes(req.method.toUpperCase());
      if (write && !req.headers?.authorization) req.headers = { ...req.headers, authorization: `Bearer ${TOKEN}` };
      const res = await app.inject(req);
      const json = /^application\/json/.test(String(res.headers['content-type'] ?? ''));
      return { status: res.statusCode, body: json ? res.json() : res.body, text: res.body, headers: res.headers };
    },
    async close() {
      await app.close();
      await store.close();
    },
  };
}

export const qs = (params: Record<string, string | number>) =>
  `?${new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)])).toString()}`;

/** Our own CSV read back, as objects by column name. */
export function parseCsv(text: string): Record<string, string>[] {
  const rows = csvRows(text);
  const [head, ...body] = rows;
  return body.map((r) => Object.fromEntries(head.map((h, i) => [h, r[i]])));
}
