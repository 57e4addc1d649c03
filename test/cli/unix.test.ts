/**
 * `rasd` as a Unix tool: quiet on a closed pipe, exit 0 / 1 (some documents failed) / 2 (misuse), a store that is
 * not there refused, the export's filter errors the API's, --published for text on stdin, and a locked store that
 * points at the server's API.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { HttpError } from '../../src/api/errors.js';
import { parseFilter } from '../../src/api/filters.js';
import { DEV, root, SEEDS } from '../store/data.js';

const RUN = path.join(root, 'src/cli/run.ts');
const dir = mkdtempSync(path.join(tmpdir(), 'rasd-unix-'));
const store = path.join(dir, 'store');
after(() => rmSync(dir, { recursive: true, force: true }));

const rasd = (args: string[], input?: string) =>
  spawnSync(process.execPath, ['--import', 'tsx', RUN, ...args], {
    cwd: root,
    encoding: 'utf8',
    input,
    env: { ...process.env, RASD_DB: '' },
  });

/** `rasd ARGS | head -c 200` in bash: rasd's exit status and what it wrote on stderr. */
function piped(args: string[]): { status: number; stderr: string } {
  const errFile = path.join(dir, `stderr-${args[0]}.txt`);
  const quoted = [process.execPath, '--import', 'tsx', RUN, ...args].map((a) => `'${a.replaceAll("'", "'\\''")}'`);
  const r = spawnSync(
    'bash',
    ['-c', `${quoted.join(' ')} 2>'${errFile}' | head -c 200 >/dev/null; echo "\${PIPESTATUS[0]}"`],
    {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, RASD_DB: '' },
    },
  );
  return { status: Number(r.stdout.trim()), stderr: readFileSync(errFile, 'utf8') };
}

before(() => {
  // the dev set: enough incidents that an export overflows a pipe's buffer
  const r = rasd(['ingest', '--db', store, DEV]);
  assert.equal(r.status, 0, r.stderr);
});

test('a reader that stops early: extract and export stop quietly with status 0', () => {
  for (const args of [
    ['extract', DEV],
    ['export', '--db', store, '--format', 'jsonl'],
    ['export', '--db', store, '--format', 'acled-csv'],
  ]) {
    const r = piped(args);
    assert.equal(r.status, 0, `${args.join(' ')}: ${r.stderr}`);
    assert.doesNotMatch(r.stderr, /EPIPE|Error|at .*\.ts:\d+/, args.join(' '));
  }
});

test('rasd export --bom: the ACLED CSV begins with a UTF-8 byte order mark for Excel; without it, none', () => {
  const withBom = rasd(['export', '--db', store, '--bom']);
  assert.equal(withBom.status, 0, withBom.stderr);
  assert.ok(withBom.stdout.startsWith('\uFEFFevent_id_cnty,'));
  assert.ok(rasd(['export', '--db', store]).stdout.startsWith('event_id_cnty,'));
});

test('exit status 2 for misuse, with one line saying what to fix', () => {
  const cases: [string[], RegExp][] = [
    [['extract', '--no-such-option'], /unknown option '--no-such-option'/],
    [['serve', '--port', 'eighty'], /--port <n>.*not a whole number/],
    [['serve', '--port', '70000'], /must be 0-65535/],
    [['ingest', '--batch', '0', SEEDS], /must be 1 or more/],
    [['extract', '--published', 'yesterday', SEEDS], /not a date \(YYYY-MM-DD\)/],
    [['export', '--db', store, '--format', 'xlsx'], /Allowed choices are acled-csv, geojson, jsonl/],
    [['export', '--db', store, '--from', '2018-13-45'], /--from: "2018-13-45" is not a date/],
    [['export', '--db', store, '--country', 'Narnia'], /--country: unknown country "Narnia"/],
    [['export', '--db', store, '--type', 'airstrike'], /--type: unknown "airstrike"/],
    [
      ['export', '--db', store, '--type', 'air_drone_strike'],
      /--type: "air_drone_strike" is a sub-type: give it as subtype/,
    ],
    [['export', '--db', store, '--from', '2018-05-01', '--to', '2018-04-01'], /--from: 2018-05-01 is after "to"/],
    [['worker', '--db', store], /the job queue lives in PostgreSQL/],
    [['no-such-command'], /unknown command 'no-such-command'/],
    [['eval', path.join(root, 'corpus/dev/gold.jsonl')], /eval needs a SYSTEM file or --run ARTICLES/],
  ];
  for (const [args, message] of cases) {
    const r = rasd(args);
    assert.equal(r.status, 2, `${args.join(' ')}: ${r.stderr}`);
    assert.match(r.stderr, message, args.join(' '));
    assert.equal(r.stdout, '', args.join(' '));
  }
});

test('exit status 0 for help and version; 1 when some documents failed; the missing file named once', () => {
  for (const args of [['--help'], ['--version'], ['export', '--help']]) assert.equal(rasd(args).status, 0);
  const missing = path.join(dir, 'missing.txt');
  const r = rasd(['extract', SEEDS, missing]);
  assert.equal(r.status, 1, r.stderr);
  const lines = r.stdout.trim().split('\n');
  assert.equal(lines.length, 3, 'two seeds and the missing file, one line each');
  const err = JSON.parse(lines[2]).errors[0];
  assert.equal(err.code, 'unreadable');
  assert.equal(err.message.split(missing).length - 1, 1, err.message);
});

test('read commands refuse a store that does not exist, and create nothing', () => {
  const typo = path.join(dir, 'typo');
  for (const cmd of ['export', 'tally', 'reextract']) {
    const r = rasd([cmd, '--db', typo]);
    assert.equal(r.status, 2, `${cmd}: ${r.stderr}`);
    assert.match(r.stderr, new RegExp(`no store at ${typo}; create one with rasd ingest`));
    assert.equal(existsSync(typo), false, `${cmd} created ${typo}`);
  }
});

test("the export's filters are the API's: the same values accepted, the same message for a bad one", () => {
  const apiMessage = (q: Record<string, string>) => {
    try {
      parseFilter(q);
      return null;
    } catch (e) {
      assert.ok(e instanceof HttpError);
      return e.message.replace(/^query parameter "(\w+)": /, '--$1: ').replace('--q:', '--text:');
    }
  };
  const bad: Record<string, string>[] = [
    { from: '2018-02-30' },
    { to: 'last week' },
    { country: 'Atlantis' },
    { type: 'Air/drone strike' },
    { subtype: 'Battles' },
    { subtype: 'bombing' },
    { bbox: '1,2,3' },
  ];
  for (const q of bad) {
    const [k, v] = Object.entries(q)[0];
    const r = rasd(['export', '--db', store, `--${k}`, v]);
    assert.equal(r.status, 2, r.stderr);
    assert.equal(r.stderr.trim(), `rasd: ${apiMessage(q)}`);
  }
  // a country by ISO2, ISO3, English or Arabic name; a type by its ACLED name: one answer
  const count = (args: string[]) => {
    const r = rasd(['export', '--db', store, '--format', 'jsonl', ...args]);
    assert.equal(r.status, 0, r.stderr);
    return r.stdout.split('\n').filter(Boolean).length;
  };
  const syria = count(['--country', 'SY']);
  assert.ok(syria > 0);
  for (const name of ['syr', 'Syria', 'سوريا', 'سورية']) assert.equal(count(['--country', name]), syria, name);
  assert.equal(apiMessage({ country: 'سوريا' }), null);
  const strikes = count(['--subtype', 'air_drone_strike']);
  assert.ok(strikes > 0);
  assert.equal(count(['--subtype', 'Air/drone strike']), strikes);
  assert.ok(count(['--type', 'Explosions/Remote violence']) >= strikes);
});

test('--published dates plain text on stdin, which has no field for it', () => {
  const text =
    'قصفت طائرات حربية إسرائيلية فجر اليوم الجمعة منزلاً في مدينة خان يونس جنوبي قطاع غزة، ما أدى إلى مقتل خمسة مدنيين.';
  const undated = JSON.parse(rasd(['extract'], text).stdout);
  assert.equal(undated.document.published, null);
  const r = rasd(['extract', '--published', '2023-12-15'], text);
  assert.equal(r.status, 0, r.stderr);
  const dated = JSON.parse(r.stdout);
  assert.equal(dated.document.published, '2023-12-15');
  assert.ok(dated.events.length > 0);
  assert.equal(dated.events[0].date.start, '2023-12-15');
  // a document's own date wins
  const own = JSON.parse(
    rasd(['extract', '--published', '2023-12-15'], `${JSON.stringify({ id: 'a', published: '2023-11-03', text })}\n`)
      .stdout,
  );
  assert.equal(own.document.published, '2023-11-03');
});

test('a store held by rasd serve: export says to use the running server', async () => {
  const child = spawn(process.execPath, ['--import', 'tsx', RUN, 'serve', '--db', store, '--port', '0'], {
    cwd: root,
    env: { ...process.env, RASD_DB: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  try {
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    // ready: the address is printed once the store is open and the server listens
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', () => {
        if (out.includes('serving at')) resolve();
      });
      child.once('exit', (c) => reject(new Error(`serve exited ${c} before listening`)));
    });
    const r = rasd(['export', '--db', store]);
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stderr, /in use by another rasd process \(pid \d+\), rasd serve --db/);
    assert.match(r.stderr, /export through its API, GET the address it printed\/api\/export\?format=acled-csv/);
  } finally {
    child.kill('SIGTERM');
    if (child.exitCode === null) await new Promise((r) => child.once('exit', r));
  }
});

test('the built command (bin/rasd.js, the bundle npm run build makes) reads and stores as the source does', () => {
  const bin = path.join(root, 'bin/rasd.js');
  assert.ok(existsSync(path.join(root, 'dist/rasd/run.js')), 'dist/rasd/run.js is missing: run npm run build');
  const built = (args: string[]) =>
    spawnSync(process.execPath, [bin, ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, RASD_DB: '' } });
  const fromSource = rasd(['extract', DEV]);
  const fromBuild = built(['extract', DEV]);
  assert.equal(fromBuild.status, fromSource.status, fromBuild.stderr);
  assert.ok(fromBuild.stdout.length > 100_000);
  assert.equal(fromBuild.stdout, fromSource.stdout);
  // ingest extracts in worker threads: the bundle's extract-worker.js
  const db = path.join(dir, 'built-store');
  const ing = built(['ingest', '--db', db, SEEDS]);
  assert.equal(ing.status, 0, ing.stderr);
  assert.match(ing.stderr, /2 new, 0 duplicate, 0 failed; 4 events stored/);
  const csv = built(['export', '--db', db, '--country', 'العراق']);
  assert.equal(csv.status, 0, csv.stderr);
  assert.equal(csv.stdout.trim().split('\n').length, 1 + 2, 'the header and the two incidents in Iraq');
  assert.equal(built(['--help']).status, 0);
});
