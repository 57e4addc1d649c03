/** Feeds and article pages served on loopback, in UTF-8 and the legacy Arabic charsets, ingested into the store. */
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { extract } from '../../src/extract.js';
import { feedDate, looksLikeFeed, parseFeed } from '../../src/sources/feed.js';
import { readAnyInputs } from '../../src/sources/inputs.js';
import { ingestItems } from '../../src/store/ingest.js';
import { openStore, type Store } from '../../src/store/open.js';
import { backends } from './backends.js';
import { DEV, items } from './data.js';

/** Arabic → bytes of a single-byte charset, the table read back from Node's own decoder. */
function encode(text: string, charset: 'windows-1256' | 'iso-8859-6'): Buffer {
  const decoder = new TextDecoder(charset);
  const table = new Map<string, number>();
  for (let b = 0x80; b <= 0xff; b++) {
    const ch = decoder.decode(Uint8Array.of(b));
    if (ch !== '\uFFFD' && !table.has(ch)) table.set(ch, b);
  }
  return Buffer.from(
    [...text].map((ch) => {
      if (ch.charCodeAt(0) < 0x80) return ch.charCodeAt(0);
      const b = table.get(ch);
      if (b === undefined) throw new Error(`no ${charset} byte for ${ch}`);
      return b;
    }),
  );
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function page(title: string, paragraphs: string[], head = ''): string {
  return `<!doctype html><html lang="ar" dir="rtl"><head>${head}<title>${esc(title)}</title></head><body>
<nav><a href="/">الرئيسية</a> | <a href="/news">أخبار</a></nav>
<article><h1>${esc(title)}</h1>${paragraphs.map((p) => `<p>${esc(p)}</p>`).join('\n')}</article>
<footer>جميع الحقوق محفوظة</footer></body></html>`;
}

/** Paragraphs of real articles that every charset here can carry (no characters outside ISO-8859-6). */
async function articles(): Promise<{ id: string; title: string; published: string; paragraphs: string[] }[]> {
  const fits = (t: string) => {
    try {
      encode(t, 'iso-8859-6');
      return true;
    } catch {
      return false;
    }
  };
  const out = [];
  for (const item of await items([DEV])) {
    const d = item.doc!;
    const paragraphs = d
      .text!.split('\n')
      .map((p) => p.trim())
      .filter((p) => p.length > 40);
    if (paragraphs.length < 2 || !paragraphs.every(fits) || !d.published) continue;
    if (extract(d, d.id).events.length === 0) continue;
    out.push({ id: d.id!, title: d.title ?? d.id!, published: d.published, paragraphs: paragraphs.slice(0, 4) });
    if (out.length === 6) break;
  }
  return out;
}

describe('feeds and pages over HTTP', async () => {
  const docs = await articles();
  let server: Server;
  let base = '';
  const routes = new Map<string, { type: string; body: Buffer | string }>();

  before(async () => {
    assert.equal(docs.length, 6, 'six dev articles fit every charset');
    const [a, b, c, d, e, f] = docs;
    routes.set('/a/utf8.html', {
      type: 'text/html; charset=utf-8',
      body: page(a.title, a.paragraphs, `<meta property="article:published_time" content="${a.published}T08:00:00Z">`),
    });
    // windows-1256, said only by the Content-Type header
    routes.set('/a/cp1256-header.html', {
      type: 'text/html; charset=windows-1256',
      body: encode(page(b.title, b.paragraphs), 'windows-1256'),
    });
    // windows-1256, said only by <meta>
    routes.set('/a/cp1256-meta.html', {
      type: 'text/html',
      body: encode(
        page(c.title, c.paragraphs, '<meta http-equiv="Content-Type" content="text/html; charset=windows-1256">'),
        'windows-1256',
      ),
    });
    // windows-1256 under a server's latin1 default, and with no charset anywhere: sniffed
    routes.set('/a/cp1256-as-latin1.html', {
      type: 'text/html; charset=iso-8859-1',
      body: encode(page(d.title, d.paragraphs), 'windows-1256'),
    });
    routes.set('/a/cp1256-sniffed.html', {
      type: 'text/html',
      body: encode(page(e.title, e.paragraphs), 'windows-1256'),
    });
    routes.set('/a/iso-8859-6.html', {
      type: 'text/html; charset=ISO-8859-6',
      body: encode(page(f.title, f.paragraphs), 'iso-8859-6'),
    });
    const rfc822 = (iso: string) => new Date(`${iso}T21:30:00Z`).toUTCString();
    routes.set('/feed.xml', {
      type: 'application/rss+xml; charset=utf-8',
      body: `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>أخبار</title><link>http://example.invalid/</link>
<item><title>${esc(a.title)}</title><link>/a/utf8.html</link><pubDate>${rfc822(a.published)}</pubDate></item>
<item><title>${esc(b.title)}</title><link>/a/cp1256-header.html</link><pubDate>${rfc822(b.published)}</pubDate></item>
<item><title>خبر محذوف</title><link>/a/missing.html</link></item>
</channel></rss>`,
    });
    routes.set('/atom.xml', {
      type: 'application/atom+xml',
      body: encode(
        `<?xml version="1.0" encoding="windows-1256"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>موجز</title>
<entry><title>${esc(c.title)}</title><link rel="alternate" href="/a/cp1256-meta.html"/><published>${c.published}T10:00:00+03:00</published></entry>
</feed>`,
        'windows-1256',
      ),
    });
    server = createServer((req, res) => {
      const r = routes.get(req.url ?? '');
      if (!r) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
        return;
      }
      res.writeHead(200, { 'content-type': r.type }).end(r.body);
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => server?.close());

  test('feed dates are the day the publisher wrote', () => {
    assert.equal(feedDate('Mon, 30 Oct 2023 23:30:00 +0300'), '2023-10-30');
    assert.equal(feedDate('2023-10-30T23:30:00-05:00'), '2023-10-30');
    assert.equal(feedDate('yesterday'), null);
    assert.equal(looksLikeFeed('\uFEFF<?xml version="1.0"?>\n<!-- x --><rss version="2.0">'), true);
    assert.equal(looksLikeFeed('<!doctype html><html>'), false);
    assert.deepEqual(
      parseFeed('<rss><channel><item><guid>https://x/1</guid><title>t</title></item></channel></rss>').entries,
      [{ link: 'https://x/1', title: 't', published: null, html: null }],
    );
  });

  const pg = backends()[0];
  after(() => pg.cleanup());

  test('a feed, an Atom feed and article pages are fetched, decoded and stored with their events', async () => {
    const sources = [
      `${base}/feed.xml`,
      `${base}/atom.xml`,
      `${base}/a/cp1256-as-latin1.html`,
      `${base}/a/cp1256-sniffed.html`,
      `${base}/a/iso-8859-6.html`,
    ];
    let store: Store | null = null;
    try {
      store = await openStore(await pg.fresh());
      const s = await ingestItems(store.db, readAnyInputs(sources, { allowPrivate: true }));
      assert.deepEqual(
        { read: s.read, new: s.new, duplicate: s.duplicate, failed: s.failed },
        { read: 7, new: 6, duplicate: 0, failed: 1 },
      );
      assert.equal(s.failures[0].ref, `${base}/a/missing.html`);
      assert.match(s.failures[0].reasons[0], /HTTP 404/);

      const stored = await store.db.selectFrom('documents').selectAll().orderBy('url').execute();
      const byPath = new Map(stored.map((d) => [new URL(d.url!).pathname, d]));
      const expect = [
        ['/a/utf8.html', docs[0]],
        ['/a/cp1256-header.html', docs[1]],
        ['/a/cp1256-meta.html', docs[2]],
        ['/a/cp1256-as-latin1.html', docs[3]],
        ['/a/cp1256-sniffed.html', docs[4]],
        ['/a/iso-8859-6.html', docs[5]],
      ] as const;
      for (const [p, doc] of expect) {
        const d = byPath.get(p);
        assert.ok(d, `${p} stored`);
        // HTML layout collapses white space (no-break spaces included)
        const flat = (t: string) => t.replace(/\s+/g, ' ');
        for (const para of doc.paragraphs)
          assert.ok(flat(d.text).includes(flat(para)), `${p}: "${para.slice(0, 30)}…"`);
        assert.ok(!d.text.includes('جميع الحقوق محفوظة'), `${p}: the page's footer is not the article`);
        assert.equal(d.title, doc.title);
        assert.equal(d.source, '127.0.0.1');
        const events = await store.db
          .selectFrom('events')
          .select('record')
          .where('document_id', '=', d.id)
          .orderBy('id')
          .execute();
        assert.deepEqual(
          events.map((e) => e.record),
          extract({ text: d.text, published: d.published ?? undefined }, d.id).events,
        );
      }
      // dates: the page's own meta, the feed's pubDate and Atom's published; none for bare pages
      assert.equal(byPath.get('/a/utf8.html')!.published, docs[0].published);
      assert.equal(byPath.get('/a/cp1256-header.html')!.published, docs[1].published);
      assert.equal(byPath.get('/a/cp1256-meta.html')!.published, docs[2].published);
      assert.equal(byPath.get('/a/iso-8859-6.html')!.published, null);

      const again = await ingestItems(store.db, readAnyInputs(sources, { allowPrivate: true }));
      assert.deepEqual(
        { read: again.read, new: again.new, duplicate: again.duplicate, failed: again.failed },
        { read: 7, new: 0, duplicate: 6, failed: 1 },
      );
    } finally {
      await store?.close();
    }
  });

  test('an unreachable address is a failure of its own, not of the batch', async () => {
    const dead = createServer();
    dead.listen(0, '127.0.0.1');
    await once(dead, 'listening');
    const port = (dead.address() as AddressInfo).port;
    dead.close();
    await once(dead, 'close');
    const store = await openStore(await pg.fresh());
    try {
      const s = await ingestItems(
        store.db,
        readAnyInputs([`http://127.0.0.1:${port}/x.html`, `${base}/a/utf8.html`], { allowPrivate: true }),
      );
      assert.deepEqual([s.read, s.new, s.failed], [2, 1, 1]);
      assert.match(s.failures[0].reasons[0], /ECONNREFUSED/);
    } finally {
      await store.close();
    }
  });
});
