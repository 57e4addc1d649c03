/**
 * One guarded HTTP GET for URLs nobody vetted: http and https only; the address checked after DNS resolution (in
 * the socket's own lookup, so a name cannot resolve to a public address for the check and a private one for the
 * connection) and again on every redirect; at most a few redirects; one deadline for the whole exchange; the body
 * (decompressed) cut off at a size limit; a User-Agent that says who is asking.
 */
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import zlib from 'node:zlib';
import { isPrivateAddress } from './address-policy.js';

export interface GetOptions {
  /** the most bytes of body accepted, after decompression */
  maxBytes: number;
  /** for the whole exchange, redirects included (default 30 s) */
  timeoutMs?: number;
  /** allow loopback, private and link-local addresses (default: refused) */
  allowPrivate?: boolean;
  /** default 5 */
  maxRedirects?: number;
  /** extra request headers (If-None-Match, If-Modified-Since …) */
  headers?: Record<string, string>;
}

export interface Fetched {
  /** the URL the body came from, after redirects */
  url: string;
  status: number;
  contentType: string;
  bytes: Uint8Array;
  etag: string | null;
  lastModified: string | null;
}

export class FetchError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export const USER_AGENT = `Rasd/0.1 (Arabic news to conflict-event data; +${process.env.RASD_CONTACT ?? 'no contact set: RASD_CONTACT'})`;

/** dns.lookup, keeping only public addresses unless private ones are allowed. */
function guardedLookup(allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (err, addresses: LookupAddress[]) => {
      if (err) return callback(err, '', 4);
      const usable = allowPrivate ? addresses : addresses.filter((a) => !isPrivateAddress(a.address));
      if (usable.length === 0) {
        const e = Object.assign(
          new Error(`${hostname} resolves only to private addresses (${addresses.map((a) => a.address).join(', ')})`),
          { code: 'private_address' },
        );
        return callback(e, '', 4);
      }
      if ((options as { all?: boolean }).all) return (callback as (e: null, a: LookupAddress[]) => void)(null, usable);
      callback(null, usable[0].address, usable[0].family);
    });
  };
}

function checkUrl(raw: string, allowPrivate: boolean): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new FetchError('invalid_url', `${raw}: not a URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new FetchError('unsupported_scheme', `${raw}: only http and https URLs are fetched, not ${url.protocol}`);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (!allowPrivate && isIP(host) && isPrivateAddress(host))
    throw new FetchError('private_address', `${raw}: ${host} is a private, loopback or link-local address`);
  return url;
}

function request(url: URL, opts: GetOptions, signal: AbortSignal): Promise<IncomingMessage> {
  const mod = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = mod.get(
      url,
      {
        signal,
        lookup: guardedLookup(opts.allowPrivate ?? false),
        headers: {
          'user-agent': USER_AGENT,
          accept:
            'text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,*/*;q=0.5',
          'accept-encoding': 'gzip, deflate, br',
          ...opts.headers,
        },
      },
      resolve,
    );
    req.on('error', reject);
  });
}

function decoded(res: IncomingMessage): NodeJS.ReadableStream {
  const enc = (res.headers['content-encoding'] ?? '').trim().toLowerCase();
  if (enc === 'gzip' || enc === 'x-gzip') return res.pipe(zlib.createGunzip());
  if (enc === 'deflate') return res.pipe(zlib.createInflate());
  if (enc === 'br') return res.pipe(zlib.createBrotliDecompress());
  return res;
}

async function readBody(res: IncomingMessage, url: string, maxBytes: number): Promise<Uint8Array> {
  const length = Number(res.headers['content-length'] ?? '0');
  if (length > maxBytes) {
    res.destroy();
    throw new FetchError('too_large', `${url}: ${length} bytes, over the ${maxBytes}-byte limit`);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of decoded(res)) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) {
      res.destroy();
      throw new FetchError('too_large', `${url}: over the ${maxBytes}-byte limit`);
    }
    chunks.push(chunk as Buffer);
  }
  return new Uint8Array(Buffer.concat(chunks));
}

function failure(url: string, e: unknown, signal: AbortSignal): FetchError {
  if (e instanceof FetchError) return e;
  if (signal.aborted) return new FetchError('timeout', `${url}: timed out`);
  const err = e as { code?: string; message?: string };
  if (err.code === 'private_address') return new FetchError('private_address', `${url}: ${err.message}`);
  return new FetchError('fetch_failed', `${url}: ${err.code ?? err.message ?? String(e)}`);
}

/** GET a URL under the rules above; a 304 (when conditional headers were given) comes back with no body. */
export async function safeGet(raw: string, opts: GetOptions): Promise<Fetched> {
  const signal = AbortSignal.timeout(opts.timeoutMs ?? 30_000);
  const maxRedirects = opts.maxRedirects ?? 5;
  let url = checkUrl(raw, opts.allowPrivate ?? false);
  try {
    for (let hops = 0; ; hops++) {
      const res = await request(url, opts, signal);
      const status = res.statusCode ?? 0;
      const location = res.headers.location;
      if (status >= 300 && status < 400 && status !== 304 && location) {
        res.resume();
        if (hops >= maxRedirects) throw new FetchError('too_many_redirects', `${raw}: over ${maxRedirects} redirects`);
        try {
          url = checkUrl(new URL(location, url).href, opts.allowPrivate ?? false);
        } catch (e) {
          throw new FetchError((e as FetchError).code, `${raw} redirects to ${(e as FetchError).message}`);
        }
        continue;
      }
      const head = {
        url: url.href,
        status,
        contentType: String(res.headers['content-type'] ?? ''),
        etag: (res.headers.etag as string | undefined) ?? null,
        lastModified: (res.headers['last-modified'] as string | undefined) ?? null,
      };
      if (status === 304) {
        res.resume();
        return { ...head, bytes: new Uint8Array(0) };
      }
      if (status < 200 || status >= 300) {
        res.resume();
        throw new FetchError('http_error', `${url.href}: HTTP ${status} ${res.statusMessage ?? ''}`.trim());
      }
      return { ...head, bytes: await readBody(res, url.href, opts.maxBytes) };
    }
  } catch (e) {
    throw failure(raw, e, signal);
  }
}
