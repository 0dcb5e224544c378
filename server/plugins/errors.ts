import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { ErrorCode, ErrorIssue } from '../../shared/protocol';
import type { ErrorResponse } from '../../shared/rest';
import { isUnavailable } from '../store/unavailable';
import { RAW_SECURITY_HEADERS } from './security-headers';

/** The one way an HTTP error is answered: `{error: {code, message, issues?}}`, the shape of a socket error ack. */
export function sendError(reply: FastifyReply, status: number, code: ErrorCode, message: string, issues?: ErrorIssue[]): FastifyReply {
  const body: ErrorResponse = { error: issues ? { code, message, issues } : { code, message } };
  return reply.code(status).send(body);
}

const CODE_BY_STATUS: Record<number, ErrorCode> = {
  400: 'VALIDATION_FAILED',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  413: 'VALIDATION_FAILED',
  415: 'VALIDATION_FAILED',
  429: 'RATE_LIMITED',
};

const notFound = (reply: FastifyReply, method: string, path: string) =>
  sendError(reply, 404, 'NOT_FOUND', `No route ${method} ${path}.`);

/**
 * Every HTTP error answers as `{error: {code, message, issues?}}`, the same shape as a socket error ack.
 * With `spaFallback` (the client's index.html exists), a GET (or HEAD) outside the API answers with it, so deep
 * links such as /boards/:id work on reload.
 */
export const errorHandling = fp<{ spaFallback: boolean }>(
  async (app, options) => {
    app.setNotFoundHandler((request, reply) => {
      const path = request.url.split('?')[0] ?? '';
      const isApi = path.startsWith('/api/') || path.startsWith('/socket.io/');
      if (options.spaFallback && (request.method === 'GET' || request.method === 'HEAD') && !isApi) {
        return reply.sendFile('index.html');
      }
      return notFound(reply, request.method, path);
    });

    app.setErrorHandler<FastifyError>((err, request, reply) => {
      if (hasZodFastifySchemaValidationErrors(err)) {
        const issues = err.validation.map((v) => ({
          path: [err.validationContext, ...String(v.instancePath).split('/').filter(Boolean)].join('.'),
          message: v.message ?? 'is invalid',
        }));
        return sendError(reply, 400, 'VALIDATION_FAILED', 'The request does not match the API.', issues);
      }
      if (isUnavailable(err)) {
        // The database is away (restart, failover) and nothing was written: the client may send the same again.
        request.log.warn({ err }, 'request failed: the database does not answer');
        return sendError(reply.header('retry-after', '1'), 503, 'UNAVAILABLE', 'The server cannot reach its database; try again shortly.');
      }
      const status = typeof err.statusCode === 'number' && err.statusCode >= 400 ? err.statusCode : 500;
      if (status >= 500) request.log.error({ err }, 'request failed');
      const message = status >= 500 ? 'The server could not handle this request.' : err.message;
      return sendError(reply, status, CODE_BY_STATUS[status] ?? 'INTERNAL', message);
    });
  },
  { name: 'error-handling' },
);

/**
 * Malformed HTTP (a garbage request line, oversize headers, bytes after `Connection: close`) fails in Node's parser,
 * before any route or error handler; Fastify's default answer there is untyped. This answers in the same
 * `{error: {code, message}}` shape and closes the connection. Passed to Fastify as `clientErrorHandler`.
 */
export function clientErrorHandler(err: NodeJS.ErrnoException, socket: Duplex): void {
  if (err.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const status = err.code === 'HPE_HEADER_OVERFLOW' ? 431 : err.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
  const body: ErrorResponse = { error: { code: 'VALIDATION_FAILED', message: 'The request is not valid HTTP.' } };
  const json = JSON.stringify(body);
  const security = Object.entries(RAW_SECURITY_HEADERS).map(([name, value]) => `${name}: ${value}\r\n`).join('');
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\n${security}` +
      `Content-Length: ${Buffer.byteLength(json)}\r\nConnection: close\r\n\r\n${json}`,
  );
}

/**
 * Errors Fastify raises before routing (a URL that does not decode, e.g. `%E0%A4%A`) skip the error handler;
 * they answer in the typed shape too. Passed to Fastify as `frameworkErrors`.
 */
export function frameworkErrors(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  // No onRequest hook (helmet's included) ran for such a request.
  void sendError(reply.headers(RAW_SECURITY_HEADERS), 400, 'VALIDATION_FAILED', error.message);
}
