/** PGlite's shared buffers follow the size of the store on disk, within bounds, unless set. */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { sharedBuffersMb } from '../../src/store/buffers.js';

test('shared buffers: the default for a new or small store, room for a big one, capped, or as set', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'rasd-buffers-'));
  assert.equal(sharedBuffersMb(path.join(dir, 'missing'), {}), 128);
  const base = path.join(dir, 'base', '5');
  mkdirSync(base, { recursive: true });
  writeFileSync(path.join(base, '1259'), Buffer.alloc(8192));
  assert.equal(sharedBuffersMb(dir, {}), 128);
  const table = path.join(base, '16384');
  writeFileSync(table, '');
  truncateSync(table, 300 * 2 ** 20); // sparse: its size, not its bytes
  assert.equal(sharedBuffersMb(dir, {}), 384);
  truncateSync(table, 5000 * 2 ** 20);
  assert.equal(sharedBuffersMb(dir, {}), 1024);
  assert.equal(sharedBuffersMb(dir, { RASD_PGLITE_SHARED_BUFFERS_MB: '256' }), 256);
  assert.equal(sharedBuffersMb(dir, { RASD_PGLITE_SHARED_BUFFERS_MB: 'lots' }), 1024);
});
