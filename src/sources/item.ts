import type { DocumentInput } from '../types.js';

export interface ItemProblem {
  code: string;
  message: string;
}

/** One input document, or the reason it could not be read; exactly one per input line/file, in input order. */
export interface InputItem {
  /** where it came from: 'articles.jsonl:3', 'line:3' (stdin), 'stdin', or a file path */
  ref: string;
  /** the document; on error items, whatever fields could be recovered (at least an id) */
  doc?: DocumentInput;
  /** set when the item cannot be processed; the batch goes on */
  error?: ItemProblem;
  /** non-fatal notes, e.g. invalid UTF-8 replaced with U+FFFD */
  warnings?: ItemProblem[];
}

export function errorItem(ref: string, code: string, message: string, doc: DocumentInput = { id: ref }): InputItem {
  return { ref, doc, error: { code, message } };
}
