/** Locate and read a JSON lexicon under data/lexicons/, from the source tree (src/…) or the build (dist/src/…). */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export function readLexiconJson<T>(name: string): T {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let up = 0; up < 6; up++) {
    const path = join(dir, 'data', 'lexicons', name);
    if (existsSync(path)) return JSON.parse(readFileSync(path, 'utf8')) as T;
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  throw new Error(`lexicon data/lexicons/${name} not found above ${fileURLToPath(import.meta.url)}`);
}
