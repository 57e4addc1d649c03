/** The embedded store's count of committed writes: what changes it and what does not. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isRead, WriteCount } from '../../src/store/write-count.js';

test('reads, read-only transactions and rolled-back writes leave the count; a write or a committed write moves it', () => {
  const c = new WriteCount();
  const run = (...statements: string[]) => {
    for (const s of statements) c.saw(s);
    return c.value;
  };
  assert.equal(run('select 1', 'explain select 1', '  with f as (select 1) select * from f'), 0);
  assert.equal(
    run('begin', 'set local enable_sort = off', 'select key from events', 'commit'),
    0,
    'a read in a transaction',
  );
  assert.equal(run('begin', 'insert into documents (id) values ($1)', 'rollback'), 0, 'rolled back');
  assert.equal(
    run('begin', 'select pg_advisory_xact_lock($1)', 'insert into incidents values (1)'),
    0,
    'not committed yet',
  );
  assert.equal(run('commit'), 1, 'committed');
  assert.equal(run('update events set members = 2'), 2, 'a write of its own');
  assert.equal(
    run('with x as (delete from incidents returning id) select count(*) from x'),
    3,
    'a write inside a WITH',
  );
  assert.equal(run('vacuum analyze'), 4, 'anything not known to be a read counts');
  assert.equal(run('start transaction isolation level serializable', 'delete from events', 'commit'), 5);
});

test('what is taken for a read', () => {
  for (const s of ['select 1', 'SELECT 1', '\n  select i.updated_at from incidents i', 'show shared_buffers'])
    assert.ok(isRead(s), s);
  for (const s of ['insert into t values (1)', 'update t set x = 1', 'with a as (update t set x = 1) select 1'])
    assert.ok(!isRead(s), s);
});
