/**
 * On a PostgreSQL store, rasd serve's statements have a time limit: one that runs past it is a 503 that says to
 * narrow the query, and the server goes on answering.
 */
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { sql } from 'kysely';
import { buildServer } from '../../src/api/server.js';
import { openStore, type Store } from '../../src/store/open.js';
import { backends } from '../store/backends.js';
import { TOKEN } from './helpers.js';

const backend = backends().find((b) => b.name === 'postgres')!;

describe('statement time limit on PostgreSQL', { skip: backend.skip }, () => {
  let store: Store | undefined;
  after(async () => {
    await store?.close();
    await backend.cleanup();
  });

  test("a statement past the server's limit is a 503 that says to narrow the query; the next request is answered", async () => {
    store = await openStore(await backend.fresh(), { statementTimeoutMs: 200 });
    const app = buildServer({ store, token: TOKEN });
    const db = store.db;
    // a stand-in for a costly query a client shaped
    app.get('/slow', async () => {
      await sql`select pg_sleep(5)`.execute(db);
      return {};
    });
    const slow = await app.inject('/slow');
    assert.equal(slow.statusCode, 503);
    assert.equal(slow.headers['retry-after'], '5');
    assert.match(slow.json().message, /time limit: narrow it/);
    assert.equal((await app.inject('/api/incidents')).statusCode, 200);
    await app.close();
  });
});
