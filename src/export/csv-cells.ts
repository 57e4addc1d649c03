/**
 * CSV text through csv-stringify (RFC 4180: a cell with a comma, a quote or a line break is quoted, quotes doubled;
 * rows end with "\n"). Text that a spreadsheet would run as a formula (OWASP's rule: it begins with =, +, -, @, a
 * tab or a carriage return; a source, an actor or a place name comes from the article) is kept as text by a
 * leading apostrophe; numbers stay numbers.
 */
import { stringify } from 'csv-stringify/sync';

const FORMULA = /^[=+\-@\t\r]/;

/** Rows as CSV text; `header` first where given, a UTF-8 byte order mark before it where asked. */
export function csvText(rows: (string | number)[][], header?: readonly string[], bom = false): string {
  const text = stringify(header ? [[...header], ...rows] : rows, {
    record_delimiter: '\n',
    // a lone carriage return is a line break to a spreadsheet too
    quoted_match: /\r/,
    cast: { string: (v) => (FORMULA.test(v) ? `'${v}` : v) },
  });
  return bom ? `\uFEFF${text}` : text;
}
