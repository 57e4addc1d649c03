/** Bad input: every input line gets exactly one result line, in order, with its errors; the batch goes on. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';

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
