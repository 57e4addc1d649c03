/**
 * The API under arbitrary requests: any query string on any listing, any path parameter, any body on the write
 * routes is answered with a 2xx or a 4xx that names what is wrong, never a 5xx, on a store holding the seeds.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import fc from 'fast-check';
import { type Api, startApi } from '../api/helpers.js';
import { backends } from '../store/backends.js';
import { items, SEEDS } from '../store/data.js';
import { fuzzParams } from './settings.js';

const backend = backends()[0];
let api: Api;
/** an event the store holds, whose reviews route the bodies go to */
let eventKey = '';
before(async () => {
  api = await startApi(backend, await items([SEEDS]), { inlineExtraction: true });
  eventKey = (await api.call('/api/events?limit=1')).body.items[0].key;
});
after(async () => {
  await api?.close();
  await backend.cleanup();
});

const LISTINGS = [
  '/api/incidents',
  '/api/incidents/points',
  '/api/events',
  '/api/reviews',
  '/api/export',
  '/api/statistics',
  '/api/health',
];
const PARAMS = [
  'q',
  'from',
  'to',
  'bbox',
  'limit',
  'offset',
  'sort',
  'type',
  'subtype',
  'country',
  'actor',
  'review',
  'format',
  'precision',
  'minConfidence',
  'page',
  'iso',
];

/** values a client might send, well-formed or not: numbers at the edges, dates, unicode, NUL, long text */
const value = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom('', '0', '-1', '1e20', '9007199254740993', 'NaN', '2023-02-30', '2018-06-01', '%00', '..', 'سوريا'),
  fc.integer().map(String),
  fc.double().map(String),
  fc.array(fc.string({ maxLength: 8 }), { maxLength: 6 }).map((a) => a.join(',')),
  fc.string({ minLength: 500, maxLength: 3000 }),
);

const query = fc
  .array(fc.tuple(fc.oneof(fc.constantFrom(...PARAMS), fc.string({ maxLength: 10 })), value), { maxLength: 6 })
  .map((pairs) => pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&'));

const status = (s: number, what: string) => assert.ok(s >= 200 && s < 500, `${s} for ${what}`);

test('any query on any listing: 2xx or 4xx, never 5xx', async () => {
  await fc.assert(
    fc.asyncProperty(fc.constantFrom(...LISTINGS), query, async (path, qs) => {
      const url = qs ? `${path}?${qs}` : path;
      const r = await api.call(url);
      status(r.status, url);
      if (r.status >= 400) assert.ok(String(r.body.message ?? '').length > 5, `${url}: a message`);
    }),
    fuzzParams(150),
  );
});

test('any path parameter: 2xx, 404 or 400, never 5xx', async () => {
  const id = fc.oneof(fc.string({ minLength: 1 }), fc.string({ unit: 'binary', minLength: 1, maxLength: 30 }));
  await fc.assert(
    fc.asyncProperty(fc.constantFrom('incidents', 'documents', 'events'), id, async (kind, raw) => {
      const url = `/api/${kind}/${encodeURIComponent(raw)}`;
      status((await api.call(url)).status, url);
    }),
    fuzzParams(150),
  );
});

test('any body on the write routes: 2xx or 4xx, never 5xx', async () => {
  const body = fc.oneof(
    fc.jsonValue().map((v) => JSON.stringify(v)),
    fc
      .record({
        documents: fc.array(
          fc.dictionary(fc.constantFrom('id', 'text', 'published', 'url', 'html', 'x'), fc.jsonValue()),
          { maxLength: 3 },
        ),
      })
      .map((v) => JSON.stringify(v)),
    fc
      .record({
        field: fc.constantFrom('killed', 'injured', 'subtype', 'location', 'date', 'actors', 'x'),
        value: fc.jsonValue(),
        action: fc.constantFrom('correct', 'confirm', 'reject', 'x'),
      })
      .map((v) => JSON.stringify(v)),
    fc.string(),
    // arrays nested a few or a hundred thousand levels deep
    fc.integer({ min: 1, max: 100_000 }).map((n) => `{"documents":${'['.repeat(n)}${']'.repeat(n)}}`),
  );
  const route = fc.constantFrom('/api/ingest', `/api/events/${encodeURIComponent(eventKey)}/reviews`, '/api/enqueue');
  const type = fc.constantFrom('application/json', 'application/x-ndjson', 'text/plain', 'application/xml');
  await fc.assert(
    fc.asyncProperty(route, type, body, async (url, contentType, payload) => {
      const r = await api.call({ method: 'POST', url, headers: { 'content-type': contentType }, payload });
      status(r.status, `POST ${url} (${contentType}) ${payload.slice(0, 200)}`);
    }),
    fuzzParams(60),
  );
});
