/** `rasd enqueue`: URLs become fetch_article jobs (a feed fans out when fetched), files' documents extract jobs. */

import type { PgBoss } from 'pg-boss';
import type { InputItem } from '../sources/item.js';
import { readInputs } from '../sources/read.js';
import { isUrl } from '../sources/web.js';
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
  const urls = sources.filter(isUrl);
  await enqueueUrls(boss, urls, stamp);
  const files = sources.filter((s) => !isUrl(s));
  const s = files.length > 0 ? await enqueueItems(boss, readInputs(files), stamp) : { documents: 0, unreadable: [] };
  await recordFailures(
    store.db,
    s.unreadable.map((u) => ({ queue: 'enqueue', ref: u.ref, reason: u.reason })),
  );
  return { urls: urls.length, documents: s.documents, unreadable: s.unreadable.length };
}

/** Feed and article URLs as fetch_article jobs (a feed fans out when fetched). */
export async function enqueueUrls(boss: PgBoss, urls: string[], stamp = new Date().toISOString()): Promise<void> {
  await sendJobs(
    boss,
    'fetch_article',
    urls.map((url) => ({ key: `${url}\n${stamp}`, data: { step: 'fetch_article', ref: url, url } })),
  );
}

/** Documents as extract jobs, 500 at a time; the items that are not documents come back with the reason. */
export async function enqueueItems(
  boss: PgBoss,
  items: AsyncIterable<InputItem>,
  stamp = new Date().toISOString(),
): Promise<{ documents: number; unreadable: { ref: string; reason: string }[] }> {
  let batch: { key: string; data: JobData }[] = [];
  const unreadable = [];
  let documents = 0;
  for await (const item of items) {
    if (item.error || !item.doc) {
      unreadable.push({ ref: item.ref, reason: item.error?.message ?? `${item.ref}: no document` });
      continue;
    }
    batch.push({ key: `${item.ref}\n${stamp}`, data: { step: 'extract', ref: item.ref, doc: item.doc } });
    documents++;
    if (batch.length >= 500) {
      await sendJobs(boss, 'extract', batch);
      batch = [];
    }
  }
  await sendJobs(boss, 'extract', batch);
  return { documents, unreadable };
}
