/** A worker thread that runs the extractor on the documents the pool sends it. */
import { parentPort } from 'node:worker_threads';
import type { ExtractRequest, ExtractResponse } from './extract-pool.js';
import { defaultExtractor, runExtractor } from './extractor.js';

parentPort!.on('message', (req: ExtractRequest) => {
  const res: ExtractResponse = { seq: req.seq, result: runExtractor(defaultExtractor, req.input, req.id) };
  parentPort!.postMessage(res);
});
