/** RSS 2.0, RSS 1.0 (RDF) and Atom feeds → their entries (link, title, date, inline content). */
import { XMLParser } from 'fast-xml-parser';

export interface FeedEntry {
  link: string | null;
  title: string | null;
  /** YYYY-MM-DD as the feed writes it (the publisher's own calendar day), or null */
  published: string | null;
  /** full inline content (content:encoded, Atom content), HTML; summaries are not articles and are left out */
  html: string | null;
}

export interface Feed {
  title: string | null;
  entries: FeedEntry[];
}

/** True when the start of a document looks like a feed rather than a page. */
export function looksLikeFeed(head: string): boolean {
  const start = head
    .replace(/^\uFEFF/, '')
    .replace(/<\?xml[^>]*\?>/, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .trimStart();
  return /^<(rss|feed|rdf:RDF)\b/i.test(start);
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** RFC 822 ('Mon, 30 Oct 2023 21:10:00 +0300') or ISO 8601 → the calendar day written there. */
export function feedDate(value: unknown): string | null {
  const s = text(value);
  if (!s) return null;
  const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(s);
  if (iso) return `${iso[1]}-${iso[2]}-${iso[3]}`;
  const rfc = /(\d{1,2})\s+([A-Za-z]{3})[a-z]*\.?\s+(\d{4})/.exec(s);
  const month = rfc ? MONTHS.indexOf(rfc[2].toLowerCase()) : -1;
  if (!rfc || month < 0) return null;
  return `${rfc[3]}-${String(month + 1).padStart(2, '0')}-${rfc[1].padStart(2, '0')}`;
}

function text(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number') return String(v).trim() || null;
  if (typeof v === 'object' && '#text' in (v as object)) return text((v as Record<string, unknown>)['#text']);
  return null;
}

const list = (v: unknown): unknown[] => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]);

function atomLink(v: unknown): string | null {
  const links = list(v);
  const rel = (l: unknown) => (l && typeof l === 'object' ? (l as Record<string, unknown>)['@_rel'] : undefined);
  const pick = links.find((l) => typeof l === 'object' && (rel(l) === undefined || rel(l) === 'alternate')) ?? links[0];
  if (typeof pick === 'string') return pick.trim() || null;
  return pick && typeof pick === 'object' ? text((pick as Record<string, unknown>)['@_href']) : null;
}

export function parseFeed(xml: string): Feed {
  const parser = new XMLParser({
    ignoreAttributes: false,
    processEntities: true,
    htmlEntities: true,
    parseTagValue: false,
    trimValues: true,
  });
  const root = parser.parse(xml) as Record<string, Record<string, unknown>>;
  if (root.rss || root['rdf:RDF']) {
    const channel = (root.rss?.channel ?? root['rdf:RDF']?.channel ?? {}) as Record<string, unknown>;
    const items = list(root.rss ? channel.item : root['rdf:RDF'].item) as Record<string, unknown>[];
    return {
      title: text(channel.title),
      entries: items.map((it) => ({
        link: text(it.link) ?? (isPermalink(it.guid) ? text(it.guid) : null),
        title: text(it.title),
        published: feedDate(it.pubDate ?? it['dc:date']),
        html: text(it['content:encoded']),
      })),
    };
  }
  if (root.feed) {
    const entries = list(root.feed.entry) as Record<string, unknown>[];
    return {
      title: text(root.feed.title),
      entries: entries.map((e) => ({
        link: atomLink(e.link),
        title: text(e.title),
        published: feedDate(e.published ?? e.updated),
        html: text(e.content),
      })),
    };
  }
  throw new Error('not an RSS or Atom feed');
}

function isPermalink(guid: unknown): boolean {
  if (guid && typeof guid === 'object' && (guid as Record<string, unknown>)['@_isPermaLink'] === 'false') return false;
  return /^https?:\/\//i.test(text(guid) ?? '');
}
