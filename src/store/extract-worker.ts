/** A worker thread that runs the extractor on the documents the pool sends it, one at a time. */
import { parentPort } from 'node:worker_threads';
import type { ExtractRequest, ExtractResponse, WorkerMessage } from './extract-pool.js';
import { defaultExtractor, runExtractor } from './extractor.js';

// the pipeline's data is read on the first document: read it now, so that no document's time budget pays for it
runExtractor(defaultExtractor, { id: 'warm-up', text: 'قصفت طائرات حربية مواقع في مدينة حلب أمس.' }, 'warm-up');
parentPort!.postMessage({ ready: true } satisfies WorkerMessage);

parentPort!.on('message', (req: ExtractRequest) => {
  const res: ExtractResponse = { seq: req.seq, result: runExtractor(defaultExtractor, req.input, req.id, req.ref) };
  parentPort!.postMessage(res satisfies WorkerMessage);
});
