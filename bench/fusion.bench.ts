/**
 * Fusion of many events (npm run bench:fusion): fuseAll over the synthetic events of bench/synthetic-events.ts,
 * 100,000 and 1,000,000 of them by default, each size in a fresh process so that its peak RSS is its own. Prints
 * wall time, events/s, incidents made, the RSS with the events made and the peak RSS, and the load average (other
 * work on the machine slows it). Figures only; never a timed test.
 *
 * The events cover six years, so more of them are denser: candidate pairs grow with the square of the count
 * (~1 M at 100,000, ~9 M at 300,000), and so does the time: 1,000,000 took 9.3 min on two busy cores. It needs
 * more than V8's default heap (its peak RSS was 5.5 GB): the npm script gives 12 GB (--max-old-space-size, passed
 * on to each size's process).
 *
 * usage: node --max-old-space-size=12288 --import tsx bench/fusion.bench.ts [--events N[,N…]]
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fuseAll } from '../src/fuse/fuse.js';
import { syntheticMembers } from './synthetic-events.js';

export interface FusionFigures {
  events: number;
  seconds: number;
  incidents: number;
  /** RSS once the events are made, before fusing them */
  madeRssMb: number;
  /** process.resourceUsage().maxRSS: the events and their fusion */
  peakRssMb: number;
  /** /proc/loadavg when the fusion ended (1, 5 and 15 minutes) */
  load: string;
}

const loadAverage = () => {
  try {
    return readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  } catch {
    return '?';
  }
};

/** Fuses `n` synthetic events in this process. */
function fuseHere(n: number): FusionFigures {
  const members = syntheticMembers(n);
  const madeRssMb = process.memoryUsage().rss / 2 ** 20;
  const t0 = performance.now();
  const incidents = fuseAll(members);
  const seconds = (performance.now() - t0) / 1000;
  return {
    events: members.length,
    seconds,
    incidents: incidents.length,
    madeRssMb,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    load: loadAverage(),
  };
}

/** Fuses `n` synthetic events in a fresh process (with this one's node options: the heap size, tsx). */
export function measureFusion(n: number): FusionFigures {
  const r = spawnSync(process.execPath, [...process.execArgv, import.meta.filename, '--child', String(n)], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 1 << 20,
  });
  if (r.status !== 0) throw new Error(`fusion of ${n} events: exit ${r.status ?? r.signal}`);
  return JSON.parse(r.stdout.trim().split('\n').at(-1)!) as FusionFigures;
}

export const fusionHeader = '   events  seconds   events/s  incidents  RSS made  peak RSS  load (1/5/15 min)';
export const fusionLine = (f: FusionFigures) =>
  [
    String(f.events).padStart(9),
    f.seconds.toFixed(1).padStart(8),
    Math.round(f.events / f.seconds)
      .toString()
      .padStart(10),
    String(f.incidents).padStart(10),
    `${(f.madeRssMb / 1024).toFixed(2)} GB`.padStart(9),
    `${(f.peakRssMb / 1024).toFixed(2)} GB`.padStart(9),
    ` ${f.load}`,
  ].join(' ');

async function main() {
  const args = process.argv.slice(2);
  const child = args.indexOf('--child');
  if (child >= 0) {
    console.log(JSON.stringify(fuseHere(Number(args[child + 1]))));
    return;
  }
  const at = args.indexOf('--events');
  const sizes = (at >= 0 ? args[at + 1] : '100000,1000000').split(',').map(Number);
  console.log('fuseAll of synthetic events, each size in a fresh process');
  console.log(fusionHeader);
  for (const n of sizes) console.log(fusionLine(measureFusion(n)));
}

if (process.argv[1] === import.meta.filename) await main();
