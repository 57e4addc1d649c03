/** JSON Lines: one document per non-blank line, each turned into exactly one item. */
import type { DocumentInput } from '../types.js';
import { decodeUtf8Strict, isMostlyBinary } from './decode.js';
import { errorItem, type InputItem, type ItemProblem } from './item.js';
import { isBlank, type RawLine, splitLines } from './lines.js';

export interface JsonlNaming {
  /** ref of line N, also the id of a document without one: `${prefix}N` */
  refPrefix: string;
  /** how error messages name the source: 'articles.jsonl', 'stdin' */
  label: string;
}

export async function* readJsonl(
  chunks: AsyncIterable<Buffer>,
  naming: JsonlNaming,
  maxBytes: number,
): AsyncGenerator<InputItem> {
  for await (const line of splitLines(chunks, maxBytes)) {
    if (line.bytes && isBlank(line.bytes)) continue;
    yield lineToItem(line, naming, maxBytes);
  }
}

export function lineToItem(line: RawLine, naming: JsonlNaming, maxBytes: number): InputItem {
  const ref = `${naming.refPrefix}${line.lineNo}`;
  const where = `${naming.label} line ${line.lineNo}`;
  if (!line.bytes) {
    const id = line.head ? leadingId(line.head) : undefined;
    const message = `${where}: ${line.length} bytes, over the ${maxBytes}-byte limit`;
    return errorItem(ref, 'too_large', message, { id: id ?? ref });
  }
  const warnings: ItemProblem[] = [];
  let text = decodeUtf8Strict(line.bytes);
  if (text === null) {
    text = new TextDecoder('utf-8').decode(line.bytes);
    warnings.push({ code: 'invalid_utf8', message: `${where}: invalid UTF-8 bytes replaced with U+FFFD` });
  }
  if (isMostlyBinary(text)) return errorItem(ref, 'binary', `${where}: binary data, not a JSON document`);

  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return errorItem(ref, 'invalid_json', `${where}: ${(e as Error).message}`);
  }
  const item = valueToItem(value, ref, where);
  if (warnings.length > 0) item.warnings = [...(item.warnings ?? []), ...warnings];
  return item;
}

function valueToItem(value: unknown, ref: string, where: string): InputItem {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    const got = value === null ? 'null' : Array.isArray(value) ? 'an array' : `a ${typeof value}`;
    return errorItem(ref, 'missing_text', `${where}: expected a JSON object with "text" or "html", got ${got}`);
  }
  const fields = value as Record<string, unknown>;
  const item: InputItem = { ref, doc: { ...fields, id: ref } as DocumentInput };
  const id = fields.id;
  if (typeof id === 'string' && id.length > 0) item.doc!.id = id;
  else if (typeof id === 'number' && Number.isFinite(id)) item.doc!.id = String(id);
  else if (id !== undefined) {
    item.warnings = [{ code: 'invalid_id', message: `${where}: "id" is not a non-empty string; using ${ref}` }];
  }

  const { text, html } = fields;
  const hasContent = (v: unknown): boolean => typeof v === 'string' && v.trim().length > 0;
  if (hasContent(text) || hasContent(html)) return item;
  if (typeof text === 'string' || typeof html === 'string') {
    item.error = { code: 'empty_text', message: `${where}: "text"/"html" is empty` };
  } else {
    item.error = { code: 'missing_text', message: `${where}: no string "text" or "html" field` };
  }
  return item;
}

/** The id of an over-long line when it is the object's first key (the rest of the line is not kept). */
function leadingId(head: Buffer): string | undefined {
  const m = /^\s*\{\s*"id"\s*:\s*("(?:[^"\\\n]|\\.){1,1000}")/.exec(
    head.toString('utf8', 0, Math.min(head.length, 4096)),
  );
  if (!m) return undefined;
  try {
    return JSON.parse(m[1]) as string;
  } catch {
    return undefined;
  }
}
