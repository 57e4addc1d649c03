// Preloaded by bench/startup.bench.ts (node --import): at exit, this process's CPU time (user + system, every
// thread: main, GC, workers) and peak RSS as one JSON line on fd 3, which the bench reads. Nothing else changes.
import { writeSync } from 'node:fs';

process.on('exit', () => {
  const u = process.resourceUsage();
  const cpuMs = (u.userCPUTime + u.systemCPUTime) / 1000;
  try {
    writeSync(3, `${JSON.stringify({ cpuMs, maxRssKb: u.maxRSS })}\n`);
  } catch {
    // no fd 3: run by hand
  }
});
