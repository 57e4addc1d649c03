/** Progress of a long command on stderr: a bar on a terminal, a plain line now and then otherwise. */
import cliProgress from 'cli-progress';

export interface Progress {
  /** one more item done, with the counts to show */
  tick(counts: Record<string, number>): void;
  /** a line that must not be lost under the bar (a failure) */
  log(line: string): void;
  stop(): void;
}

/** Off a terminal, a line every this many items; RASD_PROGRESS_EVERY changes it (1 for a line per item). */
const PLAIN_EVERY = Math.max(1, Number(process.env.RASD_PROGRESS_EVERY) || 500);

export function progress(label: string, total: number | null, out: NodeJS.WriteStream = process.stderr): Progress {
  let done = 0;
  if (!out.isTTY) {
    return {
      tick(counts) {
        done++;
        if (done % PLAIN_EVERY === 0) out.write(`${label}: ${done}${total ? `/${total}` : ''} ${fmt(counts)}\n`);
      },
      log: (line) => out.write(`${line}\n`),
      stop() {},
    };
  }
  const bar = new cliProgress.SingleBar(
    {
      stream: out,
      format: `${label} [{bar}] {value}/{total} {counts}`,
      hideCursor: true,
      etaBuffer: 200,
    },
    cliProgress.Presets.shades_classic,
  );
  let size = total ?? 1;
  bar.start(size, 0, { counts: '' });
  return {
    tick(counts) {
      done++;
      if (done > size) {
        size = done;
        bar.setTotal(size);
      }
      bar.update(done, { counts: fmt(counts) });
    },
    log(line) {
      // clear the bar's line, print, and let the next update redraw it
      out.write(`\r\x1b[K${line}\n`);
    },
    stop: () => bar.stop(),
  };
}

function fmt(counts: Record<string, number>): string {
  return Object.entries(counts)
    .map(([k, v]) => `${v} ${k}`)
    .join(', ');
}
