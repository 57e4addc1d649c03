/** Byte-to-string decoding for documents whose charset is not declared (or declared wrongly). */

export type Bom = 'utf-8' | 'utf-16le' | 'utf-16be';

export function detectBom(bytes: Uint8Array): Bom | null {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

export function bomLength(bom: Bom | null): number {
  if (bom === 'utf-8') return 3;
  return bom ? 2 : 0;
}

/** Decodes as UTF-8, or returns null if the bytes are not valid UTF-8. A leading BOM is dropped. */
export function decodeUtf8Strict(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** A decoder for a WHATWG charset label ('cp1256', 'iso-8859-6', …), or null if the label is unknown. */
export function decoderFor(label: string): TextDecoder | null {
  try {
    return new TextDecoder(label.trim().toLowerCase());
  } catch {
    return null;
  }
}

/** Legacy single-byte charsets Arabic pages use, most likely first. */
const LEGACY_ARABIC = ['windows-1256', 'iso-8859-6'] as const;

export interface Decoded {
  text: string;
  charset: string;
  /** the bytes look like a binary file (NULs, many control characters), not text */
  binary: boolean;
  /** invalid UTF-8 sequences replaced with U+FFFD in text that is otherwise UTF-8 (the policy JSONL follows) */
  replaced?: number;
}

/**
 * Decodes a whole document with no declared charset: BOM, BOM-less UTF-16 (NUL-heavy), valid UTF-8,
 * then whichever legacy Arabic charset yields the most Arabic letters and the fewest oddities.
 */
export function decodeSniffed(bytes: Uint8Array): Decoded {
  const unicode = detectBom(bytes) ?? sniffUtf16(bytes);
  if (unicode) return finish(new TextDecoder(unicode).decode(bytes), unicode);
  if (hasBinaryBytes(bytes)) return { text: '', charset: 'binary', binary: true };
  const utf8 = decodeUtf8Strict(bytes);
  if (utf8 !== null) return finish(utf8, 'utf-8');
  // UTF-8 with a few bad bytes (a truncated copy, a stray byte) is UTF-8: its valid multi-byte letters outnumber the
  // broken sequences many times over, where a legacy charset's text decodes as almost nothing but broken sequences
  const lenient = new TextDecoder('utf-8').decode(bytes);
  const broken = count(lenient, 0xfffd);
  if (arabicLetters(lenient) >= 20 * broken) return { ...finish(lenient, 'utf-8'), replaced: broken };
  let best = { text: '', charset: '', score: Number.NEGATIVE_INFINITY };
  for (const charset of LEGACY_ARABIC) {
    const text = new TextDecoder(charset).decode(bytes);
    const score = arabicScore(text);
    if (score > best.score) best = { text, charset, score };
  }
  return finish(best.text, best.charset);
}

function count(text: string, code: number): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === code) n++;
  return n;
}

function arabicLetters(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x0600 && c <= 0x06ff) n++;
  }
  return n;
}

function finish(text: string, charset: string): Decoded {
  return { text, charset, binary: isMostlyBinary(text) };
}

/** Git's rule (a NUL in the first 8000 bytes) plus a cap on other control bytes, which text never has many of. */
function hasBinaryBytes(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 65536);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0 && i < 8000) return true;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) control++;
  }
  return n > 0 && control / n > 0.1;
}

/** BOM-less UTF-16 text is mostly ASCII or Arabic, so one byte of each pair is often 0x00 or 0x06. */
export function sniffUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return null;
  let evenHigh = 0;
  let oddHigh = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0 || bytes[i] === 0x06) evenHigh++;
    if (bytes[i + 1] === 0 || bytes[i + 1] === 0x06) oddHigh++;
  }
  const pairs = n / 2;
  if (oddHigh / pairs > 0.6 && evenHigh / pairs < 0.2) return 'utf-16le';
  if (evenHigh / pairs > 0.6 && oddHigh / pairs < 0.2) return 'utf-16be';
  return null;
}

/** Arabic letters count for a charset guess; replacement chars, C1 controls and Latin-1 letters count against. */
export function arabicScore(text: string): number {
  let score = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x0600 && c <= 0x06ff) score++;
    else if (c === 0xfffd || (c >= 0x80 && c <= 0x9f)) score -= 2;
    else if (c >= 0xc0 && c <= 0xff) score--;
  }
  return score;
}

/** True when more than `threshold` of the characters are control characters or U+FFFD: not text. */
export function isMostlyBinary(text: string, threshold = 0.3): boolean {
  if (text.length === 0) return false;
  let bad = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xfffd || (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || (c >= 0x7f && c <= 0x9f)) bad++;
  }
  return bad / text.length > threshold;
}
