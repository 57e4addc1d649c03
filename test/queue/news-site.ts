/**
 * A news site on 127.0.0.1 for the worker tests: articles of the 2018 news as HTML pages, a feed listing them
 * (with an ETag), some pages that always fail (404, 500) and some that answer slowly.
 */
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Article {
  path: string;
  title: string;
  published: string;
  text: string;
  /** what the page answers: the article, or always this error */
  fails: 404 | 500 | null;
  slow: boolean;
}

export interface NewsSite {
  base: string;
  feedUrl: string;
  articles: Article[];
  good: Article[];
  /** requests of the feed, and how many of them were answered 304 */
  feedRequests: { all: number; notModified: number };
  close(): Promise<void>;
}

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function page(a: Article): string {
  const paragraphs = a.text
    .split(/\n+/)
    .filter((p) => p.trim())
    .map((p) => `<p>${escapeHtml(p)}</p>`)
    .join('\n');
  return `<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>${escapeHtml(a.title)}</title>
<meta property="article:published_time" content="${a.published}"></head>
<body><header><nav><a href="/">الرئيسية</a></nav></header>
<article><h1>${escapeHtml(a.title)}</h1>${paragraphs}</article><footer>© 2018</footer></body></html>`;
}

function feed(base: string, articles: Article[]): string {
  const items = articles
    .map((a) => `<item><title>${escapeHtml(a.title)}</title><link>${base}${a.path}</link></item>`)
    .join('\n');
  return `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>news</title>${items}</channel></rss>`;
}

/** `count` articles from a JSONL file; every `failEvery`-th fails (404 and 500 in turn), every `slowEvery`-th is slow. */
export async function startNewsSite(
  file: string,
  count: number,
  { failEvery = 17, slowEvery = 23, slowMs = 1500 } = {},
): Promise<NewsSite> {
  const lines = readFileSync(file, 'utf8').split('\n').filter(Boolean).slice(0, count);
  const articles: Article[] = lines.map((line, i) => {
    const d = JSON.parse(line) as { title?: string; published?: string; text: string };
    const failing = i % failEvery === failEvery - 1;
    return {
      path: `/news/${i + 1}.html`,
      title: d.title ?? `خبر ${i + 1}`,
      published: d.published ?? '2018-01-01',
      text: d.text,
      fails: failing ? ((i / failEvery) % 2 < 1 ? 404 : 500) : null,
      slow: !failing && i % slowEvery === 0,
    };
  });
  const byPath = new Map(articles.map((a) => [a.path, a]));
  const feedRequests = { all: 0, notModified: 0 };
  let body = '';
  const etag = '"feed-v1"';
  const server = http.createServer((req, res) => {
    if (req.url === '/feed.xml') {
      feedRequests.all++;
      if (req.headers['if-none-match'] === etag) {
        feedRequests.notModified++;
        res.writeHead(304, { etag }).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag }).end(body);
      return;
    }
    const a = byPath.get(req.url ?? '');
    if (!a) return void res.writeHead(404).end('not found');
    if (a.fails) return void res.writeHead(a.fails).end('error');
    const answer = () => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page(a));
    if (a.slow) setTimeout(answer, slowMs);
    else answer();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  body = feed(base, articles);
  return {
    base,
    feedUrl: `${base}/feed.xml`,
    articles,
    good: articles.filter((a) => !a.fails),
    feedRequests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
