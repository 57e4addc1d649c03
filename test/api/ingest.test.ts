/**
 * POST /api/ingest (JSONL, a list of documents, a feed or article URL served on loopback): good documents stored,
 * bad ones listed with their reasons, repeats found as duplicates, a body over the limit refused with 413.
 */
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { buildServer } from '../../src/api/server.js';
import { backends } from '../store/backends.js';
import { SEEDS } from '../store/data.js';
import { type Api, startApi, TOKEN } from './helpers.js';

const seeds = readFileSync(SEEDS, 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as { id: string; text: string; published: string; source: string });

for (const backend of backends()) {
  describe(`POST /api/ingest on ${backend.name}`, { skip: backend.skip }, () => {
    let api: Api;
    let site: Server;
    let base: string;

    before(async () => {
      api = await startApi(backend, [], { ingestLimit: 64 * 1024, allowPrivate: true });
      // one real article as a web page
      const s = seeds[1];
      site = createServer((req, res) => {
        if (req.url !== '/article') {
          res.writeHead(404).end();
          return;
        }
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        const paragraphs = s.text
          .split('\n')
          .map((p) => `<p>${p.replace(/</g, '&lt;')}</p>`)
          .join('');
        res.end(
          `<!doctype html><html lang="ar"><head><title>خبر</title></head><body><article><h1>خبر</h1>${paragraphs}</article></body></html>`,
        );
      });
      site.listen(0, '127.0.0.1');
      await once(site, 'listening');
      base = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
    });
    after(async () => {
      site?.close();
      await api?.close();
      await backend.cleanup();
    });

    test('JSONL: good lines stored with their events, bad lines failed with reasons; again: duplicates', async () => {
      const body = [
        JSON.stringify(seeds[0]),
        '{"id": "broken", "text": ',
        JSON.stringify({ id: 'empty', text: '   ' }),
        '[1, 2]',
        '',
      ].join('\n');
      const r = await api.call({
        method: 'POST',
        url: '/api/ingest',
        headers: { 'content-type': 'application/x-ndjson' },
        payload: body,
      });
      assert.equal(r.status, 200, r.text);
      assert.equal(r.body.stored, 1);
      assert.equal(r.body.duplicates, 0);
      assert.ok(r.body.events >= 1);
      assert.ok(r.body.incidents >= 1);
      assert.deepEqual(
        r.body.failed.map((f: { item: string }) => f.item),
        ['line 2', 'empty', 'line 4'],
      );
      assert.match(r.body.failed[0].reason, /line 2: .*JSON/);
      assert.match(r.body.failed[1].reason, /empty/);
      assert.match(r.body.failed[2].reason, /expected a JSON object/);

      const doc = await api.call(`/api/documents/${seeds[0].id}`);
      assert.equal(doc.status, 200);
      assert.equal(doc.body.text, seeds[0].text);
      assert.ok(doc.body.events.length >= 1);

      const again = await api.call({
        method: 'POST',
        url: '/api/ingest',
        headers: { 'content-type': 'application/x-ndjson' },
        payload: `${JSON.stringify(seeds[0])}\n`,
      });
      assert.deepEqual(again.body, { stored: 0, duplicates: 1, failed: [], events: 0, incidents: 0 });
    });

    test('{ documents: [...] } and { url } (an article page)', async () => {
      const r = await api.call({
        method: 'POST',
        url: '/api/ingest',
        payload: { documents: [{ ...seeds[1], id: 'listed' }, { title: 'no text' }] },
      });
      assert.equal(r.status, 200, r.text);
      assert.equal(r.body.stored, 1);
      assert.equal(r.body.failed.length, 1);
      assert.match(r.body.failed[0].reason, /documents\[1\].*text/);

      const page = await api.call({ method: 'POST', url: '/api/ingest', payload: { url: `${base}/article` } });
      assert.equal(page.status, 200, page.text);
      // the same words at an address: another document (the identity is the text and the URL)
      assert.equal(page.body.stored, 1);
      assert.ok(page.body.events >= 1);
      const stored = await api.call(`/api/documents/${encodeURIComponent(`${base}/article`)}`);
      assert.equal(stored.status, 200);
      assert.match(stored.body.text, /الحوثي|صاروخ|قاعدة/);
      const events = await api.call('/api/events?limit=100');
      assert.ok(events.body.items.some((e: { documentId: string }) => e.documentId === `${base}/article`));
      const key = events.body.items.find((e: { documentId: string }) => e.documentId === `${base}/article`).key;
      const byKey = await api.call(`/api/events/${encodeURIComponent(key)}`);
      assert.equal(byKey.status, 200);
      assert.equal(byKey.body.documentId, `${base}/article`);

      const gone = await api.call({ method: 'POST', url: '/api/ingest', payload: { url: `${base}/missing` } });
      assert.equal(gone.status, 200);
      assert.equal(gone.body.stored, 0);
      assert.match(gone.body.failed[0].reason, /404/);

      // by default the server does not fetch from its own machine or network
      const strict = buildServer({ store: api.store, token: TOKEN });
      const refused = await strict.inject({
        method: 'POST',
        url: '/api/ingest',
        headers: { authorization: `Bearer ${TOKEN}` },
        payload: { url: `${base}/article` },
      });
      assert.equal(refused.statusCode, 200);
      assert.equal(refused.json().stored, 0);
      assert.match(refused.json().failed[0].reason, /private, loopback or link-local/);
      await strict.close();
    });

    test('bad bodies: 400, 413 over the limit, 415 for unknown content types', async () => {
      const shape = await api.call({ method: 'POST', url: '/api/ingest', payload: { text: 'نص' } });
      assert.equal(shape.status, 400);
      assert.match(shape.body.message, /x-ndjson.*url.*documents/);
      const ftp = await api.call({ method: 'POST', url: '/api/ingest', payload: { url: 'ftp://example.org/x' } });
      assert.equal(ftp.status, 400);
      assert.match(ftp.body.message, /"url"/);
      const big = await api.call({
        method: 'POST',
        url: '/api/ingest',
        headers: { 'content-type': 'application/x-ndjson' },
        payload: `${JSON.stringify({ text: 'ا'.repeat(70_000) })}\n`,
      });
      assert.equal(big.status, 413);
      assert.deepEqual(Object.keys(big.body).sort(), ['error', 'message', 'statusCode']);
      assert.match(big.body.message, /65536-byte limit/);
      const text = await api.call({
        method: 'POST',
        url: '/api/ingest',
        headers: { 'content-type': 'text/plain' },
        payload: 'نص',
      });
      assert.equal(text.status, 400);
      assert.match(text.body.message, /text\/plain.*application\/x-ndjson/);
      const xml = await api.call({
        method: 'POST',
        url: '/api/ingest',
        headers: { 'content-type': 'application/xml' },
        payload: '<doc/>',
      });
      assert.equal(xml.status, 415);
      assert.match(xml.body.message, /application\/xml/);
    });
  });
}
