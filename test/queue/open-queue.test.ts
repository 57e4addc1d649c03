/**
 * Workers started at the same moment on a new PostgreSQL store each create pg-boss's schema and the pipeline's
 * queues. Left to themselves, two creations of one queue deadlock in pg-boss's create_queue (seen in CI: a worker
 * then failed to start). Every opener must succeed, and the queues must end up as configured.
 */
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import pg from 'pg';
import type { PgBoss } from 'pg-boss';
import { openQueue } from '../../src/queue/boss.js';
import { QUEUES } from '../../src/queue/jobs.js';
import { backends } from '../store/backends.js';

const postgres = backends().find((b) => b.name === 'postgres')!;

describe('queues opened at once', { skip: postgres.skip }, () => {
  after(() => postgres.cleanup());

  test('six openers on a fresh database at the same moment: all start, every queue exists once, as set', async () => {
    for (let round = 0; round < 3; round++) {
      const url = await postgres.fresh();
      const opened = await Promise.allSettled(
        Array.from({ length: 6 }, () => openQueue(url, { retryLimit: 2, retryDelay: 1, jobTimeout: 8 })),
      );
      const bosses = opened.flatMap((o) => (o.status === 'fulfilled' ? [o.value] : []));
      try {
        assert.deepEqual(
          opened.flatMap((o) => (o.status === 'rejected' ? [String(o.reason)] : [])),
          [],
        );
        // pg-boss keeps queues of its own, named __pgboss__…
        const queues = (await bosses[0].getQueues()).filter((q) => !q.name.startsWith('__pgboss__'));
        assert.deepEqual(queues.map((q) => q.name).sort(), [...QUEUES].sort());
        for (const q of queues) {
          assert.equal(q.retryLimit, 2, q.name);
          assert.equal(q.expireInSeconds, 8, q.name);
          assert.equal(q.deadLetter ?? null, q.name === 'dead_letter' ? null : 'dead_letter', q.name);
        }
      } finally {
        await Promise.all(bosses.map((b: PgBoss) => b.stop({ graceful: false, close: true })));
      }
    }
  });
});

describe('a queue that cannot be set up', { skip: postgres.skip }, () => {
  after(() => postgres.cleanup());

  test('openQueue rejects and leaves no connection open (a started pg-boss would keep polling)', async () => {
    const url = await postgres.fresh();
    // pg-boss refuses a negative retry limit when the queue is created, after it has started
    await assert.rejects(openQueue(url, { retryLimit: -1 }), /retryLimit/);
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      const others = await admin.query(
        'select count(*)::int as n from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()',
      );
      assert.equal(others.rows[0].n, 0);
    } finally {
      await admin.end();
    }
  });
});
