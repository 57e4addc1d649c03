/** `rasd ingest` and `rasd reextract` as a person runs them: summary, failures listed, exit status, --db / RASD_DB. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { backends } from './backends.js';
import { root, SEEDS } from './data.js';

const dir = mkdtempSync(path.join(tmpdir(), 'rasd-cli-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const rasd = (args: string[], env: NodeJS.ProcessEnv = {}) =>
  spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'src/cli/run.ts'), ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, RASD_DB: '', ...env },
  });

const good = { id: 'good', published: '2023-10-30', text: 'قتل ثلاثة مدنيين في غارة جوية على مدينة إدلب أمس.' };
const batch = path.join(dir, 'batch.jsonl');
writeFileSync(
  batch,
  [
    JSON.stringify(good),
    '{"id": "broken", "text": "غير مكتمل',
    JSON.stringify({ id: 'notext', title: 'عنوان فقط' }),
    JSON.stringify({
      id: 'baddate',
      published: '2023-02-30',
      text: 'اشتباكات عنيفة في درعا بين القوات الحكومية ومسلحين.',
    }),
    JSON.stringify({ ...good, id: 'good-again' }),
  ].join('\n'),
);

test('ingest: a summary, every failure listed with its reason, exit status 1; a second run finds duplicates', () => {
  const r = rasd(['ingest', batch], { RASD_DB: path.join(dir, 'env-store') });
  assert.equal(r.status, 1, r.stderr);
  assert.match(r.stderr, /rasd ingest: 5 read, 2 new, 1 duplicate, 2 failed; \d+ events stored/);
  assert.match(r.stderr, /env-store/);
  assert.match(r.stderr, /failed \S*batch\.jsonl:2: \S*batch\.jsonl line 2: Unterminated string in JSON/);
  assert.match(r.stderr, /failed \S*batch\.jsonl:3: .*no string "text" or "html" field/);
  // an impossible publication date is a note: the document is read and stored, not failed
  assert.doesNotMatch(r.stderr, /batch\.jsonl:4/);

  const again = rasd(['ingest', '--db', path.join(dir, 'env-store'), batch, SEEDS]);
  assert.match(again.stderr, /rasd ingest: 7 read, 2 new, 3 duplicate, 2 failed/);
});

test('reextract: nothing to do when the store is current, everything with --all', () => {
  const db = path.join(dir, 'seeds');
  assert.equal(rasd(['ingest', '--db', db, SEEDS]).status, 0);
  const none = rasd(['reextract', '--db', db]);
  assert.equal(none.status, 0, none.stderr);
  assert.match(none.stderr, /rasd reextract: 0 documents extracted again/);
  const all = rasd(['reextract', '--db', db, '--all']);
  assert.match(all.stderr, /rasd reextract: 2 documents extracted again, \d+ events; reviews 0 re-applied, 0 flagged/);
});

const pg = backends()[1];
after(() => pg.cleanup());
test('--db postgres://… stores in PostgreSQL', { skip: pg.skip }, async () => {
  const url = await pg.fresh();
  const r = rasd(['ingest', '--db', url, SEEDS]);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stderr, /rasd ingest: 2 read, 2 new, 0 duplicate, 0 failed/);
  assert.match(rasd(['ingest', SEEDS], { RASD_DB: url }).stderr, /2 read, 0 new, 2 duplicate/);
});
