/**
 * The token `rasd serve` asks of writes: $RASD_TOKEN if set; else, for an embedded store, the one made the first
 * time and kept beside its data (readable by its owner only); else a new one for this run.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { newToken } from '../api/security.js';
import type { Store } from '../store/open.js';

export interface ServeToken {
  token: string;
  /** where it came from, for the start-up message */
  from: 'RASD_TOKEN' | 'stored' | 'new, stored' | 'new for this run';
}

export function serveToken(store: Store, env: NodeJS.ProcessEnv = process.env): ServeToken {
  const given = env.RASD_TOKEN?.trim();
  if (given) return { token: given, from: 'RASD_TOKEN' };
  if (store.target.kind !== 'pglite') return { token: newToken(), from: 'new for this run' };
  const file = path.join(store.target.dir, 'rasd-token');
  if (existsSync(file)) {
    const kept = readFileSync(file, 'utf8').trim();
    if (kept) return { token: kept, from: 'stored' };
  }
  const token = newToken();
  writeFileSync(file, `${token}\n`, { mode: 0o600 });
  return { token, from: 'new, stored' };
}
