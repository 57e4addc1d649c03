/**
 * Evidence spans over an article's text: located (an offset that does not match its text is searched for
 * nearby), then cut into segments where each segment knows every span covering it, so overlapping and nested
 * spans all stay clickable.
 */
import type { Span } from '../types.js';

export interface Mark {
  /** unique within one article */
  id: string;
  /** what the span is evidence of: 'location', 'date', 'perpetrator', 'claim-outcome'… (a CSS class) */
  kind: string;
  span: Span;
}

export interface Segment {
  start: number;
  end: number;
  /** the marks covering this stretch, shortest first (the innermost decides the colour) */
  marks: Mark[];
}

/** The span where the text really has it: its offsets if they match, else the nearest occurrence, else null. */
export function locate(text: string, span: Span): Span | null {
  if (span.end > span.start && text.slice(span.start, span.end) === span.text) return span;
  if (!span.text) return null;
  let best = -1;
  for (let at = text.indexOf(span.text); at >= 0; at = text.indexOf(span.text, at + 1)) {
    if (best < 0 || Math.abs(at - span.start) < Math.abs(best - span.start)) best = at;
  }
  return best < 0 ? null : { start: best, end: best + span.text.length, text: span.text };
}

export function segments(length: number, marks: Mark[]): Segment[] {
  const cuts = new Set([0, length]);
  for (const m of marks) {
    cuts.add(Math.max(0, Math.min(length, m.span.start)));
    cuts.add(Math.max(0, Math.min(length, m.span.end)));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i];
    const end = points[i + 1];
    const covering = marks
      .filter((m) => m.span.start <= start && m.span.end >= end)
      .sort((a, b) => a.span.end - a.span.start - (b.span.end - b.span.start));
    out.push({ start, end, marks: covering });
  }
  return out;
}

/**
 * The article as DOM: plain stretches as text nodes, marked stretches as <mark> elements holding a text node.
 * Returns the elements of each mark id so a click on a field can light them up.
 */
export function highlightedText(
  text: string,
  marks: Mark[],
): { fragment: DocumentFragment; byMark: Map<string, HTMLElement[]> } {
  const fragment = document.createDocumentFragment();
  const byMark = new Map<string, HTMLElement[]>();
  for (const seg of segments(text.length, marks)) {
    const node = document.createTextNode(text.slice(seg.start, seg.end));
    if (seg.marks.length === 0) {
      fragment.appendChild(node);
      continue;
    }
    const el = document.createElement('mark');
    el.className = `ev ev-${seg.marks[0].kind}${seg.marks.length > 1 ? ' ev-overlap' : ''}`;
    el.dataset.marks = seg.marks.map((m) => m.id).join(' ');
    el.title = [...new Set(seg.marks.map((m) => m.kind))].join(' + ');
    el.appendChild(node);
    fragment.appendChild(el);
    for (const m of seg.marks) {
      const list = byMark.get(m.id) ?? [];
      list.push(el);
      byMark.set(m.id, list);
    }
  }
  return { fragment, byMark };
}
