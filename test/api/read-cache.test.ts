/** The embedded store's read cache: repeated reads answered from it, every write clearing it. */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { buildServer } from '../../src/api/server.js';
import { backends } from '../store/backends.js';
import { items, SEEDS } from '../store/data.js';
import { type Api, startApi, TOKEN } from './helpers.js';

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

test('while a write transaction holds the store, cached reads are answered from the cache; after its commit, not', async () => {
  // a server of its own on the store, which says when a read was not answered from the cache (it would need the
  // store's one connection, which the transaction below holds until it is told to commit)
  const app = buildServer({ store: api.store, token: TOKEN });
  let missed = () => {};
  const aMiss = new Promise<void>((resolve) => {
    missed = resolve;
  });
  app.addHook('preHandler', async () => missed());
  await app.ready();
  try {
    const url = '/api/events?limit=3';
    assert.equal((await app.inject(url)).headers['x-rasd-cache'], undefined);
    const before = await app.inject(url);
    assert.equal(before.headers['x-rasd-cache'], 'hit');
    const key = before.json().items[0].key as string;

    let written = () => {};
    const inTransaction = new Promise<void>((resolve) => {
      written = resolve;
    });
    let read: Promise<Awaited<ReturnType<typeof app.inject>>> | null = null;
    const transaction = api.store.db.transaction().execute(async (trx) => {
      await sql`update events set record = jsonb_set(record, '{fatalities,killed}', '4321') where key = ${key}`.execute(
        trx,
      );
      written();
      // commits once the read is answered, or once it is known to wait for the store
      await Promise.race([inTransaction.then(() => read), aMiss]);
    });
    await inTransaction;
    read = app.inject(url);
    const during = await read;
    assert.equal(during.headers['x-rasd-cache'], 'hit', 'answered without the store, while the write was open');
    assert.equal(during.body, before.body, 'the committed state, which the open write has not changed');
    await transaction;

    const afterCommit = await app.inject(url);
    assert.equal(afterCommit.headers['x-rasd-cache'], undefined, 'the commit ended the cached answers');
    const event = afterCommit.json().items.find((e: { key: string }) => e.key === key);
    assert.equal(event.event.fatalities.killed, 4321, 'what the write committed is read at once');
  } finally {
    await app.close();
  }
});
