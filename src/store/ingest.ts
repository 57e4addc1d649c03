/**
 * The write path of `rasd ingest`: items → identity check → extraction → one transaction per batch (documents,
 * extractions, events, spans, claims), and every so many documents the new events fused into the incidents.
 * A batch that fails to write is retried document by document, so one bad document costs only itself.
 */
import type { Kysely } from 'kysely';
import { failingErrors } from '../extract.js';
import { htmlToText } from '../sources/html.js';
import type { InputItem, ItemProblem } from '../sources/item.js';
import type { DocumentInput, ExtractionResult } from '../types.js';
import { contentHash, findExisting, identityOf, insertDocuments, type NewDocument } from './documents.js';
import { type ExtractPool, inlinePool } from './extract-pool.js';
import { type ExtractionToStore, insertExtractions } from './extractions.js';
import type { Extractor } from './extractor.js';
import { refreshIncidents, refreshIncidentsAside } from './incidents.js';
import type { Schema } from './schema.js';

export type Outcome =
  | { kind: 'new'; ref: string; id: string; events: number }
  | { kind: 'duplicate'; ref: string; id: string }
  | { kind: 'failed'; ref: string; id: string | null; reasons: string[]; stored: boolean };

export interface IngestSummary {
  read: number;
  new: number;
  duplicate: number;
  failed: number;
  events: number;
  incidents: number;
  failures: Extract<Outcome, { kind: 'failed' }>[];
}

export interface IngestOptions {
  /** where extraction runs (default: inline, with `extractor`) */
  pool?: ExtractPool;
  /** the extractor of the inline pool (default: the real one) */
  extractor?: Extractor;
  /** the store had no documents when opened: skip the identity queries, extract before the database is ready */
  emptyStore?: boolean;
  /** documents per transaction (default 100) */
  batchSize?: number;
  /** documents between two fusions of the new events into the incidents, and at the end (default 1000) */
  fuseEvery?: number;
  /** fuse the new events into the incidents (default true; a job queue fuses in jobs of its own) */
  fuse?: boolean;
  /**
   * the store's count of committed writes, when this process is its only writer (an embedded store: Store.writes):
   * the fusion then reads outside its transaction (refreshIncidentsAside), so reads are not held up behind it
   */
  writes?: () => number;
  /** called after each document is counted, with the running summary */
  onOutcome?: (o: Outcome, summary: IngestSummary) => void;
}

interface Candidate {
  ref: string;
  input: DocumentInput;
  doc: NewDocument;
  identity: string;
  notes: ItemProblem[];
}

/** A document with text, ready to be checked and stored; or the reasons it cannot be. */
export function prepare(item: InputItem): Candidate | { reasons: string[]; id: string | null } {
  const input: DocumentInput = { ...(item.doc ?? {}) };
  const id = typeof input.id === 'string' && input.id ? input.id : null;
  if (item.error) return { reasons: [item.error.message], id };
  let text = typeof input.text === 'string' ? input.text : '';
  if (!text.trim() && typeof input.html === 'string' && input.html.trim()) {
    const page = htmlToText(input.html, input.url);
    text = page.text;
    if (!input.title && page.title) input.title = page.title;
  }
  // PostgreSQL text cannot hold NUL; removed before extraction so every span still points into the stored text
  text = text.replaceAll('\0', '');
  if (!text.trim()) return { reasons: [`${item.ref}: no text`], id };
  input.text = text;
  delete input.html;
  const hash = contentHash(text);
  const url = typeof input.url === 'string' && input.url ? input.url : null;
  // an id the input gave is kept; one made up from the position in a file is not stable, so the content names it
  const given = id !== null && id !== item.ref && id !== 'stdin' ? id : null;
  const str = (v: unknown) => (typeof v === 'string' && v ? v : null);
  return {
    ref: item.ref,
    input,
    identity: identityOf(hash, url),
    notes: item.warnings ?? [],
    doc: {
      id: given ?? url ?? `doc:${hash.slice(0, 16)}`,
      content_hash: hash,
      url,
      source: str(input.source),
      published: str(input.published),
      title: str(input.title),
      text,
    },
  };
}

interface Checked {
  c: Candidate;
  result: Promise<ExtractionResult>;
}

export class Ingester {
  readonly summary: IngestSummary = { read: 0, new: 0, duplicate: 0, failed: 0, events: 0, incidents: 0, failures: [] };
  private readonly pool: ExtractPool;
  private readonly batchSize: number;
  private readonly fuseEvery: number;
  private readonly depth: number;
  private pending: Candidate[] = [];
  /** identities and ids taken by this run, so repeats within one run need no query */
  private readonly identities = new Map<string, string>();
  private readonly ids = new Set<string>();
  /** batches whose extraction has started and whose write is queued, oldest first */
  private readonly writes: Promise<void>[] = [];
  private lastWrite: Promise<void> = Promise.resolve();

  /**
   * `db` may still be opening: when the store is known to be empty (`emptyStore`), nothing can be a duplicate of
   * a stored document, so extraction starts at once and only the writes wait for the database.
   */
  constructor(
    private readonly db: Kysely<Schema> | Promise<Kysely<Schema>>,
    private readonly opts: IngestOptions = {},
  ) {
    this.pool = opts.pool ?? inlinePool(opts.extractor);
    this.batchSize = opts.batchSize ?? 100;
    this.fuseEvery = opts.fuseEvery ?? 1000;
    this.depth = opts.emptyStore ? 16 : 2;
    Promise.resolve(db).catch((e) => {
      this.failure = e; // the store cannot be opened (locked, unreachable): stop at the next document
    });
  }

  private failure: unknown = null;

  async add(item: InputItem): Promise<void> {
    if (this.failure) throw this.failure;
    this.summary.read++;
    const c = prepare(item);
    if (!('doc' in c)) {
      this.report({ kind: 'failed', ref: item.ref, id: c.id, reasons: c.reasons, stored: false });
      return;
    }
    const seen = this.identities.get(c.identity) ?? this.pending.find((p) => p.identity === c.identity)?.doc.id;
    if (seen) {
      this.report({ kind: 'duplicate', ref: c.ref, id: seen });
      return;
    }
    this.pending.push(c);
    if (this.pending.length >= this.batchSize) await this.submit();
  }

  /** Writes everything still pending, waits for every write, and fuses what is new into the incidents. */
  async finish(): Promise<IngestSummary> {
    await this.submit();
    await Promise.all(this.writes);
    // also when this run stored nothing new: an earlier run cut short may have left stored events unfused
    if (this.opts.fuse !== false) await this.fuse();
    return this.summary;
  }

  /**
   * New events join the incidents every `fuseEvery` documents, not every batch: each fusion searches the
   * neighbourhood of the new events and rewrites its incidents, so fewer, larger fusions cost much less. Events
   * stored but not fused yet (a run cut short) are fused by the next run.
   */
  private async fuse(): Promise<void> {
    this.unfused = 0;
    const db = await this.db;
    const writes = this.opts.writes;
    const change = writes
      ? await refreshIncidentsAside(db, writes)
      : await db.transaction().execute((trx) => refreshIncidents(trx));
    this.summary.incidents += change.written - change.removed;
  }

  private unfused = 0;

  /** Checks the pending batch against the store, starts its extraction and queues its write. */
  private async submit(): Promise<void> {
    const batch = this.pending;
    this.pending = [];
    if (batch.length === 0) return;
    const fresh = await this.check(batch);
    const previous = this.lastWrite;
    const write = (async () => {
      await previous.catch(() => {});
      await this.write(fresh);
    })();
    write.catch(() => {}); // awaited below or in finish(); this only keeps Node from calling it unhandled meanwhile
    this.lastWrite = write;
    this.writes.push(write);
    // a bounded queue: extraction runs ahead of the writes by at most `depth` batches
    while (this.writes.length > this.depth) await this.writes.shift();
  }

  private async check(batch: Candidate[]): Promise<Checked[]> {
    const existing = this.opts.emptyStore
      ? []
      : await findExisting(
          await this.db,
          batch.map((c) => c.doc),
        );
    const storedIdentity = new Map(existing.map((e) => [e.identity, e.id]));
    const takenIds = new Set(existing.map((e) => e.id));
    const fresh: Checked[] = [];
    for (const c of batch) {
      const dup = storedIdentity.get(c.identity);
      if (dup) {
        this.identities.set(c.identity, dup);
        this.report({ kind: 'duplicate', ref: c.ref, id: dup });
        continue;
      }
      c.doc.id = this.uniqueId(c.doc.id, c.doc.content_hash, takenIds);
      this.ids.add(c.doc.id);
      this.identities.set(c.identity, c.doc.id);
      fresh.push({ c, result: this.pool.extract(c.input, c.doc.id) });
    }
    return fresh;
  }

  private async write(checked: Checked[]): Promise<void> {
    await this.writeDocuments(checked);
    if (this.unfused >= this.fuseEvery && this.opts.fuse !== false) await this.fuse();
  }

  private async writeDocuments(checked: Checked[]): Promise<void> {
    const extracted: Extracted[] = [];
    for (const x of checked) extracted.push({ c: x.c, result: withNotes(await x.result, x.c.notes) });
    const db = await this.db;
    try {
      (await db.transaction().execute((trx) => this.writeBatch(trx, extracted)))();
    } catch {
      // one bad document must not cost the batch: each alone, and only the bad one fails
      for (const one of extracted) {
        try {
          (await db.transaction().execute((trx) => this.writeBatch(trx, [one])))();
        } catch (e) {
          const reason = `${one.c.ref}: cannot be stored: ${e instanceof Error ? e.message : String(e)}`;
          this.identities.delete(one.c.identity);
          this.ids.delete(one.c.doc.id);
          this.report({ kind: 'failed', ref: one.c.ref, id: one.c.doc.id, reasons: [reason], stored: false });
        }
      }
    }
  }

  /** Writes a batch; returns what to report once the transaction has committed. */
  private async writeBatch(trx: Kysely<Schema>, extracted: Extracted[]): Promise<() => void> {
    await insertDocuments(
      trx,
      extracted.map((x) => x.c.doc),
    );
    const toStore: ExtractionToStore[] = extracted.map((x) => ({
      documentId: x.c.doc.id,
      version: this.pool.version,
      result: x.result,
    }));
    const events = await insertExtractions(trx, toStore);
    const perDoc = new Map<string, number>();
    for (const e of events) perDoc.set(e.documentId, (perDoc.get(e.documentId) ?? 0) + 1);
    return () => {
      this.unfused += extracted.length;
      for (const { c, result } of extracted) {
        const reasons = failingErrors(result);
        const n = perDoc.get(c.doc.id) ?? 0;
        this.summary.events += n;
        if (reasons.length > 0) this.report({ kind: 'failed', ref: c.ref, id: c.doc.id, reasons, stored: true });
        else this.report({ kind: 'new', ref: c.ref, id: c.doc.id, events: n });
      }
    };
  }

  /**
   * The id itself where it is free; else a longer piece of the text's hash after it; and when the whole hash is
   * taken too (the same text under the same id at many addresses), a count after that. Every step is a new id, so
   * the search ends.
   */
  private uniqueId(id: string, hash: string, taken: Set<string>): string {
    const free = (x: string) => !taken.has(x) && !this.ids.has(x);
    if (free(id)) return id;
    for (let n = 8; n < hash.length + 4; n += 4) {
      const x = `${id}~${hash.slice(0, n)}`;
      if (free(x)) return x;
    }
    for (let k = 2; ; k++) {
      const x = `${id}~${hash}~${k}`;
      if (free(x)) return x;
    }
  }

  private report(o: Outcome): void {
    if (o.kind === 'new') this.summary.new++;
    else if (o.kind === 'duplicate') this.summary.duplicate++;
    else {
      this.summary.failed++;
      this.summary.failures.push(o);
    }
    this.opts.onOutcome?.(o, this.summary);
  }
}

interface Extracted {
  c: Candidate;
  result: ExtractionResult;
}

function withNotes(result: ExtractionResult, notes: ItemProblem[]): ExtractionResult {
  for (const n of notes) result.errors.push({ code: n.code, message: n.message });
  return result;
}

/** Ingests every item; the summary counts each one exactly once (read = new + duplicate + failed). */
export async function ingestItems(
  db: Kysely<Schema> | Promise<Kysely<Schema>>,
  items: AsyncIterable<InputItem>,
  opts: IngestOptions = {},
): Promise<IngestSummary> {
  const ingester = new Ingester(db, opts);
  for await (const item of items) await ingester.add(item);
  return ingester.finish();
}
