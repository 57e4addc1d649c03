/** Shared text layout for HTML extraction: block breaks become '\n', other whitespace collapses to one space. */

/** Elements whose content is never article text. */
export const SKIPPED_TAGS = new Set([
  'script',
  'style',
  'iframe',
  'noscript',
  'template',
  'object',
  'embed',
  'svg',
  'canvas',
  'frame',
  'frameset',
  'head',
]);

/** Elements that start a new line of text. */
export const BLOCK_TAGS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'br',
  'caption',
  'dd',
  'details',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'td',
  'th',
  'tr',
  'ul',
]);

/** HTML whitespace inside a text run (not zero-width or bidi marks, which the extractor handles). */
const INLINE_SPACE = /[\t\n\f\r \u00a0\u2000-\u200a\u202f\u205f\u3000]+/g;

export function collapseInline(text: string): string {
  return text.replace(INLINE_SPACE, ' ');
}

/** Trims each line, drops empty ones: one '\n' between paragraphs. */
export function joinLines(text: string): string {
  return text
    .split('\n')
    .map((line) => line.replace(/ {2,}/g, ' ').trim())
    .filter((line) => line.length > 0)
    .join('\n');
}
