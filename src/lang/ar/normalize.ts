/**
 * Normalisation for matching, with a map back to the original text.
 *
 * The normalised string drops diacritics, tatweel and invisible marks, folds alef/yeh/teh-marbuta variants,
 * maps Arabic-Indic and Persian digits to ASCII, applies NFKC and lower-cases Latin. Every normalised
 * code unit remembers the [start, end) of the original code units it came from, so any span found in the
 * normalised text maps back to an exact slice of the original.
 */

import type { Normalized } from '../language.js';

export type { Normalized };

/** Characters removed entirely: Arabic diacritics, Quranic marks, tatweel, zero-width and bidi controls. */
export function isIgnorable(c: number): boolean {
  return (
    (c >= 0x064b && c <= 0x065f) ||
    c === 0x0670 ||
    (c >= 0x0610 && c <= 0x061a) ||
    (c >= 0x06d6 && c <= 0x06ed) ||
    c === 0x0640 ||
    c === 0x061c ||
    (c >= 0x200b && c <= 0x200f) ||
    (c >= 0x202a && c <= 0x202e) ||
    (c >= 0x2060 && c <= 0x2069) ||
    c === 0xfeff ||
    c === 0x00ad ||
    (c >= 0xfe00 && c <= 0xfe0f)
  );
}

/** Single-character folds applied after NFKC (value is the replacement). */
const FOLD: Record<number, string> = {
  1571: '\u0627', // أ
  1573: '\u0627', // إ
  1570: '\u0627', // آ
  1649: '\u0627', // ٱ
  1650: '\u0627',
  1651: '\u0627',
  1609: '\u064a', // ى → ي
  1740: '\u064a', // Persian yeh
  1746: '\u064a',
  1577: '\u0647', // ة → ه
  1728: '\u0647',
  1705: '\u0643', // Persian keheh → ك
  1643: '.', // Arabic decimal separator
  1644: ',', // Arabic thousands separator
  1548: '\u060c',
  160: ' ',
  8199: ' ',
  8239: ' ',
  12288: ' ',
  8232: '\n',
  8233: '\n',
  133: '\n',
};

const cache = new Map<number, string>();
const utf16 = new TextDecoder('utf-16le');

/** The normalised form of one code point (may be empty or several code units). */
export function normalizeCodePoint(cp: number): string {
  if (cp < 0x80) {
    if (cp >= 0x41 && cp <= 0x5a) return String.fromCharCode(cp + 32);
    if (cp === 0x0d) return '\n';
    if (cp === 0x09) return ' ';
    return String.fromCharCode(cp);
  }
  const hit = cache.get(cp);
  if (hit !== undefined) return hit;
  let out: string;
  if (isIgnorable(cp)) out = '';
  else if (cp >= 0x0660 && cp <= 0x0669) out = String.fromCharCode(0x30 + cp - 0x0660);
  else if (cp >= 0x06f0 && cp <= 0x06f9) out = String.fromCharCode(0x30 + cp - 0x06f0);
  else {
    let nf = String.fromCodePoint(cp).normalize('NFKC');
    // expansions into several words or a run of punctuation (ﷺ, …) would give several tokens one source
    // character: keep such a character as it is
    if (nf.length > 1 && (nf.includes(' ') || !/[\p{L}\p{N}]/u.test(nf))) nf = String.fromCodePoint(cp);
    let s = '';
    for (const ch of nf) {
      const c = ch.codePointAt(0)!;
      if (isIgnorable(c)) continue;
      const f = FOLD[c];
      s += f !== undefined ? f : c >= 0x0660 && c <= 0x0669 ? String.fromCharCode(0x30 + c - 0x0660) : ch;
    }
    out = s.toLowerCase();
    if (/\s/.test(out) && out !== '\n') out = ' ';
  }
  if (cache.size < 65536) cache.set(cp, out);
  return out;
}

/** Normalise `text` for matching, keeping the offset map. Linear time, one pass. */
export function normalize(text: string): Normalized {
  const n = text.length;
  let buf = new Uint16Array(n + 16);
  let srcStart = new Int32Array(n + 16);
  let srcEnd = new Int32Array(n + 16);
  let k = 0;
  const grow = (need: number) => {
    if (k + need <= buf.length) return;
    const size = Math.max(buf.length * 2, k + need + 16);
    const b = new Uint16Array(size);
    b.set(buf);
    buf = b;
    const s = new Int32Array(size);
    s.set(srcStart);
    srcStart = s;
    const e = new Int32Array(size);
    e.set(srcEnd);
    srcEnd = e;
  };
  for (let i = 0; i < n; ) {
    let cp = text.charCodeAt(i);
    let width = 1;
    if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < n) {
      const lo = text.charCodeAt(i + 1);
      if (lo >= 0xdc00 && lo <= 0xdfff) {
        cp = (cp - 0xd800) * 0x400 + (lo - 0xdc00) + 0x10000;
        width = 2;
      }
    }
    // fast path: Arabic letters and ASCII that normalise to themselves (not A-Z, tab, CR)
    if (
      (cp >= 0x0621 && cp <= 0x063a) ||
      (cp >= 0x0641 && cp <= 0x064a && cp !== 0x0649) ||
      (cp < 0x80 && !(cp >= 0x41 && cp <= 0x5a) && cp !== 0x09 && cp !== 0x0d)
    ) {
      if (cp !== 0x0623 && cp !== 0x0625 && cp !== 0x0622 && cp !== 0x0629) {
        grow(1);
        buf[k] = cp;
        srcStart[k] = i;
        srcEnd[k] = i + 1;
        k++;
        i++;
        continue;
      }
    }
    const out = normalizeCodePoint(cp);
    if (out.length > 0) {
      grow(out.length);
      for (let j = 0; j < out.length; j++) {
        buf[k] = out.charCodeAt(j);
        srcStart[k] = i;
        srcEnd[k] = i + width;
        k++;
      }
    } else if (k > 0 && isIgnorable(cp) && !(cp >= 0x200b && cp <= 0x206f) && cp !== 0xfeff && cp !== 0x061c) {
      // a diacritic or tatweel belongs to the letter before it: extend that letter's source span
      srcEnd[k - 1] = i + width;
    }
    i += width;
  }
  // views, not copies: the maps are as long as the text and were made for this result alone
  return {
    norm: utf16.decode(buf.subarray(0, k)),
    srcStart: srcStart.subarray(0, k),
    srcEnd: srcEnd.subarray(0, k),
  };
}

/** Normalise a lexicon entry or a name (no map needed). */
export function normalizeString(s: string): string {
  // fast path for the usual lexicon entry: Arabic letters, ASCII and spaces only
  if (/^[\u0621-\u063a\u0641-\u064a a-z0-9-]*$/.test(s)) {
    return s.replace(/[أإآ]/g, 'ا').replace(/ى/g, 'ي').replace(/ة/g, 'ه').replace(/ +/g, ' ').trim();
  }
  let out = '';
  for (const ch of s) out += normalizeCodePoint(ch.codePointAt(0)!);
  return out.replace(/ +/g, ' ').trim();
}

/** A set of words in their normalised form, to compare with token norms (على → علي, إلى → الي). */
export function normSet(words: string[]): Set<string> {
  return new Set(words.map(normalizeString));
}
