/**
 * A fresh clone stands on its own: `git clone` of this repository's HEAD (what is committed) into an empty folder
 * with no shared folder beside it, `npm ci`, `npm test` on a subset that reads the in-repo corpus (the seeds, the
 * dev set scored by rasd eval and by score.py, the standalone checks), then `npm start` until the API answers with
 * the sample's incidents, stopped with SIGTERM. Slow (an install, a build, the sample ingested): the one such test.
 */
import assert from 'node:assert/strict';
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { root } from '../../scripts/corpus.js';
import { until } from '../wait.js';

const MINUTE = 60_000;
/** What the clone runs of its own tests: fast, reading corpus/, and never this file (no clone within a clone). */
const SUBSET = ['test/extract/seeds', 'test/eval/run', 'test/clone/standalone'];
const INSIDE = 'RASD_CLONE_TEST';

const isRepo = spawnSync('git', ['rev-parse', '--is-inside-work-tree'], { cwd: root, encoding: 'utf8' });
const skip =
  process.env[INSIDE] === '1'
    ? 'already inside a clone made by this test'
    : isRepo.status !== 0
      ? `${root} is not a git work tree`
      : false;

const tmp = mkdtempSync(path.join(tmpdir(), 'rasd-clone-'));
const clone = path.join(tmp, 'rasd');
const running = new Set<ChildProcess>();

/** Ends a process group this test started (the command and what it started). */
function endGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}

after(async () => {
  for (const child of running) {
    endGroup(child, 'SIGKILL');
    if (child.exitCode === null && child.signalCode === null) await new Promise((r) => child.once('exit', r));
  }
  rmSync(tmp, { recursive: true, force: true });
});

/**
 * The environment without the settings of this checkout's run: its store and tokens, npm's view of this package,
 * and node:test's mark of a test file's child (under it, the clone's `node --test` would run no file at all).
 */
function cleanEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (/^RASD_|^npm_(package|lifecycle)_|^INIT_CWD$|^NODE_TEST_CONTEXT$/.test(k)) continue;
    env[k] = v;
  }
  env[INSIDE] = '1';
  return env;
}

/** Starts a command in its own process group in the clone, collecting its output. */
function start(cmd: string, args: string[]): { child: ChildProcess; output: () => string } {
  let out = '';
  const child = spawn(cmd, args, { cwd: clone, env: cleanEnv(), detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  child.once('exit', () => running.delete(child));
  child.stdout!.on('data', (d) => {
    out += d;
  });
  child.stderr!.on('data', (d) => {
    out += d;
  });
  return { child, output: () => out };
}

/** Runs a command to its end; the exit code and the tail of its output. */
async function run(cmd: string, args: string[]): Promise<{ code: number | null; tail: string }> {
  const { child, output } = start(cmd, args);
  const code = await new Promise<number | null>((r) => child.once('exit', (c) => r(c)));
  return { code, tail: `$ ${cmd} ${args.join(' ')}\n${output().slice(-6000)}` };
}

test('a clone with no shared folder beside it installs, passes its tests and serves the sample', {
  skip,
  timeout: 40 * MINUTE,
}, async () => {
  const cloned = spawnSync('git', ['clone', '--quiet', root, clone], { encoding: 'utf8' });
  assert.equal(cloned.status, 0, cloned.stderr);
  assert.ok(existsSync(path.join(clone, 'corpus/dev/gold.jsonl')), 'the corpus is committed');
  assert.ok(!existsSync(path.resolve(clone, '..', 'shared')), 'no shared folder beside the clone');

  // npm ci builds too (the prepare script)
  const ci = await run('npm', ['ci', '--prefer-offline', '--no-audit', '--no-fund']);
  assert.equal(ci.code, 0, ci.tail);
  assert.ok(existsSync(path.join(clone, 'dist/rasd/run.js')), 'npm ci built the command (bin/rasd.js runs dist/rasd)');

  const tested = await run('npm', ['test', '--', ...SUBSET]);
  assert.equal(tested.code, 0, tested.tail);
  const summary = (name: string) => Number(new RegExp(`^# ${name} (\\d+)$`, 'm').exec(tested.tail)?.[1]);
  assert.ok(summary('pass') >= 10, `the subset ran: ${tested.tail}`);
  assert.equal(summary('fail'), 0, tested.tail);
  assert.equal(summary('skipped'), 0, tested.tail);

  // npm start: ingests the bundled sample, then prints where it serves
  const server = start('npm', ['start', '--', '--port', '0']);
  const address = () => /Rasd is serving at (http:\/\/\S+)/.exec(server.output())?.[1];
  await until(() => address() !== undefined, {
    what: 'the address npm start prints',
    child: server.child,
    detail: server.output,
  });
  const printed = address()!;
  const url = new URL(printed);
  if (url.hostname === 'localhost') url.hostname = '127.0.0.1'; // it listens on 127.0.0.1 by default

  // the API answers with the sample's incidents (retried while the server settles)
  type Listing = { items: { id: string }[]; total: number };
  let last = '';
  let listed: Listing | null = null;
  await until(
    async () => {
      try {
        const res = await fetch(new URL('/api/incidents', url));
        const text = await res.text();
        last = `${res.status} ${text.slice(0, 500)}`;
        if (res.status === 200) listed = JSON.parse(text) as Listing;
      } catch (e) {
        last = String(e);
      }
      return listed !== null;
    },
    {
      what: "the sample's incidents listed",
      child: server.child,
      detail: () => `${last}\n${server.output()}`,
      every: 200,
    },
  );
  const body = listed as unknown as Listing;
  assert.ok(body.items.length > 0 && body.total >= body.items.length, `incidents listed: ${last}`);
  assert.match(server.output(), /sample: \d+ new/);

  // SIGTERM stops it (npm and the server, one process group), and then nothing answers at its address
  const exited = new Promise((r) => server.child.once('exit', r));
  endGroup(server.child, 'SIGTERM');
  await exited;
  await until(
    () =>
      fetch(new URL('/api/health', url)).then(
        () => false,
        () => true,
      ),
    { what: 'nothing answering after SIGTERM', every: 200 },
  );
  assert.match(server.output(), /rasd serve: stopping/);
});
