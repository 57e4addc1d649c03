/**
 * A reader that stops early (`rasd export | head`) closes our stdout: writes then fail with EPIPE. That is the
 * reader's choice, not an error: the command stops writing, says nothing more, and exits 0.
 */
let closed = false;

export function watchClosedPipes(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE' || closed) {
        closed = true;
        return;
      }
      throw e;
    });
  }
}

/** True once a reader of stdout or stderr went away. */
export const pipeClosed = (): boolean => closed || process.stdout.destroyed;

/** Writes to stderr unless its reader went away. */
export function note(line: string): void {
  if (!pipeClosed() && !process.stderr.destroyed) process.stderr.write(line);
}

/**
 * Resolves once `chunk` is taken (a full pipe drained); a reader that went away (EPIPE, a closed stream) ends the
 * wait too, and `out.destroyed` or pipeClosed() says so.
 */
export function written(out: NodeJS.WritableStream & { destroyed?: boolean }, chunk: string): Promise<void> {
  return new Promise((resolve, reject) => {
    if (out.destroyed || out.write(chunk)) return resolve();
    // the listeners go once one of them answers: a long output to a slow reader waits here many times
    const done = () => {
      out.off('drain', done);
      out.off('close', done);
      out.off('error', failed);
      resolve();
    };
    const failed = (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE') return done();
      out.off('drain', done);
      out.off('close', done);
      reject(e);
    };
    out.on('drain', done);
    out.on('close', done);
    out.on('error', failed);
  });
}
