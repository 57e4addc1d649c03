/** Bad input: every input line gets exactly one result line, in order, with its errors; the batch goes on. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { extract, failingErrors } from '../../src/extract.js';

const root = path.resolve(import.meta.dirname, '../..');
const cli = (args: string[], input?: string | Buffer) =>
  spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'src/cli/run.ts'), ...args], {
    cwd: root,
    input,
    maxBuffer: 64 * 1024 * 1024,
  });

test('a batch of bad documents: one result each, in order, errors per document, exit status 1', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'rasd-bad-'));
  const good = { id: 'good', published: '2023-10-30', text: 'قتل ثلاثة مدنيين في غارة جوية على مدينة إدلب أمس.' };
  const lines = [
    JSON.stringify(good),
    JSON.stringify({ id: 'empty', text: '' }),
    JSON.stringify({ id: 'blank', text: '   \n\t ' }),
    JSON.stringify({ id: 'notext', title: 'عنوان فقط' }),
    '{"id": "broken", "text": "غير مكتمل',
    JSON.stringify({ id: 'huge', text: `${'قصف '.repeat(1_300_000)}عنيف.` }),
    JSON.stringify({ id: 'mixed', text: 'Breaking: قصف صاروخي على حلب pic.twitter.com/abc ‮evil‬ 🚀 ١٢ قتيلا' }),
    JSON.stringify({ id: 'baddate', published: '2023-02-30', text: 'اشتباكات في درعا.' }),
    JSON.stringify(good),
  ];
  const file = path.join(dir, 'batch.jsonl');
  writeFileSync(
    file,
    Buffer.concat([
      Buffer.from(`${lines.slice(0, 5).join('\n')}\n`),
      Buffer.from([0xff, 0xfe, 0x00, 0x01, 0x9c, 0x0a]),
      Buffer.from(`${lines.slice(5).join('\n')}\n`),
    ]),
  );
  const r = cli(['extract', file]);
  assert.equal(r.status, 1, 'some documents failed');
  const out = r.stdout
    .toString()
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
  assert.deepEqual(
    out.map((o) => o.document.id),
    ['good', 'empty', 'blank', 'notext', `${file}:5`, `${file}:6`, 'huge', 'mixed', 'baddate', 'good'],
  );
  const codes = out.map((o) => o.errors.map((e: { code: string }) => e.code));
  assert.deepEqual(codes[0], []);
  assert.deepEqual(codes[1], ['empty_text']);
  assert.deepEqual(codes[2], ['empty_text']);
  assert.deepEqual(codes[3], ['missing_text']);
  assert.deepEqual(codes[4], ['invalid_json']);
  assert.equal(codes[5].length, 1, 'binary bytes are one error line');
  assert.deepEqual(codes[6], [], 'a 5 MB line is read');
  assert.deepEqual(codes[7], []);
  assert.deepEqual(codes[8], ['invalid_published']);
  assert.deepEqual(codes[9], ['duplicate_id']);
  for (const o of out) {
    assert.equal(o.schema, 'rasd.extraction/1');
    for (const e of o.errors) assert.ok(e.message.length > 10, 'errors say what went wrong');
  }
  assert.ok(out[0].events.length >= 1, 'the good document still yields its event');
  assert.match(r.stderr.toString(), /10 documents/);
});

test('stdin: JSONL lines, or one plain-text document', () => {
  const r1 = cli(['extract', '-'], `${JSON.stringify({ id: 'a', text: 'اشتباكات عنيفة في درعا.' })}\nnot json\n`);
  const out = r1.stdout
    .toString()
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
  assert.deepEqual(
    out.map((o) => [o.document.id, o.errors.map((e: { code: string }) => e.code)]),
    [
      ['a', []],
      ['line:2', ['invalid_json']],
    ],
  );
  const r2 = cli(['extract'], 'قصفت طائرات حربية مدينة إدلب اليوم.');
  const [doc] = r2.stdout
    .toString()
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
  assert.equal(doc.document.id, 'stdin');
  assert.equal(r2.status, 0);
});

test('extreme documents: one result each, in order, in bounded memory', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'rasd-extreme-'));
  const text = 'قتل ثلاثة مدنيين في غارة جوية على مدينة إدلب أمس.';
  const lines = [
    JSON.stringify({
      id: 'diacritics',
      published: '2023-10-30',
      text: `قصف${'\u064E\u0651'.repeat(5000)} على حلب. ${text}`,
    }),
    JSON.stringify({
      id: 'bidi',
      published: '2023-10-30',
      text: `\u202E${'\u202B\u2067'.repeat(2000)}${text}\u202C\u2069`,
    }),
    JSON.stringify({ id: 'oversize', text: 'ق'.repeat(11_000_000) }), // 22 MB of UTF-8, over the 20 MiB limit
    JSON.stringify({ id: 'year0', published: '0000-01-01', text }),
    JSON.stringify({ id: 'future', published: '2999-01-01', text }),
    JSON.stringify({}),
    JSON.stringify({ id: 42, text: 7 }),
    JSON.stringify(['قصف']),
    JSON.stringify({ id: 'after', published: '2023-10-30', text }),
  ];
  const file = path.join(dir, 'extreme.jsonl');
  writeFileSync(file, `${lines.join('\n')}\n`);
  // the child reports its own peak RSS when it exits
  const code = `process.on('exit',()=>process.stderr.write('\\nRSS '+process.resourceUsage().maxRSS+'\\n'));process.argv=[process.argv[0],'rasd','extract',${JSON.stringify(file)}];await import(${JSON.stringify(path.join(root, 'src/cli/run.ts'))})`;
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], {
    cwd: root,
    maxBuffer: 64 * 1024 * 1024,
  });
  const out = r.stdout
    .toString()
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
  assert.deepEqual(
    out.map((o) => o.document.id),
    ['diacritics', 'bidi', 'oversize', 'year0', 'future', `${file}:6`, '42', `${file}:8`, 'after'],
  );
  const codes = out.map((o) => o.errors.map((e: { code: string }) => e.code));
  assert.deepEqual(codes[0], []);
  assert.deepEqual(codes[1], []);
  assert.deepEqual(codes[2], ['too_large']);
  assert.deepEqual(codes[3], ['invalid_published']);
  assert.deepEqual(codes[4], ['invalid_published']);
  assert.match(out[4].errors[0].message, /future/);
  assert.deepEqual(codes[5], ['missing_text']);
  assert.equal(codes[6].length, 1);
  assert.equal(codes[7].length, 1);
  assert.deepEqual(codes[8], []);
  assert.ok(out[0].events.length >= 1 && out[1].events.length >= 1, 'marks around the words do not hide the event');
  const places = (o: { events: { location: { name: string } | null }[] }) => o.events.map((e) => e.location?.name);
  assert.ok(places(out[0]).includes('Aleppo'), 'a trigger under 10,000 diacritics is still read');
  assert.deepEqual(places(out[1]), ['Idlib']);
  assert.match(out[4].errors[0].message, /2999-01-01/, 'the error quotes the value given');
  const rss = Number(/RSS (\d+)/.exec(r.stderr.toString())?.[1]) / 1024;
  assert.ok(rss < 700, `peak RSS ${rss.toFixed(0)} MB`);
});

test('an unusable published date is a note, not a failure: the text is read, dates relative to it are not resolved', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'rasd-published-'));
  const file = path.join(dir, 'dates.jsonl');
  const text = (when: string) => `قتل ثلاثة مدنيين في غارة جوية على مدينة إدلب ${when}.`;
  writeFileSync(
    file,
    `${[
      { id: 'relative', published: '2018-02-30', text: text('أمس') },
      { id: 'absolute', published: '2018-02-30T25:00', text: text('يوم 12 آذار 2018') },
    ]
      .map((d) => JSON.stringify(d))
      .join('\n')}\n`,
  );
  const r = cli(['extract', file]);
  assert.equal(r.status, 0, r.stderr.toString());
  assert.match(r.stderr.toString(), /2 documents, 1 events, 0 failed/);
  const [relative, absolute] = r.stdout
    .toString()
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
  for (const o of [relative, absolute]) {
    assert.deepEqual(
      o.errors.map((e: { code: string }) => e.code),
      ['invalid_published'],
    );
    assert.match(o.errors[0].message, /not resolved/);
    assert.deepEqual(failingErrors(o), []);
  }
  assert.deepEqual(relative.events, [], '"أمس" of no known day is no date');
  assert.equal(absolute.events[0].date.start, '2018-03-12');
  rmSync(dir, { recursive: true, force: true });
});

test('published: a timestamp with an impossible time of day is refused; real ones with a zone are read', () => {
  const codes = (published: string) =>
    extract({ id: 'p', text: 'قتل ثلاثة مدنيين في غارة جوية على مدينة إدلب أمس.', published }).errors.map(
      (e) => e.code,
    );
  for (const bad of ['2023-12-15T25:99:00Z', '2023-12-15T10:60', '2023-12-15Tnoon', '2023-12-15x'])
    assert.deepEqual(codes(bad), ['invalid_published'], bad);
  for (const good of ['2023-12-15', '2023-12-15T10:30:00Z', '2023-12-15 10:30', '2023-12-15T23:59:59.5+03:00'])
    assert.deepEqual(codes(good), [], good);
});
