/** `rasd serve` in its own process: it listens on loopback, answers the API, and stops on SIGINT. */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { after, test } from 'node:test';
import { backends } from '../store/backends.js';
import { root } from '../store/data.js';
import { until } from '../wait.js';
import { parseExposition } from './prometheus.js';

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
    await until(() => /serving at http:\/\/localhost:(\d+)/.test(out), {
      what: 'the address rasd serve prints',
      child,
      detail: () => `${out} ${err}`,
    });
    const port = Number(/serving at http:\/\/localhost:(\d+)/.exec(out)![1]);
    assert.match(err, new RegExp(`listening on 127\\.0\\.0\\.1:${port}`));
    const res = await fetch(`http://127.0.0.1:${port}/api/health`);
    assert.equal(res.status, 200);
    const body = (await res.json()) as { ok: boolean; ready: boolean; store: string; documents: number };
    assert.deepEqual([body.ok, body.ready, body.store, body.documents], [true, true, 'pglite', 0]);
    // the store is read into memory after the server listens: warm once that is done
    let asked = 0;
    await until(
      async () => {
        asked++;
        const h = (await (await fetch(`http://127.0.0.1:${port}/api/health`)).json()) as {
          ready: boolean;
          warm: boolean;
        };
        assert.equal(h.ready, true);
        return h.warm;
      },
      { what: 'health saying warm', child, detail: () => err, every: 100 },
    );
    assert.match(err, /store read into memory/);
    const metrics = await fetch(`http://127.0.0.1:${port}/metrics`);
    assert.equal(metrics.status, 200);
    const m = parseExposition(await metrics.text());
    // rasd serve adds the process's own metrics
    assert.ok((m.get('process_cpu_user_seconds_total') ?? 0) > 0);
    assert.equal(m.get('rasd_http_request_duration_seconds_count', { route: '/api/health', status: '200' }), asked + 1);
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
