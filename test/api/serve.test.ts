/** `rasd serve` in its own process: it listens on loopback, answers the API, and stops on SIGINT. */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { after, test } from 'node:test';
import { backends } from '../store/backends.js';
import { root } from '../store/data.js';

const [pglite] = backends();
after(() => pglite.cleanup());

test('rasd serve --port 0 listens on 127.0.0.1 and serves /api/health', async () => {
  const db = await pglite.fresh();
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(root, 'src/cli/run.ts'), 'serve', '--db', db, '--port', '0'],
    { cwd: root, env: { ...process.env, RASD_DB: '' }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  let err = '';
  child.stdout.on('data', (d) => {
    out += d;
  });
  child.stderr.on('data', (d) => {
    err += d;
  });
  try {
    const deadline = Date.now() + 120_000;
    while (!/serving at http:\/\/localhost:(\d+)/.test(out)) {
      assert.ok(Date.now() < deadline && child.exitCode === null, `no address printed: ${out} ${err}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    const port = Number(/serving at http:\/\/localhost:(\d+)/.exec(out)![1]);
    assert.match(err, new RegExp(`listening on 127\\.0\\.0\\.1:${port}`));
    const res = await fetch(`http://127.0.0.1:${port}/api/health`);
    assert.equal(res.status, 200);
    const body = (await res.json()) as { ok: boolean; store: string; documents: number };
    assert.deepEqual([body.ok, body.store, body.documents], [true, 'pglite', 0]);
    const page = await fetch(`http://127.0.0.1:${port}/`);
    assert.equal(page.status, 200);
  } finally {
    if (child.exitCode === null) {
      child.kill('SIGINT');
      await once(child, 'exit');
    }
  }
  assert.equal(child.exitCode, 0, err);
});
