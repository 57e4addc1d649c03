/**
 * The repository stands on its own: no code reads the shared folder beside the checkout, the build scripts that
 * need raw data the repository does not hold stop with a message instead, and scripts/check-sources.ts tells a
 * copy in corpus/ that matches its source from one that does not. (test/clone/clone.test.ts runs a real clone.)
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import {
  appendFileSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { corpus, NEWS_GZ, readText, root } from '../../scripts/corpus.js';

// written in two pieces so that this file does not hold what it looks for
const SHARED = ['..', 'shared'].join('/');

const tmp = mkdtempSync(path.join(tmpdir(), 'rasd-standalone-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

/** A copy of the environment without $RASD_SOURCE_DATA, so no build below can find raw data. */
function envWithoutSources(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.RASD_SOURCE_DATA;
  return env;
}

test(`no file under src, test, scripts or bench, nor package.json, mentions ${SHARED}`, () => {
  const hits: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (readFileSync(p, 'utf8').includes(SHARED)) hits.push(path.relative(root, p));
    }
  };
  for (const dir of ['src', 'test', 'scripts', 'bench']) walk(path.join(root, dir));
  if (readFileSync(path.join(root, 'package.json'), 'utf8').includes(SHARED)) hits.push('package.json');
  assert.deepEqual(hits, []);
});

test('build scripts without raw source data stop with a message that names RASD_SOURCE_DATA, writing nothing', () => {
  const outputs = ['data/gazetteer/places.tsv', 'data/gazetteer/countries.tsv', 'data/ner/model.json'];
  const before = outputs.map((f) => readFileSync(path.join(root, f)));
  for (const script of ['build-gazetteer.ts', 'build-countries.ts', 'train-ner.ts']) {
    const r = spawnSync(process.execPath, ['--import', 'tsx', path.join('scripts', script)], {
      cwd: root,
      encoding: 'utf8',
      env: envWithoutSources(),
    });
    assert.equal(r.status, 2, `${script}: ${r.stdout}${r.stderr}`);
    assert.match(r.stderr, /RASD_SOURCE_DATA is not set/, script);
    const missing = path.join(tmp, 'no-such-folder');
    const given = spawnSync(process.execPath, ['--import', 'tsx', path.join('scripts', script), missing], {
      cwd: root,
      encoding: 'utf8',
      env: envWithoutSources(),
    });
    assert.equal(given.status, 2, `${script}: ${given.stdout}${given.stderr}`);
    assert.ok(given.stderr.includes(`${missing} does not exist`), given.stderr);
  }
  outputs.forEach((f, i) => {
    assert.ok(readFileSync(path.join(root, f)).equals(before[i]), `${f} unchanged`);
  });
});

test('check-sources: copies that match pass, a changed copy and a missing source fail, each named', () => {
  // a source folder laid out as the shared one, made from the corpus itself, without ANERcorp
  const src = path.join(tmp, 'source');
  for (const set of ['seeds', 'dev', 'train']) cpSync(corpus(set), path.join(src, set), { recursive: true });
  mkdirSync(path.join(src, 'data/news'), { recursive: true });
  writeFileSync(path.join(src, 'data/news/ant2018-conflict.jsonl'), readText(NEWS_GZ));
  cpSync(corpus('news/LICENSE-ANT-Apache-2.0.txt'), path.join(src, 'data/news/LICENSE-ANT-Apache-2.0.txt'));
  cpSync(corpus('cldr'), path.join(src, 'data/lexicons/cldr'), { recursive: true });
  mkdirSync(path.join(src, 'spec'));
  cpSync(path.join(root, 'docs/event-record.md'), path.join(src, 'spec/event-record.md'));
  rmSync(path.join(src, 'data/lexicons/cldr/README.md'));
  appendFileSync(path.join(src, 'dev/gold.jsonl'), '{"document_id": "x", "events": []}\n');

  const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/check-sources.ts', src], {
    cwd: root,
    encoding: 'utf8',
  });
  assert.equal(r.status, 1, r.stderr);
  const lines = r.stdout.trim().split('\n');
  const failed = lines.filter((l) => l.startsWith('FAIL'));
  assert.deepEqual(failed, [
    'FAIL  corpus/dev/gold.jsonl is the same as dev/gold.jsonl',
    `FAIL  data/ner/anercorp.train.conll: missing from ${src}`,
  ]);
  for (const ok of [
    'corpus/seeds/articles.jsonl is the same as seeds/articles.jsonl',
    'corpus/train/gold.jsonl is the same as train/gold.jsonl',
    'corpus/news/ant2018-conflict.jsonl.gz is the same as data/news/ant2018-conflict.jsonl',
    'corpus/cldr/cldr_rbnf_ar.json is the same as data/lexicons/cldr/cldr_rbnf_ar.json',
    'docs/event-record.md is the same as spec/event-record.md',
  ]) {
    assert.ok(lines.includes(`ok  ${ok}`), ok);
  }
  assert.equal(lines.at(-1), '2 check(s) failed');

  const none = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/check-sources.ts'], {
    cwd: root,
    encoding: 'utf8',
  });
  assert.equal(none.status, 2);
  assert.match(none.stderr, /usage: check-sources\.ts SOURCE_DIR/);
});
