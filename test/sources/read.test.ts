import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { after, describe, test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { splitLines } from '../../src/sources/lines.js';
import { htmlToText, type InputItem, readInputs } from '../../src/sources/read.js';

const dir = mkdtempSync(join(tmpdir(), 'rasd-ingest-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, content);
  return path;
}

async function collect(sources: string[], opts?: Parameters<typeof readInputs>[1]): Promise<InputItem[]> {
  const items: InputItem[] = [];
  for await (const item of readInputs(sources, opts)) items.push(item);
  return items;
}

/** Arabic → windows-1256 bytes, with the table read back from Node's own decoder. */
function encode1256(text: string): Buffer {
  const decoder = new TextDecoder('windows-1256');
  const table = new Map<string, number>();
  for (let b = 0x80; b <= 0xff; b++) table.set(decoder.decode(Uint8Array.of(b)), b);
  return Buffer.from(
    [...text].map((ch) => {
      if (ch.charCodeAt(0) < 0x80) return ch.charCodeAt(0);
      const b = table.get(ch);
      assert.ok(b !== undefined, `no windows-1256 byte for ${ch}`);
      return b;
    }),
  );
}

const ARABIC = 'قصفت طائرات مسيرة قاعدة عين الأسد في الأنبار، مساء الإثنين.';

describe('JSONL', () => {
  test('a normal file yields its documents in order, with every field', async () => {
    const path = file(
      'normal.jsonl',
      [
        JSON.stringify({ id: 'a', text: ARABIC, title: 'ت', published: '2023-10-30', source: 'S', url: 'https://x/a' }),
        JSON.stringify({ id: 'b', html: '<p>نص</p>', language: 'ar' }),
        JSON.stringify({ id: 'c', text: 'ثالث' }),
      ].join('\n') + '\n',
    );
    const items = await collect([path]);
    assert.deepEqual(
      items.map((i) => i.doc?.id),
      ['a', 'b', 'c'],
    );
    assert.equal(items[0].doc?.text, ARABIC);
    assert.equal(items[0].doc?.published, '2023-10-30');
    assert.equal(items[1].doc?.html, '<p>نص</p>');
    assert.equal(items[0].ref, `${path}:1`);
    assert.ok(items.every((i) => !i.error));
  });

  test('broken lines interleaved: one item each, right refs and order; blank lines skipped but counted', async () => {
    const path = file(
      'broken.jsonl',
      ['{"id":"1","text":"أ"}', '{"id":"2","text":', '', '   ', 'not json at all', '{"id":"3","text":"ب"}', '{'].join(
        '\r\n',
      ),
    );
    const items = await collect([path]);
    assert.deepEqual(
      items.map((i) => [i.ref, i.error?.code ?? i.doc?.id]),
      [
        [`${path}:1`, '1'],
        [`${path}:2`, 'invalid_json'],
        [`${path}:5`, 'invalid_json'],
        [`${path}:6`, '3'],
        [`${path}:7`, 'invalid_json'],
      ],
    );
    assert.match(items[1].error!.message, /line 2: /);
    assert.equal(items[1].doc?.id, `${path}:2`);
  });

  test('missing text, empty text, non-object values, missing id', async () => {
    const path = file(
      'invalid.jsonl',
      [
        '{"id":"no-text","title":"عنوان","published":20231030}',
        '{"id":"blank","text":"  \\n "}',
        '[1,2]',
        '"just a string"',
        'null',
        '{"text":"بلا معرف"}',
        '{"id":"num-text","text":42}',
        '{"id":"dup","text":"x"}',
        '{"id":"dup","text":"y","published":"not a date"}',
      ].join('\n'),
    );
    const items = await collect([path]);
    assert.equal(items.length, 9);
    assert.equal(items[0].error?.code, 'missing_text');
    assert.equal(items[0].doc?.id, 'no-text');
    assert.equal(items[0].doc?.title, 'عنوان');
    assert.equal(items[0].doc?.published, 20231030 as unknown as string, 'passed through as given');
    assert.equal(items[1].error?.code, 'empty_text');
    assert.equal(items[1].doc?.id, 'blank');
    for (const i of [2, 3, 4]) {
      assert.equal(items[i].error?.code, 'missing_text');
      assert.equal(items[i].doc?.id, `${path}:${i + 1}`);
    }
    assert.deepEqual(items[5].doc, { id: `${path}:6`, text: 'بلا معرف' });
    assert.equal(items[5].error, undefined);
    assert.equal(items[6].error?.code, 'missing_text');
    assert.deepEqual(
      items.slice(7).map((i) => [i.doc?.id, i.doc?.published, i.error]),
      [
        ['dup', undefined, undefined],
        ['dup', 'not a date', undefined],
      ],
    );
  });

  test('a valid 5 MB line is read whole', async () => {
    const big = 'ن'.repeat(2_600_000); // 2 bytes each in UTF-8
    const path = file('big.jsonl', `${JSON.stringify({ id: 'big', text: big })}\n{"id":"after","text":"x"}\n`);
    const items = await collect([path]);
    assert.equal(items.length, 2);
    assert.equal(items[0].doc?.text?.length, big.length);
    assert.equal(items[1].doc?.id, 'after');
  });

  test('a line over maxDocBytes is too_large, keeps its id, and the next lines are unaffected', async () => {
    const path = file(
      'limit.jsonl',
      `{"id":"ok1","text":"a"}\n{"id":"huge","text":"${'x'.repeat(5000)}"}\n{"id":"ok2","text":"b"}`,
    );
    const items = await collect([path], { maxDocBytes: 1000 });
    assert.deepEqual(
      items.map((i) => [i.ref, i.doc?.id, i.error?.code]),
      [
        [`${path}:1`, 'ok1', undefined],
        [`${path}:2`, 'huge', 'too_large'],
        [`${path}:3`, 'ok2', undefined],
      ],
    );
  });

  test('an over-long line streamed in chunks is never buffered past the limit', async () => {
    const chunk = Buffer.alloc(1 << 20, 0x61);
    async function* source() {
      for (let i = 0; i < 64; i++) yield chunk; // a 64 MB line
      yield Buffer.from('\n{"id":"next"}\n');
    }
    const lines = [];
    for await (const line of splitLines(source(), 2 << 20)) lines.push(line);
    assert.equal(lines.length, 2);
    assert.equal(lines[0].bytes, undefined);
    assert.equal(lines[0].length, 64 << 20);
    assert.ok(lines[0].head!.length <= 64 * 1024);
    assert.equal(lines[1].bytes?.toString(), '{"id":"next"}');
  });

  test('binary garbage is a binary error; invalid UTF-8 inside a good line is replaced, not fatal', async () => {
    const garbage = Buffer.alloc(400);
    for (let i = 0; i < garbage.length; i++) garbage[i] = (i * 131 + 7) % 256 === 10 ? 0 : (i * 131 + 7) % 256;
    const good = Buffer.concat([
      Buffer.from('{"id":"bad-utf8","text":"قبل '),
      Buffer.from([0xff, 0xc3]),
      Buffer.from(' بعد"}'),
    ]);
    const path = file('bytes.jsonl', Buffer.concat([garbage, Buffer.from('\n'), good, Buffer.from('\n')]));
    const items = await collect([path]);
    assert.equal(items.length, 2);
    assert.equal(items[0].error?.code, 'binary');
    assert.equal(items[0].ref, `${path}:1`);
    assert.equal(items[1].error, undefined);
    assert.equal(items[1].doc?.text, 'قبل \ufffd\ufffd بعد');
    assert.equal(items[1].warnings?.[0].code, 'invalid_utf8');
  });

  test('a UTF-8 BOM on the first line is ignored', async () => {
    const path = file('bom.ndjson', `\ufeff{"id":"first","text":"نص"}\n`);
    const items = await collect([path]);
    assert.equal(items[0].doc?.id, 'first');
  });
});

describe('one result per document, however the file is stored', () => {
  const two = `${JSON.stringify({ id: 'a', text: ARABIC })}\n${JSON.stringify({ id: 'b', text: 'نص ثان' })}\n`;

  test('BOM-less UTF-16LE JSONL: its two documents, not its bytes split at 0x0A', async () => {
    const path = file('utf16-nobom.jsonl', Buffer.from(two, 'utf16le'));
    const items = await collect([path]);
    assert.deepEqual(
      items.map((i) => [i.doc?.id, i.doc?.text, i.error?.code]),
      [
        ['a', ARABIC, undefined],
        ['b', 'نص ثان', undefined],
      ],
    );
  });

  test('gzip, named .jsonl or .jsonl.gz: opened, its two documents', async () => {
    const { gzipSync } = await import('node:zlib');
    for (const name of ['packed.jsonl', 'packed.jsonl.gz']) {
      const items = await collect([file(name, gzipSync(Buffer.from(two, 'utf8')))]);
      assert.deepEqual(
        items.map((i) => [i.doc?.id, i.error?.code]),
        [
          ['a', undefined],
          ['b', undefined],
        ],
        name,
      );
    }
  });

  test('a pipe inside a folder is named as not a regular file, not opened; the folder goes on', async (t) => {
    const folder = join(dir, 'with-fifo');
    mkdirSync(folder, { recursive: true });
    if (spawnSync('mkfifo', [join(folder, 'a-pipe.txt')]).status !== 0) return t.skip('no mkfifo here');
    file('with-fifo/b.txt', ARABIC);
    const items = await collect([folder]);
    assert.deepEqual(
      items.map((i) => [i.ref.slice(folder.length + 1), i.error?.code]),
      [
        ['a-pipe.txt', 'not_a_file'],
        ['b.txt', undefined],
      ],
    );
  });
});

describe('text and HTML files', () => {
  test('UTF-16LE .txt with BOM', async () => {
    const path = file('utf16.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(ARABIC, 'utf16le')]));
    const [item] = await collect([path]);
    assert.deepEqual(item.doc, { id: 'utf16.txt', text: ARABIC });
  });

  test('windows-1256 .txt without BOM is decoded, not mangled', async () => {
    const path = file('legacy.txt', encode1256(ARABIC));
    const [item] = await collect([path]);
    assert.equal(item.ref, path);
    assert.deepEqual(item.doc, { id: 'legacy.txt', text: ARABIC });
  });

  test('UTF-8 .txt with a few invalid bytes is UTF-8 with U+FFFD and a warning, as in JSONL, not windows-1256', async () => {
    const good = Buffer.from(`${ARABIC}\n${ARABIC}`, 'utf8');
    const bytes = Buffer.concat([good.subarray(0, 40), Buffer.from([0xff, 0xc3]), good.subarray(40)]);
    const path = file('broken-utf8.txt', bytes);
    const [item] = await collect([path]);
    assert.equal(item.error, undefined);
    assert.ok(item.doc?.text?.includes('\ufffd'), item.doc?.text);
    assert.ok(item.doc?.text?.endsWith(ARABIC), item.doc?.text);
    assert.deepEqual(
      item.warnings?.map((w) => w.code),
      ['invalid_utf8'],
    );
  });

  test('UTF-8 .txt with BOM keeps its text exactly (minus the BOM)', async () => {
    const path = file('bom.txt', `\ufeff${ARABIC}\n\nسطر ثان`);
    const [item] = await collect([path]);
    assert.equal(item.doc?.text, `${ARABIC}\n\nسطر ثان`);
  });

  test('a .txt over the limit, an empty .txt and a binary .txt are errors', async () => {
    const big = file('errors/big.txt', 'x'.repeat(2000));
    const empty = file('errors/empty.txt', '  \n');
    const binary = file('errors/image.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0x49, 0x48]));
    const items = await collect([big, empty, binary], { maxDocBytes: 1000 });
    assert.deepEqual(
      items.map((i) => [i.doc?.id, i.error?.code]),
      [
        ['big.txt', 'too_large'],
        ['empty.txt', 'empty_text'],
        ['image.txt', 'binary'],
      ],
    );
  });

  test('HTML with <meta charset="windows-1256">', async () => {
    const html = `<html><head><meta charset="windows-1256"><title>خبر عاجل</title></head><body><p>${ARABIC}</p></body></html>`;
    const path = file('page1256.html', encode1256(html));
    const [item] = await collect([path]);
    assert.equal(item.error, undefined);
    assert.equal(item.doc?.id, 'page1256.html');
    assert.equal(item.doc?.title, 'خبر عاجل');
    assert.ok(item.doc?.text?.includes(ARABIC), item.doc?.text);
  });

  test('HTML with http-equiv iso-8859-6, and HTML with no declaration in windows-1256', async () => {
    const iso = new TextDecoder('iso-8859-6');
    const table = new Map<string, number>();
    for (let b = 0xa0; b <= 0xff; b++) table.set(iso.decode(Uint8Array.of(b)), b);
    const word = 'بغداد';
    const isoBytes = Buffer.from(
      `<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-6"></head><body><p>X</p></body></html>`,
    );
    const encoded = Buffer.from([...word].map((ch) => table.get(ch)!));
    const at = isoBytes.indexOf('X');
    const isoPath = file('iso.htm', Buffer.concat([isoBytes.subarray(0, at), encoded, isoBytes.subarray(at + 1)]));
    const sniffPath = file('sniff.html', encode1256(`<html><body><p>${ARABIC}</p></body></html>`));
    const items = await collect([isoPath, sniffPath]);
    assert.equal(items[0].doc?.text, word);
    assert.equal(items[1].doc?.text, ARABIC);
  });

  test('script, style, iframe and noscript content never appears', async () => {
    const html = `<!doctype html><html><head><title>العنوان</title><style>.a{color:red}</style>
      <script>window.SECRET_SCRIPT = 1; document.write("INJECTED")</script></head><body>
      <article><p>${ARABIC}</p><script>SCRIPT_IN_BODY()</script>
      <iframe src="https://ads.example">IFRAME_TEXT</iframe><noscript>NOSCRIPT_TEXT</noscript>
      <p>الفقرة   الثانية&nbsp;هنا.</p></article></body></html>`;
    const path = file('scripted.html', html);
    const [item] = await collect([path]);
    const text = item.doc?.text ?? '';
    for (const bad of ['SECRET_SCRIPT', 'INJECTED', 'SCRIPT_IN_BODY', 'IFRAME_TEXT', 'NOSCRIPT_TEXT', 'color:red']) {
      assert.ok(!text.includes(bad), `${bad} leaked into ${JSON.stringify(text)}`);
    }
    assert.equal(text, `${ARABIC}\nالفقرة الثانية هنا.`);
    assert.equal(item.doc?.title, 'العنوان');
    assert.equal((globalThis as Record<string, unknown>).SECRET_SCRIPT, undefined);
  });
});

describe('htmlToText', () => {
  test('a fragment: paragraph breaks kept, spaces collapsed', () => {
    assert.deepEqual(htmlToText('<p>أ  <b>ب</b></p>\n\n<div>ج<br>د</div>'), { text: 'أ ب\nج\nد' });
  });

  test('10,000 nested <div> does not crash', () => {
    const html = `<html><head><title>عميق</title></head><body>${'<div>'.repeat(10_000)}<p>${ARABIC}</p><script>x()</script>${'</div>'.repeat(10_000)}</body></html>`;
    assert.deepEqual(htmlToText(html), { text: ARABIC, title: 'عميق' });
  });
});

describe('sources', () => {
  test('a folder expands recursively to its documents, sorted by name', async () => {
    const root = join(dir, 'folder');
    file('folder/b.txt', 'باء');
    file('folder/a.jsonl', '{"id":"a1","text":"أ"}\n{"id":"a2","text":"ب"}\n');
    file('folder/sub/c.html', '<p>جيم</p>');
    file('folder/sub/ignored.csv', 'x,y');
    file('folder/z.json', '{"id":"not-in-folders","text":"x"}');
    file('folder/.hidden/d.txt', 'hidden');
    const items = await collect([root]);
    assert.deepEqual(
      items.map((i) => i.doc?.id),
      ['a1', 'a2', 'b.txt', 'c.html'],
    );
    assert.equal(items[3].ref, join(root, 'sub', 'c.html'));
  });

  test('a missing file and an empty folder are error items; the others still come, in order', async () => {
    const ok = file('ok.txt', 'نص');
    const empty = join(dir, 'empty-folder');
    mkdirSync(empty);
    const items = await collect([join(dir, 'missing.jsonl'), ok, empty]);
    assert.deepEqual(
      items.map((i) => [i.ref, i.error?.code]),
      [
        [join(dir, 'missing.jsonl'), 'unreadable'],
        [ok, undefined],
        [empty, 'no_documents'],
      ],
    );
  });

  test('an unreadable file is an error item', {
    skip: process.getuid?.() === 0 && 'root reads everything',
  }, async () => {
    const path = file('locked.jsonl', '{"id":"x","text":"y"}');
    chmodSync(path, 0o000);
    const items = await collect([path]);
    assert.deepEqual(
      items.map((i) => i.error?.code),
      ['unreadable'],
    );
  });

  test('a path that exists but cannot be opened (a socket) is an error item', async () => {
    const path = join(dir, 'socket.jsonl');
    const server = createServer().listen(path);
    await once(server, 'listening');
    try {
      const items = await collect([path, file('after.txt', 'بعد')]);
      assert.deepEqual(
        items.map((i) => [i.ref, i.error?.code]),
        [
          [path, 'unreadable'],
          [join(dir, 'after.txt'), undefined],
        ],
      );
    } finally {
      server.close();
    }
  });

  test('stdin given as a stream: JSONL, or one plain-text document', async () => {
    const jsonl = await collect(['-'], { stdin: Readable.from([Buffer.from('\n{"text":"أ"}\n{oops\n')]) });
    assert.deepEqual(
      jsonl.map((i) => [i.ref, i.doc?.id, i.error?.code]),
      [
        ['line:2', 'line:2', undefined],
        ['line:3', 'line:3', 'invalid_json'],
      ],
    );
    const plain = await collect([], { stdin: Readable.from([encode1256(`  ${ARABIC}`)]) });
    assert.deepEqual(plain, [{ ref: 'stdin', doc: { id: 'stdin', text: `  ${ARABIC}` } }]);
  });

  test('stdin through a child process', () => {
    const readTs = pathToFileURL(fileURLToPath(new URL('../../src/sources/read.ts', import.meta.url))).href;
    const script = file(
      'stdin-reader.mjs',
      `const { readInputs } = await import(${JSON.stringify(readTs)});
       for await (const item of readInputs(process.argv.slice(2))) process.stdout.write(JSON.stringify(item) + '\\n');`,
    );
    const run = (input: string, args: string[] = []) => {
      const r = spawnSync(process.execPath, ['--import', 'tsx', script, ...args], {
        input,
        cwd: fileURLToPath(new URL('../..', import.meta.url)),
        encoding: 'utf8',
      });
      assert.equal(r.status, 0, r.stderr);
      return r.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as InputItem);
    };
    const items = run('{"id":"s1","text":"أ"}\nnot json\n{"id":"s3","text":"ج"}\n');
    assert.deepEqual(
      items.map((i) => [i.ref, i.error?.code ?? i.doc?.id]),
      [
        ['line:1', 's1'],
        ['line:2', 'invalid_json'],
        ['line:3', 's3'],
      ],
    );
    assert.deepEqual(run(`${ARABIC}\n`, ['-']), [{ ref: 'stdin', doc: { id: 'stdin', text: `${ARABIC}\n` } }]);
  });
});
