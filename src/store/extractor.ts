/** The extractor the store runs, with its version: swappable so a version change can be tested. */
import { EXTRACTOR_VERSION, emptyResult, extract } from '../extract.js';

import type { DocumentInput, ExtractionResult } from '../types.js';

export interface Extractor {
  version: string;
  run(input: DocumentInput, id: string): ExtractionResult;
}

export const defaultExtractor: Extractor = { version: EXTRACTOR_VERSION, run: extract };

/**
 * Runs the extractor; a crash becomes the document's error instead of stopping the batch. `ref` (where the document
 * came from, 'articles.jsonl:3') begins that error's message when given.
 */
export function runExtractor(extractor: Extractor, input: DocumentInput, id: string, ref?: string): ExtractionResult {
  try {
    return extractor.run({ ...input, id }, id);
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    const where = ref ? `${ref}: ` : '';
    return emptyResult(input, id, [{ code: 'internal_error', message: `${where}extraction failed: ${msg}` }]);
  }
}
