/** Command-line sources → a flat, ordered list of things to read: stdin, files, or reasons a path is unusable. */
import { readdir, realpath, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';

export type FileFormat = 'jsonl' | 'text' | 'html' | 'sniff';

export type Source =
  | { kind: 'stdin' }
  | { kind: 'file'; path: string; format: FileFormat; size: number | null }
  | { kind: 'error'; path: string; code: string; message: string };

const FORMATS: Record<string, FileFormat> = {
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
  '.json': 'jsonl',
  '.txt': 'text',
  '.html': 'html',
  '.htm': 'html',
};

/** Inside folders, only these are documents (a stray package.json is not). */
const FOLDER_EXTENSIONS = new Set(['.jsonl', '.ndjson', '.txt', '.html', '.htm']);

export function formatOf(path: string): FileFormat {
  return FORMATS[extname(path).toLowerCase()] ?? 'sniff';
}

export async function* expandSources(sources: string[]): AsyncGenerator<Source> {
  for (const source of sources.length > 0 ? sources : ['-']) {
    if (source === '-') {
      yield { kind: 'stdin' };
      continue;
    }
    let info: Awaited<ReturnType<typeof stat>>;
    try {
      info = await stat(source);
    } catch (e) {
      yield unreadable(source, e);
      continue;
    }
    if (info.isDirectory()) yield* expandFolder(source);
    else yield { kind: 'file', path: source, format: formatOf(source), size: info.isFile() ? info.size : null };
  }
}

async function* expandFolder(root: string): AsyncGenerator<Source> {
  let found = 0;
  for await (const source of walk(root, new Set())) {
    if (source.kind === 'file') found++;
    yield source;
  }
  if (found === 0) {
    yield {
      kind: 'error',
      path: root,
      code: 'no_documents',
      message: `${root}: no .jsonl/.ndjson/.txt/.html/.htm files`,
    };
  }
}

/** Depth-first, entries sorted by name (code-unit order, so the result is the same on every machine). */
async function* walk(dir: string, visited: Set<string>): AsyncGenerator<Source> {
  let names: string[];
  try {
    const real = await realpath(dir);
    if (visited.has(real)) return; // a symlink loop
    visited.add(real);
    names = (await readdir(dir)).filter((name) => !name.startsWith('.')).sort(compareCodeUnits);
  } catch (e) {
    yield unreadable(dir, e);
    return;
  }
  for (const name of names) {
    const path = join(dir, name);
    let info: Awaited<ReturnType<typeof stat>>;
    try {
      info = await stat(path);
    } catch (e) {
      if (FOLDER_EXTENSIONS.has(extname(name).toLowerCase())) yield unreadable(path, e);
      continue;
    }
    if (info.isDirectory()) yield* walk(path, visited);
    else if (FOLDER_EXTENSIONS.has(extname(name).toLowerCase())) {
      // a pipe or a device inside a folder would wait for ever for bytes nobody sends: named, not opened
      if (info.isFile()) yield { kind: 'file', path, format: formatOf(path), size: info.size };
      else
        yield { kind: 'error', path, code: 'not_a_file', message: `${path}: not a regular file (a pipe or a device)` };
    }
  }
}

function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function unreadable(path: string, e: unknown): Source {
  return { kind: 'error', path, code: 'unreadable', message: `${path}: ${ioReason(e)}` };
}

export function ioReason(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  return err.code === 'ENOENT' ? 'no such file or directory' : (err.message ?? String(e));
}
