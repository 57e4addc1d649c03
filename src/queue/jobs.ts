/** The queues of the ingest pipeline and what their jobs carry. */
import { createHash } from 'node:crypto';
import type { DocumentInput, ExtractionResult } from '../types.js';

/** fetch_feed → fetch_article → extract → store → fuse; a job that fails for good goes to dead_letter. */
export const QUEUES = ['fetch_feed', 'fetch_article', 'extract', 'store', 'fuse', 'dead_letter'] as const;
export type QueueName = (typeof QUEUES)[number];

/** Every job says which step it was and what input it is about, so a dead-lettered copy still does. */
interface JobBase {
  step: QueueName;
  ref: string;
}

export interface FetchFeedJob extends JobBase {
  step: 'fetch_feed';
  url: string;
}

export interface FetchArticleJob extends JobBase {
  step: 'fetch_article';
  url: string;
  /** what the feed said about the entry, used when the page does not say */
  title?: string | null;
  published?: string | null;
}

export interface ExtractJob extends JobBase {
  step: 'extract';
  doc: DocumentInput;
}

export interface StoreJob extends JobBase {
  step: 'store';
  doc: DocumentInput;
  /** the document id the extraction ran with (event keys depend on it) */
  extractedAs: string;
  version: string;
  result: ExtractionResult;
}

export interface FuseJob extends JobBase {
  step: 'fuse';
}

export type JobData = FetchFeedJob | FetchArticleJob | ExtractJob | StoreJob | FuseJob;

/**
 * The job of a step over an input always has the same id, so sending it again (a retried job re-sending what
 * it sent before it died) inserts nothing while the first is still in the queue.
 */
export function jobId(step: QueueName, key: string): string {
  const h = createHash('sha256').update(`${step}\n${key}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
