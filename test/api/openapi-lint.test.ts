/**
 * The OpenAPI document passes Redocly's recommended lint (the CLI in devDependencies, run offline): every operation
 * with an operationId and its security (the bearer token for writes, none for reads), a server, a licence.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { buildServer } from '../../src/api/server.js';
import { openStore } from '../../src/store/open.js';
import { backends } from '../store/backends.js';
import { TOKEN } from './helpers.js';

const root = path.resolve(import.meta.dirname, '../..');
const backend = backends()[0];
const dir = mkdtempSync(path.join(tmpdir(), 'rasd-openapi-'));
after(async () => {
  rmSync(dir, { recursive: true, force: true });
  await backend.cleanup();
});

test("GET /api/openapi.json passes Redocly's recommended lint", async () => {
  const store = await openStore(await backend.fresh());
  const app = buildServer({ store, token: TOKEN });
  try {
    const r = await app.inject('/api/openapi.json');
    assert.equal(r.statusCode, 200);
    const file = path.join(dir, 'openapi.json');
    writeFileSync(file, r.payload);
    const lint = spawnSync(path.join(root, 'node_modules/.bin/redocly'), ['lint', file, '--format=summary'], {
      encoding: 'utf8',
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
    });
    assert.equal(lint.status, 0, `${lint.stdout}\n${lint.stderr}`);
    assert.match(`${lint.stdout}${lint.stderr}`, /valid/);
  } finally {
    await app.close();
    await store.close();
  }
});
