/** `rasd reextract`: stored documents whose latest extraction is older than the extractor, extracted again. */
import { type Kysely, sql } from 'kysely';
import { type ExtractPool, inlinePool } from './extract-pool.js';
import { insertExtractions } from './extractions.js';
import { incidentsOf, refreshIncidents } from './incidents.js';
import { reapplyReviews } from './reviews.js';
import type { Schema } from './schema.js';

export interface ReextractOptions {
  /** where extraction runs (default: inline, the real extractor) */
  pool?: ExtractPool;
  /** every document, whatever version extracted it */
  all?: boolean;
  batchSize?: number;
  onBatch?: (done: number, total: number) => void;
}

export interface ReextractSummary {
  documents: number;
  events: number;
  reviewsApplied: number;
  reviewsGone: number;
}

/** Numeric dotted versions compared part by part ('0.10.0' > '0.9.1'); anything else only by equality. */
export function isOlder(version: string, than: string): boolean {
  const parse = (v: string) => (/^\d+(\.\d+)*$/.test(v) ? v.split('.').map(Number) : null);
  const [a, b] = [parse(version), parse(than)];
  if (!a || !b) return version !== than;
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d < 0;
  }
  return false;
}

async function documentsToRedo(db: Kysely<Schema>, version: string, all: boolean): Promise<string[]> {
  const rows = await sql<{ id: string; version: string | null }>`
    select d.id, x.extractor_version as version
    from documents d
    left join lateral (select extractor_version from extractions where document_id = d.id order by id desc limit 1) x
      on true
    order by d.id
  `.execute(db);
  return rows.rows.filter((r) => all || r.version === null || isOlder(r.version, version)).map((r) => r.id);
}

export async function reextract(db: Kysely<Schema>, opts: ReextractOptions = {}): Promise<ReextractSummary> {
  const pool = opts.pool ?? inlinePool();
  const ids = await documentsToRedo(db, pool.version, opts.all ?? false);
  const summary: ReextractSummary = { documents: 0, events: 0, reviewsApplied: 0, reviewsGone: 0 };
  const size = opts.batchSize ?? 100;
  const extractBatch = async (batchIds: string[]) => {
    const docs = await db
      .selectFrom('documents')
      .selectAll()
      .where('id', '=', sql<string>`any(${batchIds}::text[])`)
      .orderBy('id')
      .execute();
    return Promise.all(
      docs.map(async (d) => ({
        doc: d,
        result: await pool.extract(
          {
            text: d.text,
            ...(d.title ? { title: d.title } : {}),
            ...(d.published ? { published: d.published } : {}),
            ...(d.source ? { source: d.source } : {}),
            ...(d.url ? { url: d.url } : {}),
          },
          d.id,
        ),
      })),
    );
  };
  // the next batch is extracted (in the pool's workers) while this one is written
  let next = ids.length > 0 ? extractBatch(ids.slice(0, size)) : null;
  for (let i = 0; next; i += size) {
    const results = await next;
    next = i + size < ids.length ? extractBatch(ids.slice(i + size, i + 2 * size)) : null;
    next?.catch(() => {}); // awaited at the next turn; this only keeps Node from calling it unhandled meanwhile
    const docs = results.map((r) => r.doc);
    await db.transaction().execute(async (trx) => {
      const docIds = docs.map((d) => d.id);
      const oldKeys = (
        await trx
          .selectFrom('events')
          .select('key')
          .where('document_id', '=', sql<string>`any(${docIds}::text[])`)
          .execute()
      ).map((r) => r.key);
      const stale = await incidentsOf(trx, oldKeys);
      // the extraction rows go with their events, spans and claims (cascade); the newest is the only one kept
      await trx.deleteFrom('extractions').where('document_id', '=', sql<string>`any(${docIds}::text[])`).execute();
      const events = await insertExtractions(
        trx,
        results.map((r) => ({ documentId: r.doc.id, version: pool.version, result: r.result })),
      );
      const reviews = await reapplyReviews(trx, docIds, pool.version);
      summary.reviewsApplied += reviews.applied;
      summary.reviewsGone += reviews.gone;
      // the new events are fused, and the incidents that held the old ones are cut again
      await refreshIncidents(trx, [], stale);
      summary.events += events.length;
    });
    summary.documents += docs.length;
    opts.onBatch?.(summary.documents, ids.length);
  }
  return summary;
}
