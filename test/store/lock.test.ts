/** One process at a time on an embedded store: the second is refused clearly; a dead owner's lock is taken over. */
import assert from 'node:assert/strict';
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { sql } from 'kysely';
import { LOCK_FILE, StoreLockedError } from '../../src/store/lock.js';
import { openStore } from '../../src/store/open.js';
import { root, SEEDS } from './data.js';

const dir = mkdtempSync(path.join(tmpdir(), 'rasd-lock-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** Starts a process that opens the store (and ingests `file`), resolving once it holds it. */
async function holder(db: string, file?: string): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(root, 'test/store/hold-store.ts'), db, ...(file ? [file] : [])],
    { cwd: root, stdio: ['pipe', 'pipe', 'inherit'] },
  );
  let out = '';
  child.stdout!.on('data', (d) => {
    out += d;
  });
  while (!out.includes('open\n')) {
    if (child.exitCode !== null) throw new Error(`holder exited with ${child.exitCode}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return child;
}

const documents = async (db: string) => {
  const store = await openStore(db);
  try {
    return Number((await sql<{ n: string }>`select count(*) as n from documents`.execute(store.db)).rows[0].n);
  } finally {
    await store.close();
  }
};

test('a second process is refused while the first holds the store, and gets it once the first is done', async () => {
  const db = path.join(dir, 'shared');
  const first = await holder(db, SEEDS);
  try {
    await assert.rejects(openStore(db), (e: unknown) => {
      assert.ok(e instanceof StoreLockedError);
      assert.equal(e.pid, first.pid);
      return true;
    });
    // the command line says so and stores nothing
    const cli = spawnSync(
      process.execPath,
      ['--import', 'tsx', path.join(root, 'src/cli/run.ts'), 'ingest', '--db', db, SEEDS],
      { cwd: root, encoding: 'utf8' },
    );
    assert.equal(cli.status, 2);
    assert.match(cli.stderr, new RegExp(`in use by another rasd process \\(pid ${first.pid}\\)`));
  } finally {
    first.stdin!.end();
    await once(first, 'exit');
  }
  assert.equal(first.exitCode, 0);
  assert.equal(existsSync(path.join(db, LOCK_FILE)), false);
  assert.equal(await documents(db), 2);
});

test('a lock left by a process that died is taken over, and what it committed is there', async () => {
  const db = path.join(dir, 'crashed');
  const first = await holder(db, SEEDS);
  first.kill('SIGKILL');
  await once(first, 'exit');
  const lock = JSON.parse(readFileSync(path.join(db, LOCK_FILE), 'utf8'));
  assert.equal(lock.pid, first.pid);
  assert.equal(await documents(db), 2);
});

test('a lock held by a live process of this host is respected even without a store behind it', async () => {
  const db = path.join(dir, 'foreign');
  await openStore(db).then((s) => s.close());
  // this test process is alive: a lock naming it (as another opener) must be respected
  const parent = process.ppid;
  writeFileSync(path.join(db, LOCK_FILE), JSON.stringify({ pid: parent, host: (await import('node:os')).hostname() }));
  await assert.rejects(openStore(db), StoreLockedError);
  rmSync(path.join(db, LOCK_FILE));
});

test('a lock whose PID now names a process started at another time (a reused PID) is stale; the same start holds', async (t) => {
  const { processStart } = await import('../../src/store/lock.js');
  const parent = process.ppid;
  const started = processStart(parent);
  if (started === null) return t.skip('this system does not say when a process started');
  const db = path.join(dir, 'reused');
  await openStore(db).then((s) => s.close());
  const host = (await import('node:os')).hostname();
  // the live parent, as its own start time says: held
  writeFileSync(path.join(db, LOCK_FILE), JSON.stringify({ pid: parent, host, started }));
  await assert.rejects(openStore(db), StoreLockedError);
  // the same PID recorded with another start (the owner died and the PID went to this process): taken over
  writeFileSync(path.join(db, LOCK_FILE), JSON.stringify({ pid: parent, host, started: `${started}0` }));
  const store = await openStore(db);
  await store.close();
  assert.ok(!existsSync(path.join(db, LOCK_FILE)));
});
