/** A feed polled on a schedule: its articles stored, and the next poll conditional on the ETag (a 304, nothing more). */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { sql } from 'kysely';
import { parseEvery } from '../../src/queue/feeds.js';
import { openStore } from '../../src/store/open.js';
import { backends } from '../store/backends.js';
import { NEWS, root } from '../store/data.js';
import { until } from '../wait.js';
import { startNewsSite } from './news-site.js';

const postgres = backends().find((b) => b.name === 'postgres')!;
const cli = path.join(root, 'src/cli/run.ts');

test('--every: durations', () => {
  assert.deepEqual(['15m', '90s', '2h', '1d', '5'].map(parseEvery), [900, 90, 7200, 86_400, 300]);
  assert.throws(() => parseEvery('5s'), /at least 10 seconds/);
  assert.throws(() => parseEvery('soon'), /a duration like 15m/);
});

describe('feeds polled by a worker', { skip: postgres.skip }, () => {
  after(() => postgres.cleanup());

  test('the second poll sends the ETag back and gets a 304', { timeout: 120_000 }, async () => {
    const site = await startNewsSite(NEWS, 20, { failEvery: 1000, slowEvery: 1000 });
    const db = await postgres.fresh();
    const add = spawnSync(
      process.execPath,
      ['--import', 'tsx', cli, 'feeds', 'add', site.feedUrl, '--db', db, '--every', '10s'],
      {
        cwd: root,
        encoding: 'utf8',
      },
    );
    assert.equal(add.status, 0, add.stderr);
    const worker = spawn(process.execPath, ['--import', 'tsx', cli, 'worker', '--db', db, '--allow-private'], {
      cwd: root,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const stderr: string[] = [];
    worker.stderr!.on('data', (d: Buffer) => stderr.push(d.toString()));
    const exited = new Promise((resolve) => worker.on('exit', resolve));
    const store = await openStore(db);
    try {
      await until(() => site.feedRequests.notModified >= 1, {
        what: 'a second poll of the feed',
        child: worker,
        detail: () => stderr.join(''),
        every: 250,
      });
      worker.kill('SIGTERM');
      assert.equal(await exited, 0, stderr.join(''));
      const docs = await store.db.selectFrom('documents').select('url').execute();
      assert.equal(docs.length, 20);
      const feed = await sql<{ etag: string; last_status: string }>`select etag, last_status from feeds`.execute(
        store.db,
      );
      assert.deepEqual(feed.rows, [{ etag: '"feed-v1"', last_status: '304 not modified' }]);
      assert.equal(site.feedRequests.all, 2);
    } finally {
      worker.kill('SIGKILL');
      await store.close();
      await site.close();
    }
  });
});
