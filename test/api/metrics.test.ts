/**
 * GET /metrics on an embedded store: Prometheus's text format, the store's rows as the store counts them, and the
 * request latency histogram moving with each request, by route pattern and status. /api/health is never answered
 * from the read cache (warm changes without a write).
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { backends } from '../store/backends.js';
import { items, SEEDS } from '../store/data.js';
import { type Api, startApi } from './helpers.js';
import { parseExposition } from './prometheus.js';

const [pglite] = backends();

describe('metrics', () => {
  let api: Api;
  let warm = false;
  before(async () => {
    api = await startApi(pglite, await items([SEEDS]), { warm: () => warm, inlineExtraction: true });
  });
  after(async () => {
    await api?.close();
    await pglite.cleanup();
  });

  const scrape = async () => {
    const r = await api.call('/metrics');
    assert.equal(r.status, 200);
    assert.match(String(r.headers['content-type']), /^text\/plain; version=0\.0\.4/);
    return parseExposition(r.text);
  };

  test('the store rows, in Prometheus text', async () => {
    const m = await scrape();
    const health = (await api.call('/api/health')).body;
    for (const table of ['documents', 'events', 'incidents'] as const) {
      assert.equal(m.get('rasd_store_rows', { table }), health[table], table);
    }
    assert.ok(health.documents > 0);
    assert.equal(m.types.get('rasd_http_request_duration_seconds'), 'histogram');
    // no queue on an embedded store
    assert.equal(m.get('rasd_queue_jobs'), undefined);
  });

  test('the latency histogram counts each request by route pattern and status', async () => {
    const count = (m: Awaited<ReturnType<typeof scrape>>, route: string, status: string) =>
      m.get('rasd_http_request_duration_seconds_count', { method: 'GET', route, status }) ?? 0;
    const before = await scrape();
    const id = (await api.call('/api/incidents?limit=1')).body.items[0].id;
    assert.equal((await api.call(`/api/incidents/${encodeURIComponent(id)}`)).status, 200);
    assert.equal((await api.call('/api/incidents/no-such-incident')).status, 404);
    assert.equal((await api.call('/api/nothing-here')).status, 404);
    const after = await scrape();
    assert.equal(count(after, '/api/incidents', '200') - count(before, '/api/incidents', '200'), 1);
    assert.equal(count(after, '/api/incidents/:id', '200') - count(before, '/api/incidents/:id', '200'), 1);
    assert.equal(count(after, '/api/incidents/:id', '404') - count(before, '/api/incidents/:id', '404'), 1);
    assert.equal(count(after, 'unmatched', '404') - count(before, 'unmatched', '404'), 1);
    // the scrape before this one was counted too
    assert.equal(count(after, '/metrics', '200') - count(before, '/metrics', '200'), 1);
    const sum = after.get('rasd_http_request_duration_seconds_sum', { route: '/api/incidents/:id', status: '200' });
    assert.ok(sum !== undefined && sum > 0);
    // the buckets are cumulative: +Inf holds them all
    assert.equal(
      after.get('rasd_http_request_duration_seconds_bucket', {
        route: '/api/incidents/:id',
        status: '200',
        le: '+Inf',
      }),
      count(after, '/api/incidents/:id', '200'),
    );
  });

  test('the counts are kept between writes, and follow each one (health and metrics alike)', async () => {
    const before = (await api.call('/api/health')).body;
    const ingest = await api.call({
      method: 'POST',
      url: '/api/ingest',
      payload: {
        documents: [
          {
            id: 'counted-1',
            text: 'قصفت طائرات حربية منزلاً في مدينة خان يونس جنوبي قطاع غزة',
            published: '2023-12-15',
          },
        ],
      },
    });
    assert.equal(ingest.status, 200, ingest.text);
    const after = (await api.call('/api/health')).body;
    assert.equal(after.documents, before.documents + 1);
    assert.equal(after.events, before.events + ingest.body.events);
    assert.equal((await scrape()).get('rasd_store_rows', { table: 'documents' }), after.documents);
    const stored = Number(
      (
        await api.store.db
          .selectFrom('documents')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    assert.equal(after.documents, stored);
  });

  test('health: ready from the start, warm when the server says so, never a cached answer', async () => {
    const first = await api.call('/api/health');
    assert.deepEqual([first.body.ready, first.body.warm], [true, false]);
    warm = true;
    const second = await api.call('/api/health');
    assert.deepEqual([second.body.ready, second.body.warm], [true, true]);
    assert.equal(second.headers['x-rasd-cache'], undefined);
    // other reads are still cached
    await api.call('/api/incidents?limit=1');
    assert.equal((await api.call('/api/incidents?limit=1')).headers['x-rasd-cache'], 'hit');
  });
});
