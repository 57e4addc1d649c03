/** How many documents the sources of a command hold, counted before reading them (a progress bar's total). */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname } from 'node:path';

/** How many documents local sources hold, cheaply: lines of JSONL files, one per text/HTML file; null if unknown. */
export async function estimateDocuments(sources: string[]): Promise<number | null> {
  let n = 0;
  for (const s of sources) {
    if (s === '-' || /^https?:\/\//i.test(s)) return null;
    const info = await stat(s).catch(() => null);
    if (!info?.isFile()) return null;
    const ext = extname(s).toLowerCase();
    if (ext === '.txt' || ext === '.html' || ext === '.htm') n++;
    else n += await countLines(s);
  }
  return n;
}

async function countLines(path: string): Promise<number> {
  let n = 0;
  let last = 0x0a;
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
    for (let i = chunk.indexOf(0x0a); i !== -1; i = chunk.indexOf(0x0a, i + 1)) n++;
    if (chunk.length > 0) last = chunk[chunk.length - 1];
  }
  return last === 0x0a ? n : n + 1;
}
