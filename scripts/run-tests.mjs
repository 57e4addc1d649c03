#!/usr/bin/env node
// Runs every test/**/*.test.ts with node:test (Node 20 has no .ts globbing), so CI reads one summary.
import { spawn } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const files = [];
const walk = (dir) => {
  for (const name of readdirSync(dir).sort()) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) walk(p);
    else if (name.endsWith('.test.ts')) files.push(path.relative(root, p));
  }
};
walk(path.join(root, 'test'));
const only = process.argv.slice(2);
const selected = only.length ? files.filter((f) => only.some((o) => f.includes(o))) : files;
// A test that hangs fails after 15 minutes; a run that hangs anyway (a file whose process never exits) is ended
// whole after 45, with a message, well before CI's own limit would cut it off without one.
const TEST_TIMEOUT_MS = 15 * 60_000;
const RUN_TIMEOUT_MS = 45 * 60_000;
const child = spawn(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-concurrency=2', `--test-timeout=${TEST_TIMEOUT_MS}`, ...selected],
  // its own process group, so the test files and what they started can be ended together
  { cwd: root, stdio: 'inherit', detached: true },
);
const kill = (signal) => {
  try {
    process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
};
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => kill(signal));
const watchdog = setTimeout(() => {
  console.error(`run-tests: still running after ${RUN_TIMEOUT_MS / 60_000} minutes; ending every test process`);
  kill('SIGKILL');
}, RUN_TIMEOUT_MS);
child.on('exit', (code, signal) => {
  clearTimeout(watchdog);
  // what the test files started and left behind goes with them
  kill('SIGKILL');
  process.exit(code ?? (signal ? 1 : 0));
});
