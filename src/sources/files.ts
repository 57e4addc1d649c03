/** Whole-document sources: a .txt or .html file, or plain text on stdin. */
import { basename } from 'node:path';
import type { DocumentInput } from '../types.js';
import { type ByteStream, readAtMost } from './bytes.js';
import { decodeHtmlBytes } from './charset.js';
import { type Decoded, decodeSniffed } from './decode.js';
import { htmlToText } from './html.js';
import { errorItem, type InputItem } from './item.js';
import type { FileFormat } from './sources.js';

export interface WholeDocSource {
  /** the item's ref: the path as given, or 'stdin' */
  ref: string;
  /** the document id: the file's base name, or 'stdin' */
  id: string;
  format: Extract<FileFormat, 'text' | 'html'>;
  /** known size in bytes (regular files), checked before reading anything */
  size: number | null;
}

export function fileDocSource(path: string, format: 'text' | 'html', size: number | null): WholeDocSource {
  return { ref: path, id: basename(path), format, size };
}

export async function readWholeDoc(src: WholeDocSource, stream: ByteStream, maxBytes: number): Promise<InputItem> {
  const tooLarge = (size: string) =>
    errorItem(src.ref, 'too_large', `${src.ref}: ${size} bytes, over the ${maxBytes}-byte limit`, { id: src.id });
  if (src.size !== null && src.size > maxBytes) {
    await stream.close();
    return tooLarge(String(src.size));
  }
  const bytes = await readAtMost(stream, maxBytes);
  if (!bytes) return tooLarge('more than ' + maxBytes);
  return src.format === 'html' ? htmlItem(src, decodeHtmlBytes(bytes)) : textItem(src, decodeSniffed(bytes));
}

function textItem(src: WholeDocSource, decoded: Decoded): InputItem {
  return checked(src, decoded, { id: src.id, text: decoded.text });
}

function htmlItem(src: WholeDocSource, decoded: Decoded): InputItem {
  if (decoded.binary) return checked(src, decoded, { id: src.id });
  const page = htmlToText(decoded.text);
  const doc: DocumentInput = { id: src.id, text: page.text };
  if (page.title) doc.title = page.title;
  return checked(src, decoded, doc);
}

function checked(src: WholeDocSource, decoded: Decoded, doc: DocumentInput): InputItem {
  if (decoded.binary)
    return errorItem(src.ref, 'binary', `${src.ref}: binary data, not a text document`, { id: src.id });
  if (!doc.text?.trim()) return errorItem(src.ref, 'empty_text', `${src.ref}: no text`, doc);
  if (decoded.replaced) {
    const message = `${src.ref}: ${decoded.replaced} invalid UTF-8 byte sequence${decoded.replaced > 1 ? 's' : ''} replaced with U+FFFD`;
    return { ref: src.ref, doc, warnings: [{ code: 'invalid_utf8', message }] };
  }
  return { ref: src.ref, doc };
}
