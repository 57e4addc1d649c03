/**
 * Crash safety: `rasd ingest` killed with SIGKILL at random moments, then run again, has stored every document
 * once, each with one extraction, and the incidents one uninterrupted fusion gives.
 */
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { fuseAll } from '../../src/fuse/fuse.js';
import { openStore } from '../../src/store/open.js';
import { backends } from './backends.js';
import { items, NEWS, root } from './data.js';
import { extractedMembers } from './fusion.js';

const DOCS = 240;

/** A small deterministic generator, so a failing run can be repeated (the seed is in the test's name). */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** rasd ingest, printing a progress line for each document it has dealt with */
function ingest(file: string, db: string): ChildProcess {
  return spawn(
    process.execPath,
    ['--import', 'tsx', path.join(root, 'src/cli/run.ts'), 'ingest', file, '--db', db, '--batch', '20'],
    { cwd: root, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, RASD_PROGRESS_EVERY: '1' } },
  );
}

/** Calls `then` once the child has reported `n` documents dealt with (its progress lines count them). */
function afterDocuments(child: ChildProcess, n: number, then: () => void): void {
  let text = '';
  let fired = false;
  child.stderr!.on('data', (b: Buffer) => {
    text += b.toString();
    const done = [...text.matchAll(/^rasd ingest: (\d+)/gm)].map((m) => Number(m[1]));
    if (!fired && done.some((d) => d >= n)) {
      fired = true;
      then();
    }
    text = text.slice(text.lastIndexOf('\n') + 1);
  });
}

const SEED = 20261122;

for (const backend of backends()) {
  describe(`crash safety on ${backend.name}`, { skip: backend.skip }, () => {
    after(() => backend.cleanup());

    test(`SIGKILL at random moments (seed ${SEED}), then a full run: nothing lost, nothing twice`, async () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'rasd-crash-'));
      const file = path.join(dir, 'news.jsonl');
      writeFileSync(file, `${readFileSync(NEWS, 'utf8').split('\n').slice(0, DOCS).join('\n')}\n`);
      const db = await backend.fresh();
      const rand = random(SEED);
      let killed = 0;
      for (let round = 0; round < 3; round++) {
        const child = ingest(file, db);
        const exited = once(child, 'exit');
        // the kill lands during the writes, after a random number of documents (re-runs pass stored ones quickly)
        afterDocuments(child, 10 + Math.floor(rand() * (DOCS - 60)), () => child.kill('SIGKILL'));
        const [code, signal] = await exited;
        if (signal === 'SIGKILL') killed++;
        else assert.equal(code, 0, 'an unkilled run finishes cleanly');
      }
      assert.ok(killed >= 1, 'at least one run was killed midway');
      const last = ingest(file, db);
      let err = '';
      last.stderr!.on('data', (b: Buffer) => {
        err += b.toString();
      });
      const [code] = await once(last, 'exit');
      assert.equal(code, 0, err);

      const list = (await items([file])).filter((i) => !i.error);
      const store = await openStore(db);
      try {
        const docs = await store.db.selectFrom('documents').select('id').execute();
        assert.equal(docs.length, new Set(list.map((i) => i.doc!.id)).size, 'every document stored once');
        const perDoc = await store.db
          .selectFrom('extractions')
          .select(['document_id'])
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .groupBy('document_id')
          .execute();
        assert.equal(perDoc.length, docs.length, 'every document extracted');
        assert.ok(
          perDoc.every((r) => Number(r.n) === 1),
          'no document extracted twice',
        );
        const members = extractedMembers(list);
        const events = await store.db.selectFrom('events').select('key').execute();
        assert.deepEqual(events.map((e) => e.key).sort(), members.map((m) => m.key).sort(), 'every event once');
        const expected = fuseAll(members).map((i) => `${i.id} ${i.members.join(' ')}`);
        const rows = await store.db.selectFrom('incidents').select(['id', 'fields']).execute();
        const got = rows.map((r) => `${r.id} ${(r.fields as { members: string[] }).members.join(' ')}`);
        assert.deepEqual(got.sort(), expected.sort(), 'the incidents of one uninterrupted fusion');
      } finally {
        await store.close();
      }
    });
  });
}
