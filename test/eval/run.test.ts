/** `rasd eval` on real extraction output: the dev set figures equal score.py's; the seeds score 1.0 everywhere. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';

const root = path.resolve(import.meta.dirname, '../..');
const corpus = path.join(root, 'corpus');
const rasd = (args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'src/cli/run.ts'), ...args], {
    cwd: root,
    encoding: 'utf8',
  });

test('dev set: rasd eval prints exactly what score.py prints for the same extraction', () => {
  const out = path.join(mkdtempSync(path.join(tmpdir(), 'rasd-dev-')), 'dev.jsonl');
  const ex = rasd(['extract', path.join(corpus, 'dev/articles.jsonl'), '-o', out]);
  assert.equal(ex.status, 0, ex.stderr);
  for (const flags of [[], ['--per-doc'], ['--json']]) {
    const ours = rasd(['eval', path.join(corpus, 'dev/gold.jsonl'), out, ...flags]);
    const py = spawnSync(
      'python3',
      [path.join(corpus, 'dev/score.py'), path.join(corpus, 'dev/gold.jsonl'), out, ...flags],
      {
        encoding: 'utf8',
      },
    );
    assert.equal(py.status, 0, py.stderr);
    assert.equal(ours.stdout, py.stdout, `flags ${flags.join(' ')}`);
  }
});

test('seeds: rasd eval --run gives event F1 1.0 and every field 1.0', () => {
  const r = rasd([
    'eval',
    path.join(corpus, 'seeds/gold.jsonl'),
    '--run',
    path.join(corpus, 'seeds/articles.jsonl'),
    '--json',
  ]);
  assert.equal(r.status, 0, r.stderr);
  const res = JSON.parse(r.stdout);
  assert.equal(res.events.f1, 1);
  assert.deepEqual(res.events, { precision: 1, recall: 1, f1: 1, tp: 4, sys: 4, gold: 4 });
  for (const [field, v] of Object.entries(res.fields)) assert.equal(v, 1, field);
});

test("dev set: the extractor holds issue 4's bar (event F1 and mean field accuracy at least 0.80)", () => {
  const r = rasd([
    'eval',
    path.join(corpus, 'dev/gold.jsonl'),
    '--run',
    path.join(corpus, 'dev/articles.jsonl'),
    '--json',
  ]);
  assert.equal(r.status, 0, r.stderr);
  const res = JSON.parse(r.stdout);
  assert.ok(res.events.f1 >= 0.8, `event F1 ${res.events.f1}`);
  assert.ok(res.mean_field_accuracy >= 0.8, `mean field accuracy ${res.mean_field_accuracy}`);
});
