/** `rasd enqueue`: URLs become fetch_article jobs (a feed fans out when fetched), files' documents extract jobs. */

import type { PgBoss } from 'pg-boss';
import { readInputs } from '../ingest/read.js';
import { isUrl } from '../ingest/web.js';
import type { Store } from '../store/open.js';
import { sendJobs } from './context.js';
import { recordFailures } from './failures.js';
import type { JobData } from './jobs.js';

export interface EnqueueSummary {
  urls: number;
  documents: number;
  unreadable: number;
}

/**
 * Each call is a new request: its jobs are named by the call's time as well, so the same URL enqueued again later
 * is fetched again (documents stored already are then found to be so and skipped).
 */
export async function enqueueSources(store: Store, boss: PgBoss, sources: string[]): Promise<EnqueueSummary> {
  const stamp = new Date().toISOString();
  const summary: EnqueueSummary = { urls: 0, documents: 0, unreadable: 0 };
  const urls = sources.filter(isUrl);
  await sendJobs(
    boss,
    'fetch_article',
    urls.map((url) => ({ key: `${url}\n${stamp}`, data: { step: 'fetch_article', ref: url, url } })),
  );
  summary.urls = urls.length;
  const files = sources.filter((s) => !isUrl(s));
  if (files.length === 0) return summary;
  let batch: { key: string; data: JobData }[] = [];
  const failures = [];
  for await (const item of readInputs(files)) {
    if (item.error || !item.doc) {
      failures.push({ queue: 'enqueue', ref: item.ref, reason: item.error?.message ?? `${item.ref}: no document` });
      continue;
    }
    batch.push({ key: `${item.ref}\n${stamp}`, data: { step: 'extract', ref: item.ref, doc: item.doc } });
    summary.documents++;
    if (batch.length >= 500) {
      await sendJobs(boss, 'extract', batch);
      batch = [];
    }
  }
  await sendJobs(boss, 'extract', batch);
  await recordFailures(store.db, failures);
  summary.unreadable = failures.length;
  return summary;
}
