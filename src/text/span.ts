/** A slice of a document's original text: `text === doc.text.slice(start, end)`. */
export interface Span {
  start: number;
  end: number;
  text: string;
}

export function makeSpan(text: string, start: number, end: number): Span {
  return { start, end, text: text.slice(start, end) };
}
