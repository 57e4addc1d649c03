/** The input side of `rasd extract`: sources → one item per document (or per unreadable thing), in order. */
import { ByteStream, firstNonSpaceByte, utf8View } from './bytes.js';
import { fileDocSource, readWholeDoc } from './files.js';
import { errorItem, type InputItem } from './item.js';
import { readJsonl } from './jsonl.js';
import { expandSources, type FileFormat, ioReason } from './sources.js';

export { htmlToText } from './html.js';
export type { InputItem, ItemProblem } from './item.js';

export const DEFAULT_MAX_DOC_BYTES = 20 * 1024 * 1024;

export interface ReadOptions {
  /** per JSONL line or per .txt/.html file/stdin text; longer ones become 'too_large' items (default 20 MB) */
  maxDocBytes?: number;
  /** what '-' reads; defaults to process.stdin */
  stdin?: AsyncIterable<unknown>;
}

/**
 * Reads file paths, folders (their .jsonl/.ndjson/.txt/.html/.htm files, recursively, sorted by name) and '-'
 * (stdin; also what an empty list means). Every non-blank JSONL line and every file yields exactly one item.
 */
export async function* readInputs(sources: string[], opts: ReadOptions = {}): AsyncGenerator<InputItem> {
  const maxBytes = opts.maxDocBytes ?? DEFAULT_MAX_DOC_BYTES;
  for await (const source of expandSources(sources)) {
    if (source.kind === 'error') yield errorItem(source.path, source.code, source.message);
    else if (source.kind === 'stdin') yield* readStdin(new ByteStream(opts.stdin ?? process.stdin), maxBytes);
    else yield* readFile(source.path, source.format, source.size, maxBytes);
  }
}

/** JSONL, unless the first non-space character is not '{': then the whole input is one plain-text document. */
async function* readStdin(raw: ByteStream, maxBytes: number): AsyncGenerator<InputItem> {
  const stream = await utf8View(raw);
  const first = await firstNonSpaceByte(stream, maxBytes);
  if (first === null || first === 0x7b) {
    yield* readJsonl(stream, { refPrefix: 'line:', label: 'stdin' }, maxBytes);
  } else {
    yield await readWholeDoc({ ref: 'stdin', id: 'stdin', format: 'text', size: null }, stream, maxBytes);
  }
}

async function* readFile(
  path: string,
  format: FileFormat,
  size: number | null,
  maxBytes: number,
): AsyncGenerator<InputItem> {
  const stream = ByteStream.fromFile(path);
  let lines = 0;
  try {
    if (format === 'text' || format === 'html') {
      yield await readWholeDoc(fileDocSource(path, format, size), stream, maxBytes);
      return;
    }
    const utf8 = await utf8View(stream);
    // Files of unknown type are read like stdin: JSONL if they start with '{', otherwise one text document.
    const first = format === 'sniff' ? await firstNonSpaceByte(utf8, maxBytes) : 0x7b;
    if (first !== null && first !== 0x7b) {
      yield await readWholeDoc(fileDocSource(path, 'text', size), utf8, maxBytes);
      return;
    }
    for await (const item of readJsonl(utf8, { refPrefix: `${path}:`, label: path }, maxBytes)) {
      lines++;
      yield item;
    }
  } catch (e) {
    // Open or read failure (permissions, I/O): the items already yielded stand; the rest of the file is reported.
    const after = lines > 0 ? ` (after ${lines} items)` : '';
    yield errorItem(path, 'unreadable', `${path}: ${ioReason(e)}${after}`);
  } finally {
    await stream.close();
  }
}
