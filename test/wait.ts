/**
 * Waiting in tests on readiness, never on a wall-clock deadline: a loaded machine makes a test slower, not failed.
 * The runner's per-test timeout (scripts/run-tests.mjs) is the only backstop for something that never happens.
 */
import type { ChildProcess } from 'node:child_process';

export interface WaitOptions {
  /** what is awaited, for the message if the child ends first */
  what: string;
  /** a process whose end means it will never happen: fail at once, with `detail()` */
  child?: ChildProcess;
  detail?: () => string;
  /** ms between looks (default 50) */
  every?: number;
}

/** Resolves once `ready()` holds; rejects as soon as `child` has exited without it. */
export async function until(ready: () => boolean | Promise<boolean>, opts: WaitOptions): Promise<void> {
  for (;;) {
    if (await ready()) return;
    const child = opts.child;
    if (child && (child.exitCode !== null || child.signalCode !== null)) {
      throw new Error(
        `${opts.what}: the process ended first (${child.exitCode ?? child.signalCode})\n${opts.detail?.() ?? ''}`,
      );
    }
    await new Promise((r) => setTimeout(r, opts.every ?? 50));
  }
}
