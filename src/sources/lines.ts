/** A streaming line splitter on bytes: memory per line is bounded by the size limit. */

export interface RawLine {
  /** 1-based physical line number (blank lines count) */
  lineNo: number;
  /** the line without its '\n' / '\r\n'; absent when the line was longer than the limit */
  bytes?: Buffer;
  /** for an over-long line: its first bytes (at most HEAD_BYTES), kept so the caller can still echo an id */
  head?: Buffer;
  /** total length of an over-long line */
  length?: number;
}

const HEAD_BYTES = 64 * 1024;

/** Splits on '\n'; yields every line, blank ones included, in order. */
export async function* splitLines(chunks: AsyncIterable<Buffer>, maxBytes: number): AsyncGenerator<RawLine> {
  let parts: Buffer[] = [];
  let size = 0;
  let head: Buffer | null = null;
  let lineNo = 0;

  const append = (segment: Buffer): void => {
    size += segment.length;
    if (head) return;
    if (size <= maxBytes) {
      parts.push(segment);
      return;
    }
    // Over the limit: keep only a short head and stop buffering the rest of this line.
    head = Buffer.concat([...parts, segment], Math.min(HEAD_BYTES, size));
    parts = [];
  };
  const finish = (): RawLine => {
    lineNo++;
    const line: RawLine = head
      ? { lineNo, head, length: size }
      : { lineNo, bytes: stripCr(parts.length === 1 ? parts[0] : Buffer.concat(parts)) };
    parts = [];
    size = 0;
    head = null;
    return line;
  };

  let pending = false;
  for await (const chunk of chunks) {
    let pos = 0;
    for (;;) {
      const nl = chunk.indexOf(0x0a, pos);
      if (nl < 0) break;
      append(chunk.subarray(pos, nl));
      yield finish();
      pending = false;
      pos = nl + 1;
    }
    if (pos < chunk.length) {
      append(chunk.subarray(pos));
      pending = true;
    }
  }
  if (pending) yield finish();
}

function stripCr(line: Buffer): Buffer {
  return line.length > 0 && line[line.length - 1] === 0x0d ? line.subarray(0, line.length - 1) : line;
}

/** True for a line of only spaces, tabs and CRs. */
export function isBlank(line: Buffer): boolean {
  for (const b of line) if (b !== 0x20 && b !== 0x09 && b !== 0x0d) return false;
  return true;
}
