#!/usr/bin/env node
// npm run fuzz [-- --runs N --seed S]: the fuzz suites of test/fuzz/ at N times their CI size (N% of it; default
// 2000, i.e. 20x) with a seed of its own (default: from the clock, printed so a failure can be replayed with
// FUZZ_SEED=S FUZZ_RUNS=N node scripts/run-tests.mjs test/fuzz). Prints each suite's time and outcome.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const arg = (name, dflt) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : dflt;
};
const runs = Number(arg('--runs', '2000'));
const seed = Number(arg('--seed', String(Date.now() % 2 ** 31)));
const files = readdirSync(path.join(root, 'test/fuzz'))
  .filter((f) => f.endsWith('.test.ts'))
  .sort()
  .map((f) => path.join('test/fuzz', f));
console.log(`fuzz: seed ${seed}, ${runs}% of the CI runs`);
let failed = 0;
for (const file of files) {
  const started = Date.now();
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', file], {
    cwd: root,
    env: { ...process.env, FUZZ_RUNS: String(runs), FUZZ_SEED: String(seed) },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  const ok = r.status === 0;
  if (!ok) failed++;
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${file} (${secs} s)`);
  if (!ok)
    console.log(
      r.stdout
        .split('\n')
        .filter((l) => /✖|Counterexample|Seed|Error|expected|actual/.test(l))
        .join('\n'),
    );
}
console.log(
  failed ? `fuzz: ${failed} suite(s) failed; replay with FUZZ_SEED=${seed} FUZZ_RUNS=${runs}` : 'fuzz: no failure',
);
process.exit(failed ? 1 : 0);
