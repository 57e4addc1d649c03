/** `rasd tally`: the counts articles cite next to what the store's incidents count for the same area and period. */
import { checkTallies, type TallyCheck } from '../fuse/tally.js';
import { openStore } from '../store/open.js';
import { readIncidents, readStatistics } from '../store/read.js';

export async function runTally(
  opts: { db?: string; json?: boolean },
  out: NodeJS.WritableStream,
): Promise<TallyCheck[]> {
  const store = await openStore(opts.db);
  try {
    const checks = checkTallies(await readStatistics(store.db), await readIncidents(store.db));
    if (opts.json) for (const c of checks) out.write(`${JSON.stringify(c)}\n`);
    else {
      out.write('stated  counted  diff  what       area    period                   subject / by (document)\n');
      for (const c of checks) {
        const s = c.statistic;
        const period = s.period ? `${s.period.start}..${s.period.end}` : '';
        const diff = c.difference > 0 ? `+${c.difference}` : String(c.difference);
        out.write(
          `${String(s.value).padStart(6)}  ${String(c.counted).padStart(7)}  ${diff.padStart(4)}  ${s.what.padEnd(9)}  ${(s.area ?? '').padEnd(6)}  ${period.padEnd(23)}  ${s.subject ?? '—'} / ${s.by ?? '—'} (${c.document})\n`,
        );
      }
    }
    return checks;
  } finally {
    await store.close();
  }
}
