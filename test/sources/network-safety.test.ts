/** URL fetching for untrusted feeds and pages: schemes, private addresses, redirects, deadlines and size limits. */
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { isPrivateAddress } from '../../src/sources/address-policy.js';
import { FetchError, safeGet } from '../../src/sources/http-get.js';
import { readAnyInputs } from '../../src/sources/inputs.js';

test('private, loopback, link-local and metadata addresses are told from public ones', () => {
  const priv = [
    '127.0.0.1',
    '127.8.9.10',
    '10.1.2.3',
    '172.16.5.4',
    '172.31.255.255',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '224.0.0.251',
    '255.255.255.255',
    '::',
    '::1',
    'fe80::1',
    'fd00:ec2::254',
    'fc00::5',
    '::ffff:127.0.0.1',
    '::ffff:7f00:1',
    '::ffff:a9fe:a9fe',
    '::127.0.0.1',
    '::7f00:1',
    '::a9fe:a9fe',
    '64:ff9b::a9fe:a9fe',
    '2002:c0a8:0101::1',
    'not-an-address',
  ];
  const pub = ['8.8.8.8', '1.1.1.1', '172.32.0.1', '93.184.216.34', '2606:4700:4700::1111', '::ffff:8.8.8.8'];
  for (const a of priv) assert.equal(isPrivateAddress(a), true, a);
  for (const a of pub) assert.equal(isPrivateAddress(a), false, a);
});

async function refused(url: string, code: string, opts = {}): Promise<FetchError> {
  const e = await safeGet(url, { maxBytes: 1e6, timeoutMs: 5000, ...opts }).then(
    () => assert.fail(`${url} was fetched`),
    (err: unknown) => err,
  );
  assert.ok(e instanceof FetchError, String(e));
  assert.equal(e.code, code, e.message);
  assert.ok(e.message.includes(url.slice(0, 20)), `the message names the URL: ${e.message}`);
  return e;
}

describe('a loopback server', () => {
  let server: Server;
  let base: string;
  let seen: IncomingHttpHeaders | null = null;
  before(async () => {
    server = createServer((req, res) => {
      const u = new URL(req.url ?? '/', 'http://x');
      seen = req.headers;
      if (u.pathname === '/page') {
        if (req.headers['if-none-match'] === '"v1"') return res.writeHead(304).end();
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', etag: '"v1"' });
        return res.end('<p>انفجار في بغداد</p>');
      }
      if (u.pathname === '/hop') {
        const n = Number(u.searchParams.get('n'));
        res.writeHead(302, { location: n > 0 ? `/hop?n=${n - 1}` : '/page' });
        return res.end();
      }
      if (u.pathname === '/to-file') return res.writeHead(301, { location: 'file:///etc/passwd' }).end();
      if (u.pathname === '/big') {
        res.writeHead(200, { 'content-type': 'text/html' }); // chunked, no length announced
        for (let i = 0; i < 40; i++) res.write('x'.repeat(100_000));
        return res.end();
      }
      if (u.pathname === '/announced') {
        res.writeHead(200, { 'content-length': String(50_000_000) });
        return res.end();
      }
      if (u.pathname === '/bomb') {
        res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' });
        return res.end(gzipSync(Buffer.alloc(20_000_000)));
      }
      if (u.pathname === '/gzip') {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-encoding': 'gzip' });
        return res.end(gzipSync(Buffer.from('<p>قصف على حلب</p>')));
      }
      if (u.pathname === '/slow') return setTimeout(() => res.end('late'), 3000).unref();
      res.writeHead(404).end();
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => server.close());

  test('only http and https', async () => {
    await refused('file:///etc/passwd', 'unsupported_scheme');
    await refused('ftp://example.org/x', 'unsupported_scheme');
    await refused('data:text/html,<p>x</p>', 'unsupported_scheme');
    await refused('http//broken', 'invalid_url');
  });

  test('loopback, by address or by a name that resolves to it, is refused unless allowed', async () => {
    const port = new URL(base).port;
    await refused(`${base}/page`, 'private_address');
    await refused(`http://[::1]:${port}/page`, 'private_address');
    await refused(`http://localhost:${port}/page`, 'private_address');
    await refused('http://169.254.169.254/latest/meta-data/', 'private_address');
    const ok = await safeGet(`http://localhost:${port}/page`, { maxBytes: 1e6, allowPrivate: true });
    assert.equal(ok.status, 200);
  });

  test('a page: its body, final URL, validators, and a polite User-Agent', async () => {
    const r = await safeGet(`${base}/hop?n=2`, { maxBytes: 1e6, allowPrivate: true });
    assert.equal(r.url, `${base}/page`);
    assert.equal(Buffer.from(r.bytes).toString('utf8'), '<p>انفجار في بغداد</p>');
    assert.equal(r.etag, '"v1"');
    assert.match(String(seen?.['user-agent']), /^Rasd\/[\d.]+ \(/);
    const again = await safeGet(`${base}/page`, {
      maxBytes: 1e6,
      allowPrivate: true,
      headers: { 'if-none-match': '"v1"' },
    });
    assert.equal(again.status, 304);
    assert.equal(again.bytes.length, 0);
    const gz = await safeGet(`${base}/gzip`, { maxBytes: 1e6, allowPrivate: true });
    assert.equal(Buffer.from(gz.bytes).toString('utf8'), '<p>قصف على حلب</p>');
  });

  test('redirects: limited, and each hop checked', async () => {
    await refused(`${base}/hop?n=9`, 'too_many_redirects', { allowPrivate: true });
    await refused(`${base}/to-file`, 'unsupported_scheme', { allowPrivate: true });
  });

  test('size limits: announced, streamed, and after decompression', async () => {
    await refused(`${base}/announced`, 'too_large', { allowPrivate: true });
    await refused(`${base}/big`, 'too_large', { allowPrivate: true });
    await refused(`${base}/bomb`, 'too_large', { allowPrivate: true });
  });

  test('one deadline', async () => {
    const t0 = performance.now();
    await refused(`${base}/slow`, 'timeout', { allowPrivate: true, timeoutMs: 300 });
    assert.ok(performance.now() - t0 < 2500);
  });

  test('ingestion reports a refused URL as that document failing, and goes on', async () => {
    const items = [];
    for await (const it of readAnyInputs([`${base}/page`, 'file:///etc/passwd'])) items.push(it);
    assert.equal(items.length, 2, 'one item per source, in order');
    assert.equal(items[0].error?.code, 'private_address');
    assert.ok(items[1].error, 'file:// is not fetched: it is read as a (missing) file path');
    const allowed = [];
    for await (const it of readAnyInputs([`${base}/page`], { allowPrivate: true })) allowed.push(it);
    assert.equal(allowed[0].doc?.text?.trim(), 'انفجار في بغداد');
  });
});
