/** HTML page → article text: linkedom (never runs scripts) + Readability, with fallbacks that cannot crash. */
import { createRequire } from 'node:module';
import { BLOCK_TAGS, collapseInline, joinLines, SKIPPED_TAGS } from './layout.js';
import { stripTags } from './strip.js';

type Linkedom = typeof import('linkedom');
type ReadabilityModule = typeof import('@mozilla/readability');

const requireHere = createRequire(import.meta.url);
let libs: { parseHTML: Linkedom['parseHTML']; Readability: ReadabilityModule['Readability'] } | null = null;

/** The DOM and Readability, loaded (synchronously, their CommonJS builds) at the first page: text never needs them. */
function domLibs() {
  libs ??= {
    parseHTML: (requireHere('linkedom') as Linkedom).parseHTML,
    Readability: (requireHere('@mozilla/readability') as ReadabilityModule).Readability,
  };
  return libs;
}

/** Deeper than this, Readability's recursion risks the stack; real pages stay far below it. */
const MAX_DEPTH = 1000;

/**
 * Extracts the article body of a page as plain text ('\n' between paragraphs) and its title.
 * `url` is accepted for callers that have it; links are not part of the text, so it does not change the result.
 */
export function htmlToText(html: string, url?: string): { text: string; title?: string } {
  void url;
  if (nestingDepth(html) > MAX_DEPTH) return stripTags(html);
  try {
    return domToText(html);
  } catch {
    return stripTags(html);
  }
}

function domToText(html: string): { text: string; title?: string } {
  const page = /<(html|body)[\s>]/i.test(html) ? html : `<!doctype html><html><body>${html}</body></html>`;
  const { parseHTML, Readability } = domLibs();
  const { document } = parseHTML(page);
  for (const tag of SKIPPED_TAGS) {
    if (tag === 'head') continue; // Readability reads the title and metadata from it
    for (const el of [...document.querySelectorAll(tag)]) el.remove();
  }
  const pageTitle = (document.title ?? '').trim();
  let article: { title?: string | null; content?: Element | null } | null = null;
  try {
    article = new Readability<Element>(document as unknown as Document, {
      serializer: (node) => node as Element,
    }).parse();
  } catch {
    article = null; // the body text below is still worth having
  }
  let text = article?.content ? blockText(article.content) : '';
  if (!text) {
    // Readability mutates the document; parse again for a clean body.
    const fresh = parseHTML(page).document;
    text = fresh.body ? blockText(fresh.body as unknown as Element) : '';
  }
  const title = collapseInline(article?.title?.trim() || pageTitle).trim();
  return title ? { text, title } : { text };
}

/** Text of a subtree with block elements on their own lines; iterative, so depth cannot overflow the stack. */
export function blockText(root: Element): string {
  const out: string[] = [];
  const stack: (Node | 'break')[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node === 'break') {
      out.push('\n');
      continue;
    }
    if (node.nodeType === 3) {
      out.push(collapseInline(node.nodeValue ?? ''));
      continue;
    }
    if (node.nodeType !== 1 && node.nodeType !== 11) continue;
    const tag = node.nodeType === 1 ? (node as Element).tagName.toLowerCase() : '';
    if (SKIPPED_TAGS.has(tag)) continue;
    const block = BLOCK_TAGS.has(tag);
    if (block) {
      out.push('\n');
      stack.push('break');
    }
    const children = node.childNodes;
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
  return joinLines(out.join(''));
}

/** Elements a parser closes implicitly, so unclosed ones do not nest. */
const VOID_OR_OPTIONAL_END = new Set(
  'area base br col embed hr img input link meta source track wbr p li dt dd option optgroup tr td th thead tbody tfoot colgroup rb rt rp'.split(
    ' ',
  ),
);

/** Upper bound on element nesting, from the tags alone (no parsing). */
export function nestingDepth(html: string): number {
  let depth = 0;
  let max = 0;
  for (const m of html.matchAll(/<(\/?)([a-zA-Z][a-zA-Z0-9-]*)[^>]*?(\/?)>/g)) {
    if (VOID_OR_OPTIONAL_END.has(m[2].toLowerCase()) || m[3]) continue;
    if (m[1]) depth = Math.max(0, depth - 1);
    else if (++depth > max) max = depth;
  }
  return max;
}
