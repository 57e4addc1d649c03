/**
 * compose.yaml and the Dockerfile against the code, since no Docker engine runs the tests: every service's image,
 * command, environment, health check and dependencies are ones the code accepts (each option of a command is in
 * its `--help`, each RASD_ variable is read by the code, each health check asks the port its service listens on),
 * and the image is built from files the build context holds.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { root } from '../store/data.js';
import { type Compose, dockerfile, healthArgv, loadCompose, optionValue } from './compose.js';

const cli = path.join(root, 'src/cli/run.ts');
const help = (command: string) => {
  const r = spawnSync(process.execPath, ['--import', 'tsx', cli, command, '--help'], { cwd: root, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  // as one line: the help wraps at 80 columns
  return r.stdout.replace(/\s+/g, ' ');
};

/** Every RASD_ variable the code reads. */
function variablesRead(): Set<string> {
  const found = new Set<string>();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const p = path.join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (p.endsWith('.ts')) for (const m of readFileSync(p, 'utf8').matchAll(/RASD_[A-Z0-9_]+/g)) found.add(m[0]);
    }
  };
  walk(path.join(root, 'src'));
  return found;
}

/** The URL a `node -e "fetch('…')"` health check asks. */
function healthUrl(argv: string[]): URL {
  assert.equal(argv[0], 'node', `a health check runs node (the image has no curl): ${argv.join(' ')}`);
  const m = /fetch\('([^']+)'\)/.exec(argv.join(' '));
  assert.ok(m, `a health check fetches a URL: ${argv.join(' ')}`);
  return new URL(m[1]);
}

const env = { RASD_TOKEN: 'a-token', POSTGRES_PASSWORD: undefined };

describe('compose.yaml', () => {
  const compose: Compose = loadCompose(env);
  const { db, worker, serve } = compose.services;

  test('PostgreSQL, the workers and the server', () => {
    assert.deepEqual(Object.keys(compose.services).sort(), ['db', 'serve', 'worker']);
    assert.match(db.image ?? '', /^postgres:\d+/);
    const check = healthArgv(db.healthcheck!);
    assert.ok(check.shell && /pg_isready -U rasd -d rasd/.test(check.argv[0]), check.argv[0]);
    assert.deepEqual(
      [db.environment?.POSTGRES_USER, db.environment?.POSTGRES_DB, db.environment?.POSTGRES_PASSWORD],
      ['rasd', 'rasd', 'rasd'],
    );
    assert.ok(worker.deploy?.replicas && worker.deploy.replicas >= 2, 'several workers');
    // a token writes need is required: compose stops with the message when it is not set
    assert.throws(() => loadCompose({}), /RASD_TOKEN: set RASD_TOKEN/);
  });

  test('every rasd service: the image built here, the database of the db service, after it is healthy', () => {
    for (const [name, s] of [
      ['worker', worker],
      ['serve', serve],
    ] as const) {
      assert.equal(s.build, '.', name);
      assert.ok(existsSync(path.join(root, 'Dockerfile')));
      assert.equal(s.image, 'rasd:latest', name);
      const url = new URL(s.environment?.RASD_DB ?? '');
      const e = db.environment!;
      assert.deepEqual(
        [url.protocol, url.username, url.password, url.hostname, url.port, url.pathname],
        ['postgres:', e.POSTGRES_USER, e.POSTGRES_PASSWORD, 'db', '5432', `/${e.POSTGRES_DB}`],
        name,
      );
      assert.equal(s.depends_on?.db?.condition, 'service_healthy', name);
      assert.ok(s.healthcheck, `${name} has a health check`);
    }
    assert.equal(serve.depends_on?.worker?.condition, 'service_healthy');
  });

  test('the commands and their options are ones rasd accepts', () => {
    const read = variablesRead();
    for (const [name, s] of [
      ['worker', worker],
      ['serve', serve],
    ] as const) {
      const [command, ...args] = s.command ?? [];
      assert.equal(command, name);
      const text = help(command);
      for (const a of args.filter((x) => x.startsWith('--'))) {
        assert.match(text, new RegExp(`${a.split('=')[0]}\\b`), `rasd ${command} ${a}: not in its --help`);
      }
      for (const v of Object.keys(s.environment ?? {})) assert.ok(read.has(v), `${name}: nothing reads ${v}`);
    }
    // the worker's listener is set by the environment: --help says which variables
    const workerHelp = help('worker');
    assert.match(workerHelp, /--metrics-port <n> [^-]*\(env: RASD_METRICS_PORT\)/);
    assert.match(workerHelp, /env: RASD_METRICS_HOST/);
  });

  test('each health check asks the port its service listens on', () => {
    const w = healthUrl(healthArgv(worker.healthcheck!).argv);
    assert.equal(w.pathname, '/health');
    assert.equal(w.port, worker.environment?.RASD_METRICS_PORT);
    // compose runs the check inside the container; Prometheus scrapes from others
    assert.equal(worker.environment?.RASD_METRICS_HOST, '0.0.0.0');

    const s = healthUrl(healthArgv(serve.healthcheck!).argv);
    assert.equal(s.pathname, '/api/health');
    const port = optionValue(serve.command!, '--port');
    assert.equal(s.port, port);
    assert.equal(optionValue(serve.command!, '--host'), '0.0.0.0');
    assert.deepEqual(serve.ports, [`${port}:${port}`]);
  });
});

describe('Dockerfile', () => {
  const steps = dockerfile();
  const last = Math.max(...steps.map((s) => s.stage));
  const final = steps.filter((s) => s.stage === last);
  const arg = (name: string) => steps.find((s) => s.op === 'ARG' && s.args.startsWith(`${name}=`))?.args.split('=')[1];

  test('Node 22 LTS, as package.json asks, in every stage', () => {
    const engines = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).engines.node as string;
    const wanted = Number(/>=\s*(\d+)/.exec(engines)?.[1]);
    assert.equal(Number(arg('NODE_VERSION')), 22);
    assert.ok(22 >= wanted, engines);
    for (const from of steps.filter((s) => s.op === 'FROM')) assert.match(from.args, /^node:\$\{NODE_VERSION\}-/);
  });

  test('built in one stage; the last holds production dependencies, dist and data, and runs as node', () => {
    assert.ok(last >= 1, 'several stages');
    const runs = steps.filter((s) => s.op === 'RUN').map((s) => s.args);
    assert.ok(runs.some((r) => /npm ci\b/.test(r) && !/--omit=dev/.test(r)));
    assert.ok(runs.some((r) => /npm run build/.test(r)));
    assert.ok(runs.some((r) => /npm ci --omit=dev/.test(r)));
    const copies = final.filter((s) => s.op === 'COPY').map((s) => s.args);
    for (const want of [
      /--from=\w+ \/app\/node_modules node_modules/,
      // what bin/rasd.js runs and the web app; the files package.json publishes
      /--from=build \/app\/dist\/rasd dist\/rasd/,
      /--from=build \/app\/dist\/web dist\/web/,
      /^data data$/,
    ]) {
      assert.ok(
        copies.some((c) => want.test(c)),
        `final stage: ${want}`,
      );
    }
    const files = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).files as string[];
    for (const f of files.filter((f) => f.startsWith('dist'))) {
      assert.ok(
        copies.some((c) => c.endsWith(` ${f}`)),
        `final stage: ${f} (published in package.json's files)`,
      );
    }
    const bin = readFileSync(path.join(root, 'bin/rasd.js'), 'utf8');
    assert.ok(
      files.some((f) => bin.includes(`../${f}/`)),
      `bin/rasd.js runs a published file: ${bin}`,
    );
    const user = final.find((s) => s.op === 'USER')?.args;
    assert.ok(user && user !== 'root' && user !== '0', `runs as ${user}`);
  });

  test('serves on every interface, with a health check on /api/health at the port it exposes', () => {
    const json = (op: string) => JSON.parse(final.find((s) => s.op === op)!.args) as string[];
    const entry = json('ENTRYPOINT');
    const cmd = json('CMD');
    assert.deepEqual(entry.slice(-1), ['bin/rasd.js']);
    assert.deepEqual(cmd.slice(0, 1), ['serve']);
    assert.equal(optionValue(cmd, '--host'), '0.0.0.0');
    const port = optionValue(cmd, '--port');
    assert.equal(final.find((s) => s.op === 'EXPOSE')?.args, port);
    const check = final.find((s) => s.op === 'HEALTHCHECK')!.args;
    const argv = JSON.parse(check.slice(check.indexOf('CMD ') + 4)) as string[];
    const url = healthUrl(argv);
    assert.deepEqual([url.pathname, url.port], ['/api/health', port]);
  });

  test('every file it copies from the build context is there and not left out by .dockerignore', () => {
    const ignored = readFileSync(path.join(root, '.dockerignore'), 'utf8')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith('#'))
      .map(
        (p) =>
          new RegExp(
            `^${p
              .replace(/[.+^$()|[\]{}]/g, '\\$&')
              .replace(/\*\*\//g, '(.*/)?')
              .replace(/\*/g, '[^/]*')}(/|$)`,
          ),
      );
    const sources = steps
      .filter((s) => s.op === 'COPY' && !s.args.startsWith('--from'))
      .flatMap((s) => s.args.split(' ').slice(0, -1));
    assert.ok(sources.includes('src') && sources.includes('data') && sources.includes('bin'));
    for (const src of sources) {
      assert.ok(existsSync(path.join(root, src)), `${src} is not in the repository`);
      assert.ok(!ignored.some((re) => re.test(src)), `${src} is left out by .dockerignore`);
    }
    // and what must stay out does
    for (const out of ['node_modules', 'dist', '.git', 'rasd-data']) {
      assert.ok(
        ignored.some((re) => re.test(out)),
        `${out} is sent to the builder`,
      );
    }
  });
});
