/**
 * POST /api/enqueue: documents and URLs become jobs of the workers' queue on PostgreSQL (each document an extract
 * job known by its id, each URL a fetch_article job), answered at once with 202; bad bodies are a 400 naming the
 * field; an embedded store has no queue and says where to go instead.
 */
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { sql } from 'kysely';
import { backends } from '../store/backends.js';
import { startApi } from './helpers.js';

const [pglite, postgres] = backends();

const docs = [
  { id: 'q-1', text: 'قصفت طائرات حربية منزلاً في مدينة خان يونس', published: '2023-12-15' },
  { id: 'q-2', text: 'سقط صاروخ على قاعدة عين الأسد غربي العراق', published: '2023-10-30' },
];
const ndjson = (list: object[]) => `${list.map((d) => JSON.stringify(d)).join('\n')}\n`;

describe('enqueue on an embedded store', () => {
  after(() => pglite.cleanup());

  test('409: no job queue, POST /api/ingest instead', async () => {
    const api = await startApi(pglite);
    try {
      const r = await api.call({ method: 'POST', url: '/api/enqueue', payload: { documents: docs } });
      assert.equal(r.status, 409);
      assert.match(r.body.message, /PostgreSQL store.*POST \/api\/ingest/);
    } finally {
      await api.close();
    }
  });
});

describe('enqueue on PostgreSQL', { skip: postgres.skip }, () => {
  after(() => postgres.cleanup());

  test('documents and URLs become the workers’ jobs; bad bodies are refused', async () => {
    const api = await startApi(postgres);
    try {
      const jobs = async () =>
        (
          await sql<{ name: string; ref: string; id: string | null }>`
            select name, data->>'ref' as ref, data->'doc'->>'id' as id from pgboss.job
            where name in ('extract', 'fetch_article') order by name, ref`.execute(api.store.db)
        ).rows;

      const unauthorised = await api.call({
        method: 'POST',
        url: '/api/enqueue',
        payload: { documents: docs },
        headers: { authorization: 'Bearer wrong' },
      });
      assert.equal(unauthorised.status, 403);

      const lines = await api.call({
        method: 'POST',
        url: '/api/enqueue',
        payload: `${ndjson(docs)}not json\n`,
        headers: { 'content-type': 'application/x-ndjson' },
      });
      assert.equal(lines.status, 202, lines.text);
      assert.equal(lines.body.documents, 2);
      assert.equal(lines.body.failed.length, 1);
      assert.equal(lines.body.failed[0].item, 'line 3');
      assert.deepEqual(await jobs(), [
        { name: 'extract', ref: 'q-1', id: 'q-1' },
        { name: 'extract', ref: 'q-2', id: 'q-2' },
      ]);

      // the same documents again are a new request: queued again (the workers find them stored)
      const again = await api.call({ method: 'POST', url: '/api/enqueue', payload: { documents: docs } });
      assert.deepEqual(again.body, { urls: 0, documents: 2, failed: [] });
      assert.equal((await jobs()).length, 4);

      const urls = await api.call({
        method: 'POST',
        url: '/api/enqueue',
        payload: { urls: ['https://example.org/feed.xml', 'https://example.org/news/1.html'] },
      });
      assert.deepEqual([urls.status, urls.body], [202, { urls: 2, documents: 0, failed: [] }]);
      assert.deepEqual(
        (await jobs()).filter((j) => j.name === 'fetch_article').map((j) => j.ref),
        ['https://example.org/feed.xml', 'https://example.org/news/1.html'],
      );

      const bad = await api.call({ method: 'POST', url: '/api/enqueue', payload: { urls: ['file:///etc/passwd'] } });
      assert.equal(bad.status, 400);
      assert.match(bad.body.message, /"urls\.0".*not an http\(s\) URL/);
      const shapeless = await api.call({ method: 'POST', url: '/api/enqueue', payload: { nothing: 1 } });
      assert.equal(shapeless.status, 400);
      assert.match(shapeless.body.message, /\{ "urls": \[\.\.\.\] \}/);

      // the health route now sees the queue and the waiting jobs
      const health = (await api.call('/api/health')).body;
      assert.equal(health.queue.installed, true);
      assert.deepEqual(health.queue.jobs.extract, { created: 4, retry: 0, active: 0 });
      assert.deepEqual(health.queue.jobs.fetch_article, { created: 2, retry: 0, active: 0 });
      assert.deepEqual(health.workers.live, []);
    } finally {
      await api.close();
    }
  });
});
