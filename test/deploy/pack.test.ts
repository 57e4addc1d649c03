/**
 * What `npm pack` ships: the command (bin/rasd.js and its bundle), the web app, the data and the README; no
 * sources, tests, corpus or build scripts; every source map carries its sources.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { root } from '../../scripts/corpus.js';

test('npm pack: the built command, web app and data; no sources, tests or corpus; maps with their sources', () => {
  const r = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const files = (JSON.parse(r.stdout) as { files: { path: string }[] }[])[0].files.map((f) => f.path);
  for (const needed of [
    'bin/rasd.js',
    'dist/rasd/run.js',
    'dist/rasd/extract-worker.js',
    'dist/web/index.html',
    'dist/web/assets/app.js',
    'data/gazetteer/places.tsv',
    'data/ner/model.json',
    'data/sample/articles.jsonl',
    'README.md',
    'package.json',
  ]) {
    assert.ok(files.includes(needed), `${needed} is packed (run npm run build first)`);
  }
  const stray = files.filter((f) => /^(src|test|corpus|scripts|bench|docs)\//.test(f) || f.endsWith('.ts'));
  assert.deepEqual(stray, []);
  for (const map of files.filter((f) => f.endsWith('.map'))) {
    const m = JSON.parse(readFileSync(path.join(root, map), 'utf8')) as {
      sources: string[];
      sourcesContent?: string[];
    };
    assert.equal(m.sourcesContent?.length, m.sources.length, `${map} carries every source it names`);
    assert.ok(
      m.sourcesContent!.every((s) => typeof s === 'string' && s.length > 0),
      `${map}: no empty source`,
    );
  }
});
