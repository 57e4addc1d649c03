/**
 * `--jobs`: worker threads change nothing but the speed. `rasd extract` writes the same bytes with two workers as on
 * the main thread (dev and train sets, and documents that fail, in input order), and `rasd ingest` stores the same
 * events.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { corpus } from '../../scripts/corpus.js';
import { openStore } from '../../src/store/open.js';
import { DEV, root } from '../store/data.js';

const RUN = path.join(root, 'src/cli/run.ts');
const TRAIN = corpus('train/articles.jsonl');
const dir = mkdtempSync(path.join(tmpdir(), 'rasd-jobs-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const rasd = (args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', RUN, ...args], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, RASD_DB: '' },
  });

// documents that fail, one per line, between good ones: each keeps its own error, in its place
const bad = path.join(dir, 'bad.jsonl');
writeFileSync(
  bad,
  [
    JSON.stringify({ id: 'good', published: '2023-10-30', text: 'قتل ثلاثة مدنيين في غارة جوية على مدينة إدلب أمس.' }),
    '{"id": "broken", "text": "غير مكتمل',
    JSON.stringify({ id: 'notext', title: 'عنوان فقط' }),
    JSON.stringify({
      id: 'good',
      published: '2023-02-30',
      text: 'اشتباكات عنيفة في درعا بين القوات الحكومية ومسلحين.',
    }),
    '',
  ].join('\n'),
);

test('extract --jobs 2 writes the bytes --jobs 1 writes: dev, train and failing documents, in input order', () => {
  const sources = [DEV, bad, TRAIN];
  const one = rasd(['extract', '--jobs', '1', ...sources]);
  const two = rasd(['extract', '--jobs', '2', ...sources]);
  assert.equal(one.status, 1, one.stderr); // the broken and the textless documents fail
  assert.equal(two.status, 1, two.stderr);
  assert.equal(two.stderr, one.stderr);
  const lines = one.stdout.split('\n').filter((l) => l);
  assert.equal(lines.length, 42 + 4 + 240);
  assert.deepEqual(
    lines.slice(42, 46).map((l) => (JSON.parse(l) as { errors: { code: string }[] }).errors.map((e) => e.code)),
    [[], ['invalid_json'], ['missing_text'], ['invalid_published', 'duplicate_id']],
  );
  assert.ok(two.stdout === one.stdout, 'the outputs differ');
});

async function storedEvents(db: string): Promise<unknown[]> {
  const store = await openStore(db);
  try {
    return await store.db.selectFrom('events').select(['id', 'key', 'record']).orderBy('id').execute();
  } finally {
    await store.close();
  }
}

test('ingest --jobs 2 stores the events --jobs 1 stores', async () => {
  const stores = ['1', '2'].map((jobs) => {
    const db = path.join(dir, `store-${jobs}`);
    const r = rasd(['ingest', '--jobs', jobs, '--db', db, DEV]);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stderr, /42 read, 42 new, 0 duplicate, 0 failed/);
    return db;
  });
  const [one, two] = [await storedEvents(stores[0]), await storedEvents(stores[1])];
  // every event extraction gives the development set is stored
  const extracted = rasd(['extract', '--jobs', '1', DEV])
    .stdout.split('\n')
    .filter((l) => l.trim())
    .reduce((n, l) => n + JSON.parse(l).events.length, 0);
  assert.ok(extracted > 0);
  assert.equal(one.length, extracted);
  assert.deepEqual(two, one);
});
