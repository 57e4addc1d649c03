/**
 * What keeps the API safe to leave running: writes (POST, PUT, PATCH, DELETE) need the server's token as
 * `Authorization: Bearer …`; every response carries a strict Content-Security-Policy and the headers that stop
 * sniffing, framing and referrers; no CORS header is ever sent, so other sites' pages cannot read the API.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { errorBody } from './errors.js';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join('; ');

export const newToken = (): string => randomBytes(24).toString('base64url');

function sameToken(given: string, expected: Buffer): boolean {
  const g = Buffer.from(given);
  return g.length === expected.length && timingSafeEqual(g, expected);
}

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function installSecurity(app: FastifyInstance, token: string): void {
  const expected = Buffer.from(token);
  app.addHook('onRequest', async (req, reply) => {
    reply.header('content-security-policy', CONTENT_SECURITY_POLICY);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('x-frame-options', 'DENY');
    reply.header('referrer-policy', 'no-referrer');
    reply.header('cross-origin-opener-policy', 'same-origin');
    reply.header('cross-origin-resource-policy', 'same-origin');
    if (!WRITES.has(req.method)) return;
    const auth = req.headers.authorization ?? '';
    const m = /^Bearer\s+(\S+)$/i.exec(auth);
    if (!m) {
      reply.header('www-authenticate', 'Bearer');
      return reply
        .status(401)
        .send(
          errorBody(
            401,
            'writes need the server\'s token: send "Authorization: Bearer <token>" (rasd serve prints it)',
          ),
        );
    }
    if (!sameToken(m[1], expected)) return reply.status(403).send(errorBody(403, "the token is not this server's"));
  });
}
