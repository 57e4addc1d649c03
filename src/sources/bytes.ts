/** Byte streams with push-back, so a source can be sniffed (BOM, first character) and then read in full. */
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { bomLength, detectBom, sniffUtf16 } from './decode.js';

const CHUNK_BYTES = 64 * 1024;

export class ByteStream implements AsyncIterable<Buffer> {
  private readonly pending: Buffer[] = [];
  private readonly source: AsyncIterator<unknown>;

  constructor(source: AsyncIterable<unknown>) {
    this.source = source[Symbol.asyncIterator]();
  }

  static fromFile(path: string): ByteStream {
    return new ByteStream(createReadStream(path, { highWaterMark: CHUNK_BYTES }));
  }

  /** The next chunk, or null at the end. */
  async read(): Promise<Buffer | null> {
    const queued = this.pending.shift();
    if (queued) return queued;
    for (;;) {
      const r = await this.source.next();
      if (r.done) return null;
      const chunk = toBuffer(r.value);
      if (chunk.length > 0) return chunk;
    }
  }

  unread(chunk: Buffer): void {
    if (chunk.length > 0) this.pending.unshift(chunk);
  }

  /** Reads until at least `n` bytes are buffered (or the end); returns them without consuming them. */
  async peek(n: number): Promise<Buffer> {
    const parts: Buffer[] = [];
    let size = 0;
    while (size < n) {
      const chunk = await this.read();
      if (!chunk) break;
      parts.push(chunk);
      size += chunk.length;
    }
    const head = Buffer.concat(parts);
    this.unread(head);
    return head;
  }

  /** Releases the underlying file handle or stream when the reader stops early. */
  async close(): Promise<void> {
    await this.source.return?.();
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<Buffer> {
    for (;;) {
      const chunk = await this.read();
      if (!chunk) return;
      yield chunk;
    }
  }
}

function toBuffer(value: unknown): Buffer {
  if (Buffer.isBuffer(value)) return value;
  if (value instanceof Uint8Array) return Buffer.from(value.buffer, value.byteOffset, value.byteLength);
  return Buffer.from(String(value), 'utf8');
}

/** Drops a UTF-8 BOM and transcodes UTF-16 (with BOM) to UTF-8 on the fly, so line readers see UTF-8 bytes. */
export async function utf8View(stream: ByteStream): Promise<ByteStream> {
  // one reading for every input kind: gzip is opened (a .jsonl.gz, or a gzip file named .jsonl), UTF-16 with or
  // without its BOM is transcoded, so a line is a line of the text and not of its bytes
  if (isGzip(await stream.peek(2))) return utf8View(new ByteStream(gunzip(stream)));
  const head = await stream.peek(3);
  const bom = detectBom(head);
  if (!bom) {
    const utf16 = sniffUtf16(await stream.peek(4096));
    return utf16 ? new ByteStream(transcode(stream, new TextDecoder(utf16))) : stream;
  }
  const first = await stream.read();
  if (first) stream.unread(first.subarray(bomLength(bom)));
  if (bom === 'utf-8') return stream;
  return new ByteStream(transcode(stream, new TextDecoder(bom)));
}

const isGzip = (head: Uint8Array) => head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b;

async function* gunzip(stream: ByteStream): AsyncGenerator<Buffer> {
  const unzipped = Readable.from(stream).pipe(createGunzip());
  try {
    for await (const chunk of unzipped) yield chunk as Buffer;
  } finally {
    unzipped.destroy();
    await stream.close();
  }
}

async function* transcode(stream: ByteStream, decoder: TextDecoder): AsyncGenerator<Buffer> {
  try {
    for await (const chunk of stream) yield Buffer.from(decoder.decode(chunk, { stream: true }), 'utf8');
    yield Buffer.from(decoder.decode(), 'utf8');
  } finally {
    await stream.close();
  }
}

/** The first byte that is not JSON whitespace, without consuming anything; null if there is none within `limit`. */
export async function firstNonSpaceByte(stream: ByteStream, limit: number): Promise<number | null> {
  for (let n = CHUNK_BYTES; ; n *= 2) {
    const head = await stream.peek(Math.min(n, limit));
    for (const b of head) if (b !== 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) return b;
    if (head.length < Math.min(n, limit) || n >= limit) return null;
  }
}

/** Reads the whole stream, or stops at `limit` bytes and returns null (the rest is drained and discarded). */
export async function readAtMost(stream: ByteStream, limit: number): Promise<Buffer | null> {
  const parts: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    size += chunk.length;
    if (size > limit) {
      parts.length = 0;
      for await (const _ of stream) {
        // drain: a writer blocked on a pipe (stdin) must not stall, and the memory is released at once
      }
      return null;
    }
    parts.push(chunk);
  }
  return Buffer.concat(parts);
}
