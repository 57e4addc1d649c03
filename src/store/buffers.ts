/**
 * PGlite's shared buffers, sized for the store being opened. PGlite runs each query on one thread with no OS page
 * cache between it and its files worth counting on, so a store's working set outside the buffers is read again
 * and again: measured on 100,000 events, list queries at p95 135 ms with the default 128 MB, 61 ms with 512 MB.
 * But the buffers are allocated up front (~450 MB more resident for 512 MB), so a small store keeps the default.
 * RASD_PGLITE_SHARED_BUFFERS_MB overrides.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const MIN_MB = 128;
const MAX_MB = 1024;

function sizeOf(dir: string): number {
  let bytes = 0;
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return 0;
  }
  for (const name of entries) {
    const p = join(dir, name);
    const s = statSync(p, { throwIfNoEntry: false });
    if (!s) continue;
    bytes += s.isDirectory() ? sizeOf(p) : s.size;
  }
  return bytes;
}

export function sharedBuffersMb(dataDir: string, env: NodeJS.ProcessEnv = process.env): number {
  const given = Number(env.RASD_PGLITE_SHARED_BUFFERS_MB);
  if (Number.isFinite(given) && given >= 16) return Math.round(given);
  const onDisk = sizeOf(join(dataDir, 'base')) / 2 ** 20;
  // room for the tables and indexes as they are, rounded up to 64 MB steps
  return Math.min(MAX_MB, Math.max(MIN_MB, Math.ceil((onDisk * 1.25) / 64) * 64));
}
