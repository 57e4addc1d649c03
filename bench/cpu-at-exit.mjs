// Preloaded by bench/startup.bench.ts (node --import): at exit, this process's CPU time (user + system, every
// thread: main, GC, workers) and peak RSS as one JSON line on fd 3, which the bench reads. Nothing else changes.
// Worker threads get the same --import: only the main thread reports.
import { writeSync } from 'node:fs';
import { isMainThread } from 'node:worker_threads';

process.on('exit', () => {
  if (!isMainThread) return;
  const u = process.resourceUsage();
  const cpuMs = (u.userCPUTime + u.systemCPUTime) / 1000;
  try {
    writeSync(3, `${JSON.stringify({ cpuMs, maxRssKb: u.maxRSS })}\n`);
  } catch {
    // no fd 3: run by hand
  }
});
