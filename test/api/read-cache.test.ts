/** The embedded store's read cache: repeated reads answered from it, every write clearing it. */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { backends } from '../store/backends.js';
import { items, SEEDS } from '../store/data.js';
import { type Api, startApi } from './helpers.js';

const [pglite] = backends();
let api: Api;
before(async () => {
  api = await startApi(pglite, await items([SEEDS]));
});
after(async () => {
  await api?.close();
  await pglite.cleanup();
});

test('a read is cached until a write; what the write changed is read at once', async () => {
  const url = '/api/events?limit=5';
  const first = await api.call(url);
  assert.equal(first.headers['x-rasd-cache'], undefined);
  const again = await api.call(url);
  assert.equal(again.headers['x-rasd-cache'], 'hit');
  assert.deepEqual(again.body, first.body);
  assert.match(String(again.headers['content-type']), /application\/json/);
  assert.match(String(again.headers['content-security-policy']), /default-src 'self'/, 'hits carry the headers too');

  const csv = '/api/export?format=acled-csv';
  await api.call(csv);
  const file = await api.call(csv);
  assert.equal(file.headers['x-rasd-cache'], undefined, 'files are not cached');
  assert.match(String(file.headers['content-disposition']), /attachment/);

  const key = first.body.items[0].key;
  const refused = await api.app.inject({
    method: 'POST',
    url: `/api/events/${encodeURIComponent(key)}/reviews`,
    payload: { who: 'x', action: 'reject' },
  });
  assert.equal(refused.statusCode, 401);
  assert.equal((await api.call(url)).headers['x-rasd-cache'], 'hit', 'a refused write changes nothing');

  const r = await api.call({
    method: 'POST',
    url: `/api/events/${encodeURIComponent(key)}/reviews`,
    payload: { who: 'analyst', action: 'correct', field: 'fatalities.killed', value: 9 },
  });
  assert.equal(r.status, 201, r.text);
  const after = await api.call(url);
  assert.equal(after.headers['x-rasd-cache'], undefined);
  const event = after.body.items.find((e: { key: string }) => e.key === key);
  assert.equal(event.event.fatalities.killed, 9);
});
