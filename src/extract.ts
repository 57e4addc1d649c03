/** The pipeline: one input document to one result (docs/event-record.md; note codes in README.md). Errors stay with their document. */
import { DAY_MS, dayOfIso, isoOf } from './days.js';
import { type EventDecider, shippedDecider } from './learn/decide.js';
import { runPipeline } from './pipeline.js';
import { htmlToText } from './sources/read.js';
import { makeDoc } from './text/doc.js';
import type { DocumentInput, ExtractionError, ExtractionResult } from './types.js';

export { EXTRACTOR_VERSION } from './version.js';

/** What may follow YYYY-MM-DD in an ISO timestamp: nothing, or a real time of day with an optional zone. */
function validTimeAfterDay(rest: string): boolean {
  if (rest === '') return true;
  const m = /^[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/i.exec(rest);
  return !!m && Number(m[1]) < 24 && Number(m[2]) < 60 && (m[3] === undefined || Number(m[3]) < 61);
}

const UNANCHORED = '; the text is read without it, so dates relative to it (أمس، الاثنين) are not resolved';

/** Published as YYYY-MM-DD, or null with a note when it is not a usable date. */
function publishedDate(p: unknown, errors: ExtractionError[]): string | null {
  if (p === undefined || p === null || p === '') return null;
  if (typeof p !== 'string') {
    errors.push({ code: 'invalid_published', message: `published is not a string: ${JSON.stringify(p)}${UNANCHORED}` });
    return null;
  }
  const day = dayOfIso(p);
  if (day === null || p.trim().startsWith('0000') || !validTimeAfterDay(p.trim().slice(10))) {
    errors.push({ code: 'invalid_published', message: `published is not an ISO date: ${p}${UNANCHORED}` });
    return null;
  }
  // a day of slack for time zones; later than that, relative dates would be resolved into the future
  if (day * DAY_MS > Date.now() + 2 * DAY_MS) {
    errors.push({ code: 'invalid_published', message: `published is in the future: ${p}${UNANCHORED}` });
    return null;
  }
  return isoOf(day);
}

/**
 * Notes rather than failures: the document's text was read and extracted (bytes replaced, an id made up or
 * repeated, a publication date that anchors nothing, so that relative dates stay unresolved).
 */
export const NOTE_CODES: ReadonlySet<string> = new Set([
  'invalid_utf8',
  'invalid_id',
  'duplicate_id',
  'invalid_published',
]);

/** The messages of a result's errors that make its document fail. */
export function failingErrors(result: ExtractionResult): string[] {
  return result.errors.filter((e) => !NOTE_CODES.has(e.code)).map((e) => e.message);
}

export function emptyResult(input: DocumentInput, id: string, errors: ExtractionError[]): ExtractionResult {
  return {
    schema: 'rasd.extraction/1',
    document: {
      id,
      published: typeof input.published === 'string' ? input.published : null,
      language: typeof input.language === 'string' ? input.language : 'ar',
      source: typeof input.source === 'string' ? input.source : null,
    },
    events: [],
    statistics: [],
    statements: [],
    errors,
  };
}

export interface ExtractOptions {
  /**
   * Learned decisions (src/learn/decide.ts): null for the rules alone; left out, the shipped models in data/models/
   * (the rules alone where RASD_MODELS=0).
   */
  models?: EventDecider | null;
}

/**
 * The decider of a call that names none: the shipped models (data/models/ holds only those that beat the rules in
 * cross-validation without losing on dev), or none (the rules alone) where RASD_MODELS=0.
 */
function defaultModels(): EventDecider | null {
  return process.env.RASD_MODELS === '0' ? null : shippedDecider();
}

export function extract(input: DocumentInput, fallbackId = 'document', options: ExtractOptions = {}): ExtractionResult {
  const id = typeof input.id === 'string' && input.id ? input.id : fallbackId;
  const errors: ExtractionError[] = [];
  let text = typeof input.text === 'string' ? input.text : '';
  let fromHtml = false;
  if (!text.trim() && typeof input.html === 'string' && input.html.trim()) {
    const h = htmlToText(input.html, input.url);
    text = h.text;
    fromHtml = true;
    if (!input.title && h.title) input.title = h.title;
  }
  if (!text.trim()) {
    errors.push({
      code: typeof input.text === 'string' || typeof input.html === 'string' ? 'empty_text' : 'missing_text',
      message: 'the document has no text to read (a non-empty "text" or "html" field is required)',
    });
    return emptyResult(input, id, errors);
  }
  const published = publishedDate(input.published, errors);
  const doc = makeDoc(id, text, published);
  const r = runPipeline(doc, options.models === undefined ? defaultModels() : options.models);
  const result = emptyResult(input, id, errors);
  result.document.published = published;
  if (typeof input.title === 'string') result.document.title = input.title;
  if (typeof input.url === 'string') result.document.url = input.url;
  if (fromHtml) result.document.text = text;
  result.events = r.events;
  result.statistics = r.statistics;
  result.statements = r.statements;
  return result;
}
