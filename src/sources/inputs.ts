/** What `rasd ingest` reads: everything `readInputs` reads, plus feed and article URLs, in the order given. */
import { DEFAULT_MAX_DOC_BYTES, type InputItem, type ReadOptions, readInputs } from './read.js';
import { isUrl, readUrl } from './web.js';

export interface AnyInputOptions extends ReadOptions {
  timeoutMs?: number;
  /** fetch URLs on loopback, private and link-local addresses too (default: refused) */
  allowPrivate?: boolean;
}

export async function* readAnyInputs(sources: string[], opts: AnyInputOptions = {}): AsyncGenerator<InputItem> {
  const maxBytes = opts.maxDocBytes ?? DEFAULT_MAX_DOC_BYTES;
  if (sources.length === 0) {
    yield* readInputs([], opts);
    return;
  }
  let local: string[] = [];
  for (const source of sources) {
    if (!isUrl(source)) {
      local.push(source);
      continue;
    }
    if (local.length > 0) yield* readInputs(local, opts);
    local = [];
    yield* readUrl(source, { maxBytes, timeoutMs: opts.timeoutMs, allowPrivate: opts.allowPrivate });
  }
  if (local.length > 0) yield* readInputs(local, opts);
}
