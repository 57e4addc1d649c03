/** Errors as the contract gives them: `{ statusCode, error, message }`, the message saying what to fix. */
import { STATUS_CODES } from 'node:http';
import type { FastifyError, FastifyInstance, FastifySchemaValidationError } from 'fastify';

export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
  ) {
    super(message);
  }
}

export const badRequest = (message: string) => new HttpError(400, message);
export const notFound = (message: string) => new HttpError(404, message);

export function errorBody(statusCode: number, message: string) {
  return { statusCode, error: STATUS_CODES[statusCode] ?? 'Error', message };
}

/** Ajv's first complaint, naming the parameter or body field: 'query parameter "limit": must be <= 10000'. */
export function formatSchemaError(errors: FastifySchemaValidationError[], dataVar: string): Error {
  const e = errors[0];
  const where = dataVar === 'querystring' ? 'query parameter' : dataVar === 'params' ? 'path parameter' : 'body field';
  const params = (e.params ?? {}) as { missingProperty?: string; allowedValues?: unknown[] };
  const name = params.missingProperty ?? e.instancePath.replace(/^\//, '').replaceAll('/', '.');
  let message = e.message ?? 'is invalid';
  if (params.allowedValues) message = `must be one of ${params.allowedValues.map((v) => JSON.stringify(v)).join(', ')}`;
  if (!name) return badRequest(`${dataVar === 'body' ? 'the body' : dataVar} ${message}`);
  return badRequest(`${where} "${name}": ${params.missingProperty ? 'is required' : message}`);
}

/** SQLSTATE of a statement PostgreSQL cancelled (statement_timeout) */
const QUERY_CANCELED = '57014';

export function installErrorHandler(app: FastifyInstance, bodyLimits: { ingest: number }): void {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    const status = err.statusCode && err.statusCode >= 400 ? err.statusCode : 500;
    let message = err.message;
    if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      const limit = req.routeOptions.bodyLimit ?? bodyLimits.ingest;
      message = `the request body is over the ${limit}-byte limit (send fewer documents at a time)`;
    } else if (err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      message = `unsupported Content-Type "${req.headers['content-type'] ?? ''}"`;
    } else if ((err as { code?: string }).code === QUERY_CANCELED) {
      // PostgreSQL's statement_timeout (rasd serve sets it): the store is fine, the question was too costly
      reply.status(503).header('retry-after', '5');
      reply.send(
        errorBody(
          503,
          "the query ran past the server's time limit: narrow it (fewer words in q, a date range, a bbox)",
        ),
      );
      return;
    } else if (status >= 500) {
      // the details (SQL, paths) are for the server's log, not for whoever sent the request
      req.log.error(err);
      process.stderr.write(`rasd serve: ${req.method} ${req.url}: ${err.stack ?? err.message}\n`);
      message = 'internal error (the server log has the details)';
    }
    reply.status(status).send(errorBody(status, message));
  });
}
