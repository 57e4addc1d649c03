/**
 * What a request may hold before any route sees it: a Host this server answers to (a page on another site cannot
 * reach the API by pointing its own name at 127.0.0.1: DNS rebinding), query parameters the route reads, path
 * parameters without NUL characters (no database takes them), and a JSON body nested no deeper than any real document
 * (a deep one overflows the stack).
 * Each refusal is a client error that says what to change.
 */
import { isIP } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { badRequest, errorBody, HttpError } from './errors.js';

/** JSON bodies nested deeper than this are refused: a document batch is three levels deep */
export const MAX_JSON_DEPTH = 64;

export interface GuardOptions {
  /** host names the API answers to besides IP addresses and localhost (a reverse proxy's public name) */
  allowedHosts?: readonly string[];
}

/** The host of a Host header without its port: "[::1]:8080" → "::1", "example.org:80" → "example.org". */
export function hostName(header: string): string {
  const h = header.trim().toLowerCase();
  if (h.startsWith('[')) return h.slice(1, h.indexOf(']') > 0 ? h.indexOf(']') : undefined);
  const colon = h.lastIndexOf(':');
  return colon >= 0 && h.indexOf(':') === colon ? h.slice(0, colon) : h;
}

/** An IP address, localhost (or a name under .localhost), or one of the names the server was given. */
export function hostAllowed(header: string | undefined, allowed: ReadonlySet<string>): boolean {
  if (header === undefined) return true;
  const name = hostName(header).replace(/\.$/, '');
  return isIP(name) !== 0 || name === 'localhost' || name.endsWith('.localhost') || allowed.has(name);
}

/** How deep the arrays and objects of a JSON text nest (strings skipped), stopping once past `limit`. */
export function jsonDepth(text: string, limit = MAX_JSON_DEPTH): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) max = depth;
      if (max > limit) return max;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return max;
}

export function installInputGuards(app: FastifyInstance, opts: GuardOptions = {}): void {
  const allowed = new Set((opts.allowedHosts ?? []).map((h) => h.trim().toLowerCase()).filter(Boolean));
  app.addHook('onRequest', async (req, reply) => {
    if (hostAllowed(req.headers.host, allowed)) return;
    const name = hostName(req.headers.host ?? '');
    return reply
      .status(403)
      .send(
        errorBody(
          403,
          `this server does not answer to the host "${name}" (start rasd serve with --allow-host ${name} to serve it under that name)`,
        ),
      );
  });
  app.addHook('preValidation', async (req) => {
    // a parameter the route does not know is an error, not silently ignored (iso=760 or page=2 would otherwise
    // answer the unfiltered first page)
    if (req.url.startsWith('/api/')) {
      const known = (req.routeOptions.schema?.querystring as { properties?: Record<string, unknown> } | undefined)
        ?.properties;
      for (const name of Object.keys((req.query ?? {}) as Record<string, unknown>)) {
        if (!known || !Object.hasOwn(known, name)) {
          const allowed = known ? Object.keys(known).join(', ') : 'none';
          throw badRequest(`query parameter "${name}" is not one this route reads (it reads: ${allowed})`);
        }
      }
    }
    for (const [name, value] of Object.entries((req.params ?? {}) as Record<string, unknown>)) {
      if (typeof value === 'string' && value.includes('\0'))
        throw badRequest(`path parameter "${name}": holds a NUL character`);
    }
  });
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (req, body, done) => {
    const text = body as string;
    if (jsonDepth(text) > MAX_JSON_DEPTH) {
      done(new HttpError(400, `the body is nested more than ${MAX_JSON_DEPTH} levels deep`), undefined);
      return;
    }
    parseJson(req, text, done);
  });
}
