/** Feed and article URLs → input items: fetch, charset (header, <meta>, sniffing), Readability for the body. */
import { decodeHtmlBytes } from './charset.js';
import { arabicScore, decoderFor, decodeSniffed } from './decode.js';
import { type Feed, looksLikeFeed, parseFeed } from './feed.js';
import { htmlToText } from './html.js';
import { FetchError, type Fetched, safeGet } from './http-get.js';
import { errorItem, type InputItem } from './item.js';

export function isUrl(source: string): boolean {
  return /^https?:\/\//i.test(source);
}

export interface WebOptions {
  maxBytes: number;
  /** per URL, redirects included (default 30 s) */
  timeoutMs?: number;
  /** fetch from loopback, private and link-local addresses too (default: refused) */
  allowPrivate?: boolean;
}

const get = (url: string, opts: WebOptions): Promise<Fetched> =>
  safeGet(url, { maxBytes: opts.maxBytes, timeoutMs: opts.timeoutMs, allowPrivate: opts.allowPrivate });

function headerCharset(contentType: string): string | null {
  const m = /charset\s*=\s*"?([\w:.-]+)/i.exec(contentType);
  return m ? m[1] : null;
}

/** Content-Type's charset first; then what the document says about itself (<meta>, <?xml encoding?>) or sniffing. */
export function decodeFetched(bytes: Uint8Array, contentType: string, kind: 'html' | 'xml'): string {
  const decoder = decoderFor(headerCharset(contentType) ?? '');
  if (decoder) {
    const text = decoder.decode(bytes);
    if (decoder.encoding !== 'windows-1252') return text;
    // latin1 is many servers' default, declared over Arabic pages in windows-1256
    const sniffed = decodeSniffed(bytes);
    return arabicScore(sniffed.text) > arabicScore(text) + 10 ? sniffed.text : text;
  }
  if (kind === 'html') return decodeHtmlBytes(bytes).text;
  const head = Buffer.from(bytes.subarray(0, 200)).toString('latin1');
  const declared = /<\?xml[^>]*encoding\s*=\s*["']([\w:.-]+)/i.exec(head);
  const xmlDecoder = declared ? decoderFor(declared[1]) : null;
  return xmlDecoder ? xmlDecoder.decode(bytes) : decodeSniffed(bytes).text;
}

export function isFeed(f: Fetched): boolean {
  if (/(rss|atom|rdf)\+xml|[/+]xml\b/i.test(f.contentType) && !/html/i.test(f.contentType)) return true;
  return looksLikeFeed(Buffer.from(f.bytes.subarray(0, 1024)).toString('latin1'));
}

/** The article date a page states about itself, if any. */
function pageDate(html: string): string | null {
  const m =
    /<meta[^>]+(?:property|name|itemprop)\s*=\s*["'](?:article:published_time|datePublished|date|pubdate|publish-date)["'][^>]*content\s*=\s*["'](\d{4}-\d{2}-\d{2})/i.exec(
      html,
    ) ??
    /<meta[^>]+content\s*=\s*["'](\d{4}-\d{2}-\d{2})[^"']*["'][^>]*(?:property|name|itemprop)\s*=\s*["'](?:article:published_time|datePublished)["']/i.exec(
      html,
    ) ??
    /<time[^>]+datetime\s*=\s*["'](\d{4}-\d{2}-\d{2})/i.exec(html);
  return m ? m[1] : null;
}

export function articleItem(
  f: Fetched,
  ref: string,
  fallback: { title?: string | null; published?: string | null },
): InputItem {
  const html = decodeFetched(f.bytes, f.contentType, 'html');
  const isHtml = /html/i.test(f.contentType) || /<(html|body|p|div|article)[\s>]/i.test(html.slice(0, 4096));
  const page = isHtml ? htmlToText(html, f.url) : { text: html };
  const published = (isHtml ? pageDate(html) : null) ?? fallback.published ?? null;
  const title = fallback.title ?? ('title' in page ? page.title : undefined);
  const doc = {
    id: f.url,
    url: f.url,
    source: new URL(f.url).hostname,
    text: page.text,
    ...(title ? { title } : {}),
    ...(published ? { published } : {}),
  };
  if (!page.text.trim()) return errorItem(ref, 'empty_text', `${ref}: no article text on the page`, doc);
  return { ref, doc };
}

function failure(ref: string, e: unknown): InputItem {
  if (e instanceof FetchError) return errorItem(ref, e.code, e.message, { id: ref, url: ref });
  return errorItem(ref, 'fetch_failed', `${ref}: ${e instanceof Error ? e.message : String(e)}`, { id: ref, url: ref });
}

/** One URL → one item (an article page) or one item per feed entry (each entry's page fetched in turn). */
export async function* readUrl(url: string, opts: WebOptions): AsyncGenerator<InputItem> {
  let fetched: Fetched;
  try {
    fetched = await get(url, opts);
  } catch (e) {
    yield failure(url, e);
    return;
  }
  if (!isFeed(fetched)) {
    yield articleItem(fetched, url, {});
    return;
  }
  let feed: Feed;
  try {
    feed = parseFeed(decodeFetched(fetched.bytes, fetched.contentType, 'xml'));
  } catch (e) {
    yield errorItem(url, 'invalid_feed', `${url}: ${e instanceof Error ? e.message : String(e)}`, { id: url, url });
    return;
  }
  if (feed.entries.length === 0) yield errorItem(url, 'no_documents', `${url}: the feed has no entries`, { id: url });
  for (const [i, entry] of feed.entries.entries()) {
    const link = entry.link ? new URL(entry.link, fetched.url).href : null;
    const ref = link ?? `${url}#${i + 1}`;
    if (!link) {
      if (entry.html) {
        const page = htmlToText(entry.html);
        const doc = {
          id: ref,
          source: new URL(fetched.url).hostname,
          text: page.text,
          ...(entry.title ? { title: entry.title } : {}),
          ...(entry.published ? { published: entry.published } : {}),
        };
        yield page.text.trim() ? { ref, doc } : errorItem(ref, 'empty_text', `${ref}: the entry has no text`, doc);
      } else yield errorItem(ref, 'missing_text', `${ref}: the entry has neither a link nor content`);
      continue;
    }
    try {
      yield articleItem(await get(link, opts), ref, entry);
    } catch (e) {
      yield failure(ref, e);
    }
  }
}
