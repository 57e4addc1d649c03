/** fetch_feed and fetch_article: fetch under the network rules, fan a feed out into article jobs, pages into extract jobs. */
import { sql } from 'kysely';
import type { JobWithMetadata } from 'pg-boss';
import { type Feed, parseFeed } from '../sources/feed.js';
import { htmlToText } from '../sources/html.js';
import { FetchError, type Fetched, safeGet } from '../sources/http-get.js';
import { articleItem, decodeFetched, isFeed } from '../sources/web.js';
import { type JobResult, OK, type StepContext, type StepHandler, sendJobs } from './context.js';
import { reasonOf } from './failures.js';
import { recordPoll, validatorsOf } from './feeds.js';
import type { FetchArticleJob, FetchFeedJob, JobData } from './jobs.js';

/** Whether fetching again could help: server errors, timeouts and dropped connections could; a 404 could not. */
export function fetchFailure(e: unknown): JobResult {
  const reason = reasonOf(e);
  if (!(e instanceof FetchError)) return { retry: reason };
  if (e.code === 'http_error') {
    const status = Number(/HTTP (\d{3})/.exec(e.message)?.[1] ?? 0);
    return status >= 400 && status < 500 && status !== 408 && status !== 429
      ? { permanent: reason }
      : { retry: reason };
  }
  return e.code === 'timeout' || e.code === 'fetch_failed' ? { retry: reason } : { permanent: reason };
}

function get(ctx: StepContext, url: string, headers?: Record<string, string>): Promise<Fetched> {
  return safeGet(url, {
    maxBytes: ctx.maxBytes,
    timeoutMs: ctx.fetchTimeoutMs,
    allowPrivate: ctx.allowPrivate,
    headers,
  });
}

/** A feed's entries → fetch_article jobs (articles stored already are left out) or extract jobs (inline content). */
async function fanOut(ctx: StepContext, fetched: Fetched, feedUrl: string): Promise<JobResult> {
  let feed: Feed;
  try {
    feed = parseFeed(decodeFetched(fetched.bytes, fetched.contentType, 'xml'));
  } catch (e) {
    return { permanent: `${feedUrl}: ${reasonOf(e)}` };
  }
  const links = new Map<string, FetchArticleJob>();
  const inline: { key: string; data: JobData }[] = [];
  for (const [i, entry] of feed.entries.entries()) {
    if (entry.link) {
      const url = new URL(entry.link, fetched.url).href;
      links.set(url, { step: 'fetch_article', ref: url, url, title: entry.title, published: entry.published });
    } else if (entry.html) {
      const ref = `${feedUrl}#${i + 1}`;
      const page = htmlToText(entry.html);
      const doc = { id: ref, source: new URL(fetched.url).hostname, text: page.text, title: entry.title ?? undefined };
      inline.push({
        key: ref,
        data: { step: 'extract', ref, doc: { ...doc, published: entry.published ?? undefined } },
      });
    }
  }
  const stored = await ctx.db
    .selectFrom('documents')
    .select('url')
    .where('url', '=', sql<string>`any(${[...links.keys()]}::text[])`)
    .execute();
  for (const s of stored) if (s.url) links.delete(s.url);
  await sendJobs(
    ctx.boss,
    'fetch_article',
    [...links.values()].map((data) => ({ key: data.url, data })),
  );
  await sendJobs(ctx.boss, 'extract', inline);
  return OK;
}

/** A fetched page → an extract job, or the reason it holds no article. */
async function toExtract(ctx: StepContext, fetched: Fetched, job: FetchArticleJob | FetchFeedJob): Promise<JobResult> {
  const fallback = job.step === 'fetch_article' ? { title: job.title, published: job.published } : {};
  const item = articleItem(fetched, job.ref, fallback);
  if (item.error) return { permanent: item.error.message };
  await sendJobs(ctx.boss, 'extract', [{ key: job.ref, data: { step: 'extract', ref: job.ref, doc: item.doc! } }]);
  return OK;
}

export const fetchArticle: StepHandler<FetchArticleJob> = async (ctx, jobs) => {
  const results = new Map<string, JobResult>();
  for (const job of jobs) {
    let fetched: Fetched;
    try {
      fetched = await get(ctx, job.data.url);
    } catch (e) {
      results.set(job.id, fetchFailure(e));
      continue;
    }
    // an address given as an article may be a feed
    results.set(
      job.id,
      isFeed(fetched) ? await fanOut(ctx, fetched, job.data.url) : await toExtract(ctx, fetched, job.data),
    );
  }
  return results;
};

/** A feed's poll: conditional on the validators of its last answer, so an unchanged feed costs a 304. */
export const fetchFeed: StepHandler<FetchFeedJob> = async (ctx, jobs) => {
  const results = new Map<string, JobResult>();
  for (const job of jobs) results.set(job.id, await pollFeed(ctx, job));
  return results;
};

async function pollFeed(ctx: StepContext, job: JobWithMetadata<FetchFeedJob>): Promise<JobResult> {
  const url = job.data.url;
  const known = await validatorsOf(ctx.db, url);
  const headers: Record<string, string> = {};
  if (known?.etag) headers['if-none-match'] = known.etag;
  if (known?.lastModified) headers['if-modified-since'] = known.lastModified;
  let fetched: Fetched;
  try {
    fetched = await get(ctx, url, headers);
  } catch (e) {
    await recordPoll(ctx.db, url, reasonOf(e), null);
    return fetchFailure(e);
  }
  if (fetched.status === 304) {
    await recordPoll(ctx.db, url, '304 not modified', null);
    return OK;
  }
  const result = isFeed(fetched) ? await fanOut(ctx, fetched, url) : await toExtract(ctx, fetched, job.data);
  // the validators are kept only once the entries are queued: a poll that died before would otherwise see a 304
  if ('ok' in result) {
    await recordPoll(ctx.db, url, String(fetched.status), { etag: fetched.etag, lastModified: fetched.lastModified });
  } else await recordPoll(ctx.db, url, 'permanent' in result ? result.permanent : result.retry, null);
  return result;
}
