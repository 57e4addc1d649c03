/** The web app beside the API: its files, the SPA fallback, /api/ kept apart, and the page shown when it is not built. */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { backends } from '../store/backends.js';
import { startApi } from './helpers.js';

const [pglite] = backends();
const web = mkdtempSync(path.join(tmpdir(), 'rasd-web-'));
after(async () => {
  rmSync(web, { recursive: true, force: true });
  await pglite.cleanup();
});

test('built app: index at /, assets, index.html for app routes, JSON 404 under /api/', async () => {
  mkdirSync(path.join(web, 'assets'));
  writeFileSync(path.join(web, 'index.html'), '<!doctype html><title>رصد</title><div id="app"></div>');
  writeFileSync(path.join(web, 'assets', 'app.js'), 'console.log("rasd")');
  const api = await startApi(pglite, [], { webRoot: web });
  try {
    const index = await api.call('/');
    assert.equal(index.status, 200);
    assert.match(String(index.headers['content-type']), /text\/html/);
    assert.match(index.text, /id="app"/);
    const js = await api.call('/assets/app.js');
    assert.equal(js.status, 200);
    assert.match(String(js.headers['content-type']), /javascript/);
    assert.equal(js.text, 'console.log("rasd")');
    const route = await api.call('/incidents/inc-123?from=2023-01-01');
    assert.equal(route.status, 200);
    assert.match(route.text, /id="app"/);
    const asset = await api.call('/assets/missing.js');
    assert.equal(asset.status, 404);
    const apiMissing = await api.call('/api/incident');
    assert.equal(apiMissing.status, 404);
    assert.deepEqual(apiMissing.body, { statusCode: 404, error: 'Not Found', message: 'no route GET /api/incident' });
    const post = await api.call({ method: 'POST', url: '/somewhere', payload: {} });
    assert.equal(post.status, 404);
    const health = await api.call('/api/health');
    assert.equal(health.body.ok, true);
  } finally {
    await api.close();
  }
});

test('no built app: / says so, the API works', async () => {
  const api = await startApi(pglite, [], { webRoot: path.join(web, 'absent') });
  try {
    const index = await api.call('/');
    assert.equal(index.status, 200);
    assert.match(index.text, /not built/);
    assert.equal((await api.call('/api/health')).status, 200);
  } finally {
    await api.close();
  }
});
