/** extract, store and fuse: the Ingester's work cut into jobs, each safe to run again after a crash. */
import { contentHash, findExisting } from '../store/documents.js';
import type { ExtractPool } from '../store/extract-pool.js';
import { refreshIncidents } from '../store/incidents.js';
import { Ingester, prepare } from '../store/ingest.js';
import type { DocumentInput, ExtractionResult } from '../types.js';
import { type JobResult, OK, requestFusion, type StepHandler, sendJobs } from './context.js';
import type { ExtractJob, FuseJob, JobData, StoreJob } from './jobs.js';

/** Documents stored already are done here, before the cost of extraction; the rest go to store with their events. */
export const extractStep: StepHandler<ExtractJob> = async (ctx, jobs) => {
  const results = new Map<string, JobResult>();
  const candidates = [];
  for (const job of jobs) {
    const c = prepare({ ref: job.data.ref, doc: job.data.doc });
    if ('doc' in c) candidates.push({ job, c });
    else results.set(job.id, { permanent: c.reasons.join('; ') });
  }
  const stored = new Set(
    (
      await findExisting(
        ctx.db,
        candidates.map((x) => x.c.doc),
      )
    ).map((e) => e.identity),
  );
  const next: { key: string; data: JobData }[] = [];
  for (const { job, c } of candidates) {
    if (stored.has(c.identity)) {
      results.set(job.id, OK);
      continue;
    }
    const result = await ctx.pool.extract(c.input, c.doc.id);
    const data: StoreJob = {
      step: 'store',
      ref: job.data.ref,
      doc: c.input,
      extractedAs: c.doc.id,
      version: ctx.pool.version,
      result,
    };
    next.push({ key: `${job.data.ref}\n${c.doc.content_hash}`, data });
    results.set(job.id, OK);
  }
  await sendJobs(ctx.boss, 'store', next);
  return results;
};

/** The extractions the store jobs carry; extracted again only if the document got another id or version. */
function carried(jobs: StoreJob[], fallback: ExtractPool): ExtractPool {
  const byKey = new Map(jobs.map((j) => [`${j.extractedAs}\n${contentHash(String(j.doc.text))}`, j]));
  return {
    version: fallback.version,
    async extract(input: DocumentInput, id: string): Promise<ExtractionResult> {
      const job = byKey.get(`${id}\n${contentHash(String(input.text))}`);
      return job && job.version === fallback.version ? job.result : fallback.extract(input, id);
    },
    close: async () => {},
  };
}

/**
 * One transaction for the batch (the Ingester's). A job whose document is stored already (its first run died
 * after the commit) comes out a duplicate: done, not stored twice. A document that cannot be written (another
 * worker stored the same one a moment before) is retried, and then is a duplicate.
 */
export const storeStep: StepHandler<StoreJob> = async (ctx, jobs) => {
  const idsOf = new Map<string, string[]>();
  for (const job of jobs) idsOf.set(job.data.ref, [...(idsOf.get(job.data.ref) ?? []), job.id]);
  const results = new Map<string, JobResult>();
  const set = (ref: string, r: JobResult) => {
    for (const id of idsOf.get(ref) ?? []) results.set(id, r);
  };
  let added = 0;
  const ingester = new Ingester(ctx.db, {
    pool: carried(
      jobs.map((j) => j.data),
      ctx.pool,
    ),
    fuse: false,
    batchSize: jobs.length,
    onOutcome(o) {
      if (o.kind === 'new') added++;
      if (o.kind !== 'failed') set(o.ref, OK);
      // stored, with the extractor's errors: done, and the errors kept as the reason
      else if (o.stored) set(o.ref, { permanent: o.reasons.join('; ') });
      else set(o.ref, { retry: o.reasons.join('; ') });
    },
  });
  for (const job of jobs) await ingester.add({ ref: job.data.ref, doc: job.data.doc });
  await ingester.finish();
  if (added > 0) await requestFusion(ctx.boss);
  return results;
};

/** Every event stored and not fused yet, into the incidents (refreshIncidents holds an advisory lock while it runs). */
export const fuseStep: StepHandler<FuseJob> = async (ctx, jobs) => {
  await ctx.db.transaction().execute((trx) => refreshIncidents(trx));
  return new Map(jobs.map((j) => [j.id, OK]));
};
