/** A parser-free fallback for HTML the DOM route cannot handle (extreme nesting, parser errors). */
import { BLOCK_TAGS, collapseInline, joinLines, SKIPPED_TAGS } from './layout.js';

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  ndash: '\u2013',
  mdash: '\u2014',
  hellip: '\u2026',
  laquo: '\u00ab',
  raquo: '\u00bb',
  lsquo: '\u2018',
  rsquo: '\u2019',
  ldquo: '\u201c',
  rdquo: '\u201d',
  zwnj: '\u200c',
  zwj: '\u200d',
  lrm: '\u200e',
  rlm: '\u200f',
};

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]{2,8});/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
      return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : '\ufffd';
    }
    return NAMED_ENTITIES[name.toLowerCase()] ?? whole;
  });
}

const SKIPPED_BLOCK = new RegExp(`<(${[...SKIPPED_TAGS].join('|')})\\b[\\s\\S]*?(?:</\\1\\s*>|$)`, 'gi');
const TAG = /<\/?([a-z][a-z0-9-]*)\b[^>]*>/gi;

export function stripTags(html: string): { text: string; title?: string } {
  const titleMatch = /<title\b[^>]*>([\s\S]*?)<\/title\s*>/i.exec(html);
  const title = titleMatch ? collapseInline(decodeEntities(titleMatch[1].replace(TAG, ''))).trim() : '';
  const body = collapseInline(html.replace(/<!--[\s\S]*?(?:-->|$)/g, ' ').replace(SKIPPED_BLOCK, ' '))
    .replace(TAG, (_tag, name: string) => (BLOCK_TAGS.has(name.toLowerCase()) ? '\n' : ''))
    .replace(/<![^>]*>/g, '');
  const text = joinLines(collapseInlineKeepingBreaks(decodeEntities(body)));
  return title ? { text, title } : { text };
}

/** Entities can produce &nbsp; and friends after the first collapse; block breaks ('\n') must survive. */
function collapseInlineKeepingBreaks(text: string): string {
  return text
    .split('\n')
    .map((line) => collapseInline(line))
    .join('\n');
}
