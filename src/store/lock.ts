/**
 * One process at a time per embedded store: PGlite has no server to arbitrate, and a second process opening the
 * same directory silently loses its writes. The lock is a file created exclusively, holding the owner's PID and,
 * where the system says it (Linux's /proc), when that process started: a PID alone is reused (rasd as PID 1 in a
 * container, killed and started again), so a lock whose PID now names a process started at another time is stale.
 */
import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

export const LOCK_FILE = 'rasd.lock';

export class StoreLockedError extends Error {
  constructor(
    readonly dir: string,
    readonly pid: number,
    /** the holder's command line after `rasd` ('serve --port 8080 …'), when it recorded one */
    readonly command: string[] = [],
  ) {
    super(
      `the store ${dir} is in use by another rasd process (pid ${pid})${command.length ? `, rasd ${command.join(' ')}` : ''}; ` +
        `wait for it to finish or stop it${serveHint(command)}`,
    );
    this.name = 'StoreLockedError';
  }
}

/** While `rasd serve` holds the store, its API reads and exports it: say where. */
function serveHint(command: string[]): string {
  if (command[0] !== 'serve') return '';
  const value = (flag: string) => {
    const at = command.indexOf(flag);
    return at > 0 ? command[at + 1] : command.find((a) => a.startsWith(`${flag}=`))?.slice(flag.length + 1);
  };
  const port = value('--port') ?? '8080';
  const host = value('--host') ?? '127.0.0.1';
  const where = port === '0' ? 'the address it printed' : `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`;
  return `. It is rasd serve: while it runs, export through its API, GET ${where}/api/export?format=acled-csv (same filters as rasd export: country, from, to, type, subtype, actor, q)`;
}

interface Owner {
  pid: number;
  host: string;
  command: string[];
  /** when the process started (boot id and start time in clock ticks), where the system says */
  started: string | null;
  /** the file's content, so a takeover removes exactly the stale file it judged */
  raw: string;
}

function readOwner(path: string): Owner | null {
  let raw: string;
  try {
    raw = readFileSync(path, 'utf8');
  } catch {
    return null;
  }
  try {
    const parsed = JSON.parse(raw) as Partial<Owner>;
    if (typeof parsed.pid !== 'number') return null;
    const command = Array.isArray(parsed.command) ? parsed.command.map(String) : [];
    const started = typeof parsed.started === 'string' ? parsed.started : null;
    return { pid: parsed.pid, host: String(parsed.host ?? ''), command, started, raw };
  } catch {
    return null; // half-written: treated as stale below only if it stays so
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'; // exists, owned by someone else
  }
}

/** When process `pid` started, as "boot id:start time in clock ticks" (Linux); null where that cannot be read. */
export function processStart(pid: number): string | null {
  try {
    const boot = readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // the command name (field 2) may hold spaces and parentheses: the fields after it follow the last ')'
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return `${boot}:${fields[19]}`;
  } catch {
    return null;
  }
}

/** Is the lock's owner still running: its PID alive and, where both are known, started when the lock says. */
function holds(owner: Owner): boolean {
  if (!alive(owner.pid)) return false;
  if (owner.started === null) return true;
  const now = processStart(owner.pid);
  return now === null || now === owner.started;
}

/** Takes the lock of `dir` (which must exist) or throws StoreLockedError; returns the release function. */
export function acquireLock(dir: string): () => void {
  const path = join(dir, LOCK_FILE);
  const me = {
    pid: process.pid,
    host: hostname(),
    started: processStart(process.pid),
    since: new Date().toISOString(),
    command: process.argv.slice(2),
  };
  for (let attempt = 0; attempt < 5; attempt++) {
    let fd: number;
    try {
      fd = openSync(path, 'wx');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const owner = readOwner(path);
      // Another host's PID means nothing here: only a lock of this host can be judged stale.
      if (owner && (owner.host !== me.host || holds(owner))) throw new StoreLockedError(dir, owner.pid, owner.command);
      if (!owner && attempt === 0) {
        // maybe being written right now by its owner; look again
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
        continue;
      }
      // stale: its process is gone (or its PID now names another process). Remove it only if it is still the file judged (another taker may have won).
      if (readOwner(path)?.raw === owner?.raw || !owner) {
        try {
          unlinkSync(path);
        } catch (err) {
          if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
        }
      }
      continue;
    }
    writeSync(fd, JSON.stringify(me));
    closeSync(fd);
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      process.off('exit', release);
      if (readOwner(path)?.pid === me.pid) unlinkSync(path);
    };
    process.on('exit', release);
    return release;
  }
  throw new Error(`could not take the lock ${path}`);
}
