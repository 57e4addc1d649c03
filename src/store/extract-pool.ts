/**
 * Extraction off the main thread: `rasd extract` runs one worker per core, and `rasd ingest` leaves the main thread
 * to the embedded database, which writes one batch while the workers extract the next ones.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { emptyResult } from '../extract.js';
import type { DocumentInput, ExtractionResult } from '../types.js';
import { defaultExtractor, type Extractor, runExtractor } from './extractor.js';

export interface ExtractRequest {
  seq: number;
  id: string;
  input: DocumentInput;
  /** where the document came from ('articles.jsonl:3'), to begin the message of its error if extraction fails */
  ref?: string;
}

export interface ExtractResponse {
  seq: number;
  result: ExtractionResult;
}

export interface ExtractPool {
  readonly version: string;
  /** Results come back in any order; a failure is the document's error result, never a rejection. */
  extract(input: DocumentInput, id: string, ref?: string): Promise<ExtractionResult>;
  close(): Promise<void>;
}

/** Inline: the given extractor on the calling thread (tests with a stand-in version, tiny inputs). */
export function inlinePool(extractor: Extractor = defaultExtractor): ExtractPool {
  return {
    version: extractor.version,
    extract: async (input, id, ref) => runExtractor(extractor, input, id, ref),
    close: async () => {},
  };
}

/**
 * Extraction allocates many short-lived objects (tokens, mentions): a 64 MB young generation instead of V8's
 * default lets most die there, measured ~25% more articles/s on the 2018 news and a steadier, lower peak RSS
 * (the CLI gets the same through `--max-semi-space-size=64` in bin/rasd.js).
 */
const resourceLimits = { maxYoungGenerationSizeMb: 64 };

/** The worker: the compiled .js next to this file, or the .ts source (loaded through tsx) when running from src. */
function startWorker(): Worker {
  if (!import.meta.url.endsWith('.ts'))
    return new Worker(new URL('./extract-worker.js', import.meta.url), { resourceLimits });
  // Node 20 does not carry the parent's loader hooks into workers: the worker registers tsx itself
  const source = JSON.stringify(new URL('./extract-worker.ts', import.meta.url).href);
  const boot = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${source}); })`;
  return new Worker(boot, { eval: true, resourceLimits });
}

/** What a worker says: it has read the pipeline's data (its first document would otherwise pay for that), or a result. */
export type WorkerMessage = { ready: true } | ExtractResponse;

/**
 * How long one document may take before its worker is stopped and the document gets a `timeout` error: extraction
 * is linear in length (4 MB of news in about 4 s), so only a pathological input comes near it. $RASD_DOC_BUDGET_S
 * sets it.
 */
export const DEFAULT_DOC_BUDGET_MS = Number(process.env.RASD_DOC_BUDGET_S ?? 120) * 1000;

export interface WorkerPoolOptions {
  /** the version the pool reports (tests) */
  version?: string;
  /** per-document time budget (default DEFAULT_DOC_BUDGET_MS) */
  budgetMs?: number;
}

interface Job {
  req: ExtractRequest;
  resolve: (r: ExtractionResult) => void;
}

/**
 * Documents sent to a worker ahead of its results: it never waits for the main thread (busy writing to the
 * embedded database) to hand it the next one. One at a time was measured 12% slower on 1,000 news articles, four ahead 7%.
 */
export const AHEAD = 32;

/**
 * Workers start as the documents come: one at once, another for every this many documents waiting or in flight,
 * up to the pool's size. A handful of documents is not worth a second copy of the pipeline's data.
 */
export const DOCUMENTS_PER_START = 8;

/**
 * Up to `workers` threads running the default extractor, each reading the pipeline's data once when it starts.
 * The default leaves one core to the main thread: it runs the embedded database, and starving it slows everything
 * (measured: on two cores, one worker ingests the 2018 news a third faster than two). A document goes to the
 * worker with the fewest in hand, so that a caller waiting for results in input order keeps every worker busy. A
 * worker extracts its documents in order, so the oldest one sent is the one it is on: the budget clock runs for
 * that one. A document over the budget, or one that crashes its worker (out of memory), ends
 * as that document's error; the worker is replaced, the documents sent after it go to the front of the queue, and
 * the batch goes on.
 */
export function workerPool(
  workers = Math.max(1, availableParallelism() - 1),
  opts: WorkerPoolOptions = {},
): ExtractPool {
  const { version, budgetMs = DEFAULT_DOC_BUDGET_MS } = opts;
  const queue: Job[] = [];
  let seq = 0;
  let closed = false;
  interface Slot {
    worker: Worker;
    ready: boolean;
    /** sent to the worker, in the order it extracts them */
    sent: Job[];
    timer: NodeJS.Timeout | null;
  }
  const slots: Slot[] = [];

  const failJob = (job: Job, code: string, message: string) =>
    job.resolve(
      emptyResult(job.req.input, job.req.id, [{ code, message: job.req.ref ? `${job.req.ref}: ${message}` : message }]),
    );

  /** (re)starts the budget clock of the document the worker is on, if any */
  const clock = (slot: Slot) => {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    if (slot.sent.length === 0) return;
    const job = slot.sent[0];
    slot.timer = setTimeout(() => {
      slot.timer = null;
      if (slot.sent[0] !== job) return;
      const rest = slot.sent.slice(1);
      slot.sent = [];
      replace(slot);
      queue.unshift(...rest);
      failJob(
        job,
        'timeout',
        `extraction took over ${budgetMs / 1000} s and was stopped (the document is too long or too repetitive)`,
      );
      dispatch();
    }, budgetMs);
  };

  /** the ready worker with the fewest documents in hand, if one has room */
  const leastBusy = (): Slot | null => {
    let best: Slot | null = null;
    for (const slot of slots) {
      if (slot.ready && slot.sent.length < AHEAD && (!best || slot.sent.length < best.sent.length)) best = slot;
    }
    return best;
  };

  const dispatch = () => {
    const load = queue.length + slots.reduce((n, slot) => n + slot.sent.length, 0);
    while (!closed && !startFailure && slots.length < Math.min(workers, Math.ceil(load / DOCUMENTS_PER_START))) {
      addSlot();
    }
    for (let slot = leastBusy(); slot && queue.length > 0; slot = leastBusy()) {
      const job = queue.shift()!;
      slot.sent.push(job);
      slot.worker.postMessage(job.req);
      if (slot.sent.length === 1) clock(slot);
    }
  };

  const start = (slot: Slot) => {
    const w = startWorker();
    slot.worker = w;
    slot.ready = false;
    w.on('message', (msg: WorkerMessage) => {
      if (slot.worker !== w) return;
      if ('ready' in msg) slot.ready = true;
      else if (slot.sent[0]?.req.seq === msg.seq) {
        slot.sent.shift()!.resolve(msg.result);
        clock(slot);
      }
      dispatch();
    });
    w.on('error', (e) => {
      if (slot.worker !== w) return;
      if (!slot.ready) {
        cannotStart(slot, e);
        return;
      }
      const [job, ...rest] = slot.sent;
      slot.sent = [];
      clock(slot);
      replace(slot);
      queue.unshift(...rest);
      if (job) failJob(job, 'internal_error', `extraction failed: ${e.message}`);
      dispatch();
    });
  };

  /**
   * A worker that fails before it is ready would fail again (a broken build, options a worker refuses): no more are
   * started, and once none is left, every document waiting gets this as its error instead of waiting for ever.
   */
  let startFailure: string | null = null;
  const cannotStart = (slot: Slot, e: Error) => {
    startFailure = `extraction failed: no extraction worker could start: ${e.message}`;
    slots.splice(slots.indexOf(slot), 1);
    void slot.worker.terminate();
    queue.unshift(...slot.sent);
    slot.sent = [];
    clock(slot);
    if (slots.length === 0) for (const job of queue.splice(0)) failJob(job, 'internal_error', startFailure);
    dispatch();
  };

  const replace = (slot: Slot) => {
    const old = slot.worker;
    if (!closed) start(slot);
    void old.terminate();
  };

  const addSlot = () => {
    const slot = { ready: false, sent: [], timer: null } as unknown as Slot;
    slots.push(slot);
    start(slot);
  };

  // the first worker reads the pipeline's data while the caller reads its input (or opens its store)
  addSlot();
  return {
    version: version ?? defaultExtractor.version,
    extract(input, id, ref) {
      if (closed) return Promise.reject(new Error('the extraction pool is closed'));
      if (startFailure && slots.length === 0) {
        return Promise.resolve(emptyResult(input, id, [{ code: 'internal_error', message: startFailure }]));
      }
      const req: ExtractRequest = { seq: seq++, id, input, ...(ref ? { ref } : {}) };
      return new Promise((resolve) => {
        queue.push({ req, resolve });
        dispatch();
      });
    },
    async close() {
      closed = true;
      for (const slot of slots) if (slot.timer) clearTimeout(slot.timer);
      await Promise.all(slots.map((slot) => slot.worker.terminate()));
    },
  };
}

/** `workers` worker threads extracting, or none: the calling thread extracts (no worker to start). */
export function extractionPool(workers: number): ExtractPool {
  return workers > 0 ? workerPool(workers) : inlinePool();
}
