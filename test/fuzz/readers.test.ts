/**
 * The input readers under arbitrary bytes: a JSONL file of any lines gives exactly one item per non-blank line, in
 * order, and `rasd extract`'s reading gives exactly one result per item, whatever each line holds (a document,
 * JSON of another shape, text, invalid UTF-8, control characters, a NUL, an over-long line).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import fc from 'fast-check';
import { extractAll } from '../../src/cli/extract.js';
import { readInputs } from '../../src/sources/read.js';
import { fuzzParams } from './settings.js';

const dir = mkdtempSync(path.join(tmpdir(), 'rasd-fuzz-read-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const NEWLINE = 0x0a;
/** one line's bytes: never a newline, never all whitespace (a blank line is no item) */
const line = fc
  .oneof(
    fc
      .record(
        { id: fc.oneof(fc.string(), fc.integer(), fc.constant(null)), text: fc.string(), published: fc.string() },
        { requiredKeys: [] },
      )
      .map((d) => Buffer.from(JSON.stringify(d))),
    fc.jsonValue().map((v) => Buffer.from(JSON.stringify(v))),
    fc.string({ unit: 'grapheme' }).map((s) => Buffer.from(s)),
    fc.uint8Array({ maxLength: 200 }).map((b) => Buffer.from(b)),
    fc.constant(Buffer.from('{"id":"nul\\u0000","text":"قصف\\u0000 على حلب"}')),
    // over the reader's 4 KB limit (set below), a document or not
    fc.integer({ min: 4000, max: 9000 }).map((k) => Buffer.from(`{"id":"big","text":"${'ق'.repeat(k)}"}`)),
  )
  .map((b) => Buffer.concat([Buffer.from('x'), b.filter((x) => x !== NEWLINE)]))
  .map((b) => (b.length > 1 && b[1] === 0x7b ? b.subarray(1) : b));

let n = 0;
const fileOf = (lines: Buffer[]) => {
  const file = path.join(dir, `f${n++}.jsonl`);
  // the first line a plain document: a file that opens with a BOM or gzip's magic is read as such
  writeFileSync(
    file,
    Buffer.concat([Buffer.from('{"id":"first","text":"نص"}\n'), ...lines.flatMap((l) => [l, Buffer.from('\n')])]),
  );
  return file;
};

test('any lines: one item per line, in order, each naming its line', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(line, { maxLength: 12 }), async (lines) => {
      const file = fileOf(lines);
      const refs: string[] = [];
      for await (const item of readInputs([file], { maxDocBytes: 4096 })) refs.push(item.ref);
      assert.deepEqual(
        refs,
        Array.from({ length: lines.length + 1 }, (_, i) => `${file}:${i + 1}`),
      );
    }),
    fuzzParams(80),
  );
});

test('any lines: rasd extract reads one result per line, in order, and never throws', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(line, { maxLength: 6 }), async (lines) => {
      const file = fileOf(lines);
      let count = 0;
      for await (const r of extractAll([file])) {
        assert.equal(r.schema, 'rasd.extraction/1');
        count++;
      }
      assert.equal(count, lines.length + 1);
    }),
    fuzzParams(40),
  );
});
