/** Charset of an HTML file: BOM, then <meta charset> / <meta http-equiv content="…charset=…">, then sniffing. */
import {
  arabicScore,
  type Decoded,
  decoderFor,
  decodeSniffed,
  decodeUtf8Strict,
  detectBom,
  isMostlyBinary,
} from './decode.js';

/** Browsers look for the meta charset in the first 1024 bytes; pages with long heads put it later, so look further. */
const PRESCAN_BYTES = 4096;

export function decodeHtmlBytes(bytes: Uint8Array): Decoded {
  if (detectBom(bytes)) return decodeSniffed(bytes);
  const declared = declaredCharset(bytes);
  const decoder = declared ? decoderFor(declared) : null;
  if (!decoder) return decodeSniffed(bytes);
  if (decoder.encoding === 'utf-8' || decoder.encoding.startsWith('utf-16')) {
    // A byte-oriented page cannot really be UTF-16 (WHATWG reads it as UTF-8); a false UTF-8 claim is sniffed.
    const text = decodeUtf8Strict(bytes);
    return text === null ? decodeSniffed(bytes) : { text, charset: 'utf-8', binary: isMostlyBinary(text) };
  }
  const text = decoder.decode(bytes);
  if (decoder.encoding === 'windows-1252') {
    // The server default (latin1) declared over an Arabic page in windows-1256 is a common misconfiguration.
    const sniffed = decodeSniffed(bytes);
    if (!sniffed.binary && arabicScore(sniffed.text) > arabicScore(text) + 10) return sniffed;
  }
  return { text, charset: decoder.encoding, binary: isMostlyBinary(text) };
}

export function declaredCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, PRESCAN_BYTES)).toString(
    'latin1',
  );
  const m = /<meta\b[^>]*?charset\s*=\s*["']?\s*([\w:.-]+)/i.exec(head);
  return m ? m[1] : null;
}
