/** Where the shipped data files live (data/ beside src/ and dist/), and a TSV reader. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package's data/ folder: beside src/ (tsx), dist/ (tsc's output) or above dist/rasd/ (the bundled CLI). */
function findDataDir(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let up = 0; up < 4; up++) {
    dir = path.dirname(dir);
    if (existsSync(path.join(dir, 'data', 'gazetteer'))) return path.join(dir, 'data');
  }
  throw new Error(`no data/ folder above ${fileURLToPath(import.meta.url)}`);
}

export const DATA_DIR = findDataDir();

export function dataPath(...parts: string[]): string {
  return path.join(DATA_DIR, ...parts);
}

/** Rows of a TSV file with a header line; lines starting with '#' are comments. */
export function readTsv(file: string): Record<string, string>[] {
  return readTsvLines(file).map((r) => r.row);
}

/** The rows of a TSV file (as readTsv) with the line each is on, counted from 1, for messages that point at it. */
export function readTsvLines(file: string): { line: number; row: Record<string, string> }[] {
  const lines = readFileSync(file, 'utf8').split('\n');
  let h = 0;
  while (h < lines.length && (lines[h].startsWith('#') || lines[h].trim() === '')) h++;
  const cols = lines[h].split('\t').map((c) => c.trim());
  const out: { line: number; row: Record<string, string> }[] = [];
  for (let i = h + 1; i < lines.length; i++) {
    const line = lines[i];
    if (line.trim() === '' || line.startsWith('#')) continue;
    const v = line.split('\t');
    const row: Record<string, string> = {};
    for (let c = 0; c < cols.length; c++) row[cols[c]] = (v[c] ?? '').trim();
    out.push({ line: i + 1, row });
  }
  return out;
}

/**
 * The entries of a word list (data/lang/<code>/*.txt): one entry a line, with the line it is on; blank lines and
 * lines starting with '#' are comments. An entry holding a tab or said twice is a DataError.
 */
export function readWordList(file: string): { line: number; word: string }[] {
  const out: { line: number; word: string }[] = [];
  const seen = new Set<string>();
  const lines = readFileSync(file, 'utf8').split('\n');
  for (let i = 0; i < lines.length; i++) {
    const word = lines[i].trim();
    if (word === '' || word.startsWith('#')) continue;
    if (word.includes('\t')) throw new DataError(file, i + 1, `"${word}" holds a tab: one entry a line`);
    if (seen.has(word)) throw new DataError(file, i + 1, `"${word}" is listed twice`);
    seen.add(word);
    out.push({ line: i + 1, word });
  }
  return out;
}

/** A data file that says something the code does not know: the message starts with the file and the line. */
export class DataError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly detail: string,
  ) {
    super(`${file}:${line}: ${detail}`);
    this.name = 'DataError';
  }
}

/** A cell of a closed vocabulary: one of `allowed`, else a DataError naming the file, the line and the column. */
export function oneOf<T extends string>(
  allowed: readonly T[],
  at: { file: string; line: number; row: Record<string, string> },
  column: string,
): T {
  const v = at.row[column];
  if ((allowed as readonly string[]).includes(v)) return v as T;
  throw new DataError(at.file, at.line, `unknown ${column} "${v}" (one of ${allowed.join(', ')})`);
}

export function splitList(s: string | undefined): string[] {
  return (s ?? '')
    .split('|')
    .map((x) => x.trim())
    .filter((x) => x.length > 0);
}

/** A JSON lexicon under data/lexicons/. */
export function readLexiconJson<T>(name: string): T {
  return JSON.parse(readFileSync(dataPath('lexicons', name), 'utf8')) as T;
}
