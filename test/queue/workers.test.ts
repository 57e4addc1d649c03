/**
 * Three `rasd worker` processes on one PostgreSQL over a local news site of 1,000 pages (some failing for good,
 * some slow), one of them killed with SIGKILL midway: every good page is stored once, every failure is recorded
 * with its reason, and the incidents are those one process extracting and fusing the same documents makes.
 */
import assert from 'node:assert/strict';
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { extract } from '../../src/extract.js';
import { fuseAll } from '../../src/fuse/fuse.js';
import type { MemberEvent } from '../../src/fuse/types.js';
import { openStore, type Store } from '../../src/store/open.js';
import { backends } from '../store/backends.js';
import { NEWS, root } from '../store/data.js';
import { signature, storedIncidents } from '../store/fusion.js';
import { until } from '../wait.js';
import { type NewsSite, startNewsSite } from './news-site.js';

const postgres = backends().find((b) => b.name === 'postgres')!;
const cli = path.join(root, 'src/cli/run.ts');

interface Running {
  child: ChildProcess;
  stderr: string[];
  exited: Promise<number | null>;
}

function startWorker(db: string): Running {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      cli,
      'worker',
      '--db',
      db,
      '--allow-private',
      '--until-idle',
      '--retry-limit',
      '2',
      '--retry-delay',
      '1',
      // the killed worker's jobs are taken for dead after this long, and retried by the others
      '--job-timeout',
      '8',
    ],
    { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const stderr: string[] = [];
  child.stderr!.on('data', (d: Buffer) => stderr.push(d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, stderr, exited };
}

const rasd = (...args: string[]) => {
  const r = spawnSync(process.execPath, ['--import', 'tsx', cli, ...args], { cwd: root, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return r;
};

const count = async (store: Store, query: string) =>
  Number((await sql<{ n: string }>`${sql.raw(query)}`.execute(store.db)).rows[0].n);

/** What one process makes of the stored documents: its own extraction of each, and one fusion of all. */
async function singleProcessIncidents(store: Store): Promise<{ events: number; incidents: string[] }> {
  const docs = await store.db.selectFrom('documents').selectAll().execute();
  const members: MemberEvent[] = [];
  for (const d of docs) {
    const input = {
      id: d.id,
      url: d.url ?? undefined,
      source: d.source ?? undefined,
      text: d.text,
      ...(d.title ? { title: d.title } : {}),
      ...(d.published ? { published: d.published } : {}),
    };
    for (const event of extract(input, d.id).events) {
      members.push({
        key: `${d.id}#${event.id}`,
        documentId: d.id,
        source: d.source,
        url: d.url,
        published: d.published,
        event,
      });
    }
  }
  members.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return { events: members.length, incidents: fuseAll(members).map(signature).sort() };
}

describe('workers on PostgreSQL', { skip: postgres.skip }, () => {
  let site: NewsSite;
  // ended here too: a test that times out stops at its await, and live workers would keep this file running
  const started: Running[] = [];
  before(async () => {
    site = await startNewsSite(NEWS, 1000);
  });
  after(async () => {
    for (const w of started) w.child.kill('SIGKILL');
    await Promise.all(started.map((w) => w.exited));
    await site?.close();
    await postgres.cleanup();
  });

  test('3 workers, one killed midway: each good page stored once, failures with reasons, the incidents of one process', async (t) => {
    const db = await postgres.fresh();
    rasd('feeds', 'add', site.feedUrl, '--db', db, '--every', '1h');
    const workers = [startWorker(db), startWorker(db), startWorker(db)];
    started.push(...workers);
    const store = await openStore(db);
    try {
      // midway: a quarter of the good pages stored
      await until(async () => (await count(store, 'select count(*) as n from documents')) >= site.good.length / 4, {
        what: 'a quarter of the good pages stored',
        child: workers[0].child,
        detail: () => workers[0].stderr.join(''),
        every: 200,
      });
      workers[0].child.kill('SIGKILL');
      assert.equal(await workers[0].exited, null);
      const codes = await Promise.all(workers.slice(1).map((w) => w.exited));
      assert.deepEqual(codes, [0, 0], workers.map((w) => w.stderr.join('')).join('\n---\n'));

      // every good page stored exactly once, and nothing else
      const docs = await store.db.selectFrom('documents').select(['url', 'title', 'published']).execute();
      const urls = docs.map((d) => d.url).sort();
      assert.deepEqual(urls, site.good.map((a) => `${site.base}${a.path}`).sort());
      assert.equal(await count(store, 'select count(*) as n from extractions'), site.good.length);

      // every failing page recorded once, with the reason
      const failures = await sql<{ queue: string; ref: string; reason: string; attempts: number }>`
        select queue, ref, reason, attempts from job_failures order by ref`.execute(store.db);
      const failing = site.articles.filter((a) => a.fails);
      assert.equal(failures.rows.length, failing.length, JSON.stringify(failures.rows.slice(0, 5)));
      let cut = 0;
      for (const a of failing) {
        const f = failures.rows.find((r) => r.ref === `${site.base}${a.path}`);
        assert.ok(f, `${a.path} has no failure recorded`);
        assert.equal(f.queue, 'fetch_article');
        assert.match(f.reason, new RegExp(`HTTP ${a.fails}`));
        // a 404 is not tried again; a 500 is, until the retries are used up (then dead-lettered). A 404 page the
        // killed worker was fetching (4 at a time) had its first attempt cut by the kill, not by the 404
        if (a.fails === 404 && f.attempts === 2) cut++;
        else assert.equal(f.attempts, a.fails === 404 ? 1 : 3, `${a.path}: ${f.attempts} attempts`);
      }
      assert.ok(cut <= 4, `${cut} pages of 404 tried twice`);
      // nothing left in the queue, nothing failed unrecorded
      const left = await sql<{ n: string }>`
        select count(*) as n from pgboss.job where state < 'completed' or (state = 'failed' and name = 'dead_letter')`.execute(
        store.db,
      );
      assert.equal(Number(left.rows[0].n), 0);

      // the incidents: every event fused, and the same as one process extracting and fusing everything
      assert.equal(await count(store, 'select count(*) as n from events where not fused'), 0);
      const reference = await singleProcessIncidents(store);
      assert.equal(await count(store, 'select count(*) as n from events'), reference.events);
      const stored = await storedIncidents(store);
      assert.ok(
        reference.incidents.some((s) => s.split(' ').length > 2),
        'some incident joins several articles',
      );
      assert.deepEqual(stored, reference.incidents);

      // the feed's validators were kept for its next poll
      const feed = await sql<{ etag: string | null; last_status: string }>`select etag, last_status from feeds`.execute(
        store.db,
      );
      assert.deepEqual(feed.rows, [{ etag: '"feed-v1"', last_status: '200' }]);

      const timedOut = await sql<{ name: string; n: string }>`
        select name, count(*) as n from pgboss.job where state = 'completed' and retry_count > 0 group by name`.execute(
        store.db,
      );
      t.diagnostic(`jobs done on a retry (the killed worker's, after their timeout): ${JSON.stringify(timedOut.rows)}`);

      const status = rasd('status', '--db', db).stdout;
      assert.match(status, /^store\b.*\n/m);
      assert.match(status, new RegExp(`failures: ${failing.length} \\(fetch_article ${failing.length}\\)`));
    } finally {
      for (const w of workers) w.child.kill('SIGKILL');
      await store.close();
    }
  });
});
