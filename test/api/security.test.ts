/** API security: the write token, response headers, no CORS, body limits, hostile query text, the serve token. */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { serveToken } from '../../src/cli/token.js';
import { openStore } from '../../src/store/open.js';
import { backends } from '../store/backends.js';
import { items, SEEDS } from '../store/data.js';
import { type Api, startApi, TOKEN } from './helpers.js';

const [pglite] = backends();

describe('API security', () => {
  let api: Api;
  let key: string;
  before(async () => {
    api = await startApi(pglite, await items([SEEDS]));
    key = (await api.call('/api/events?limit=1')).body.items[0].key;
  });
  after(async () => {
    await api?.close();
    await pglite.cleanup();
  });

  const review = (headers: Record<string, string>) =>
    api.app.inject({
      method: 'POST',
      url: `/api/events/${encodeURIComponent(key)}/reviews`,
      headers,
      payload: { who: 'intruder', action: 'reject' },
    });

  test('writes need the token: none 401, a wrong one 403, the right one goes through', async () => {
    const none = await review({});
    assert.equal(none.statusCode, 401);
    assert.equal(none.headers['www-authenticate'], 'Bearer');
    assert.match(none.json().message, /Authorization: Bearer/);
    assert.equal((await review({ authorization: 'Bearer not-the-token' })).statusCode, 403);
    assert.equal((await review({ authorization: `Basic ${TOKEN}` })).statusCode, 401);
    const ingest = await api.app.inject({
      method: 'POST',
      url: '/api/ingest',
      payload: { documents: [{ text: 'قصف على حلب' }] },
    });
    assert.equal(ingest.statusCode, 401);
    const history = await api.call('/api/reviews');
    assert.equal(history.body.total, 0, 'nothing refused was recorded');
    const ok = await review({ authorization: `Bearer ${TOKEN}` });
    assert.equal(ok.statusCode, 201, ok.body);
    assert.equal((await api.call('/api/reviews')).body.items[0].who, 'intruder');
    // reads stay open
    assert.equal((await api.call('/api/incidents')).status, 200);
  });

  test('every response: strict CSP, no sniffing, no framing, no referrer', async () => {
    for (const url of ['/', '/api/health', '/api/incidents?limit=x', '/api/nothing']) {
      const r = await api.call(url);
      const csp = String(r.headers['content-security-policy']);
      assert.match(csp, /default-src 'self'/, url);
      assert.match(csp, /script-src 'self'(;|$)/, url);
      assert.match(csp, /object-src 'none'/, url);
      assert.match(csp, /frame-ancestors 'none'/, url);
      assert.equal(r.headers['x-content-type-options'], 'nosniff');
      assert.equal(r.headers['x-frame-options'], 'DENY');
      assert.equal(r.headers['referrer-policy'], 'no-referrer');
    }
  });

  test('no CORS: another origin gets no Access-Control-Allow-Origin, on reads or preflights', async () => {
    const origin = { origin: 'https://evil.example' };
    const get = await api.call({ url: '/api/incidents', headers: origin });
    assert.equal(get.status, 200);
    assert.equal(get.headers['access-control-allow-origin'], undefined);
    const preflight = await api.call({
      method: 'OPTIONS',
      url: '/api/ingest',
      headers: {
        ...origin,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization',
      },
    });
    assert.ok(preflight.status >= 400, `preflight answered ${preflight.status}`);
    assert.equal(preflight.headers['access-control-allow-origin'], undefined);
    assert.equal(preflight.headers['access-control-allow-headers'], undefined);
  });

  test('bodies over the limit are 413 with a message', async () => {
    const r = await api.call({
      method: 'POST',
      url: `/api/events/${encodeURIComponent(key)}/reviews`,
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ who: 'a', action: 'confirm', note: 'x'.repeat(2 * 1024 * 1024) }),
    });
    assert.equal(r.status, 413);
    assert.match(r.body.message, /limit/);
  });

  test('hostile filter text is data, never SQL', async () => {
    const before = (await api.call('/api/health')).body;
    for (const hostile of [
      "'; drop table documents; --",
      "' or 1=1 --",
      '%',
      '_',
      '\\',
      "عين' union select text from documents --",
    ]) {
      for (const param of ['q', 'actor', 'admin1']) {
        const r = await api.call(`/api/incidents?${param}=${encodeURIComponent(hostile)}`);
        assert.equal(r.status, 200, `${param}=${hostile}: ${r.text}`);
        if (hostile !== '%' && hostile !== '_') assert.equal(r.body.total, 0, `${param}=${hostile}`);
      }
    }
    assert.deepEqual((await api.call('/api/health')).body, before);
  });
});

test('rasd serve: $RASD_TOKEN wins; else an embedded store keeps its own, readable by its owner only', async () => {
  const dir = path.join(mkdtempSync(path.join(tmpdir(), 'rasd-token-')), 'db');
  const store = await openStore(dir);
  try {
    assert.deepEqual(serveToken(store, { RASD_TOKEN: ' chosen ' }), { token: 'chosen', from: 'RASD_TOKEN' });
    const first = serveToken(store, {});
    assert.equal(first.from, 'new, stored');
    assert.ok(first.token.length >= 32);
    const file = path.join(dir, 'rasd-token');
    assert.equal(readFileSync(file, 'utf8').trim(), first.token);
    assert.equal(statSync(file).mode & 0o077, 0, 'no one but the owner reads it');
    assert.deepEqual(serveToken(store, {}), { token: first.token, from: 'stored' });
  } finally {
    await store.close();
  }
});
