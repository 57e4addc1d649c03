/**
 * A PostgreSQL store whose idle connections the server ends (an administrator, a restart) stays usable: the
 * process is not brought down by the pool's error, and the next query opens a new connection.
 */
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { sql } from 'kysely';
import pg from 'pg';
import { openStore } from '../../src/store/open.js';
import { until } from '../wait.js';
import { backends } from './backends.js';

const postgres = backends().find((b) => b.name === 'postgres')!;

describe('a PostgreSQL store whose connections are ended', { skip: postgres.skip }, () => {
  after(() => postgres.cleanup());

  test('idle connections terminated by the server: a line on stderr, and the next query works', async () => {
    const url = await postgres.fresh();
    const store = await openStore(url);
    const written: string[] = [];
    const write = process.stderr.write.bind(process.stderr);
    process.stderr.write = ((chunk: string | Uint8Array, ...rest: never[]) => {
      written.push(String(chunk));
      return write(chunk, ...rest);
    }) as typeof process.stderr.write;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      // several connections in the pool, all idle afterwards
      await Promise.all([1, 2, 3].map((n) => sql`select pg_sleep(0.05), ${n}::int`.execute(store.db)));
      const ended = await admin.query(
        `select pg_terminate_backend(pid) as ok from pg_stat_activity
          where datname = current_database() and pid <> pg_backend_pid()`,
      );
      assert.ok(ended.rows.length >= 1);
      // each ended connection is reported once its socket hears of it
      const reported = () => written.filter((w) => /rasd store: a connection to .* ended/.test(w)).length;
      await until(() => reported() >= ended.rows.length, { what: 'every ended connection reported' });
      const n = await store.db
        .selectFrom('documents')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirst();
      assert.equal(Number(n?.n), 0);
    } finally {
      process.stderr.write = write;
      await admin.end();
      await store.close();
    }
  });
});
