import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { ErrorCode } from '../../shared/protocol';
import type { ErrorResponse } from '../../shared/rest';

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

const notFound = (method: string, path: string): ErrorResponse => ({
  error: { code: 'NOT_FOUND', message: `No route ${method} ${path}.` },
});

/**
 * Every HTTP error answers as `{error: {code, message, issues?}}`, the same shape as a socket error ack.
 * With `spaFallback`, a GET (or HEAD) outside the API answers with the client's index.html, so deep links such as
 * /boards/:id work on reload.
 */
export function registerErrorHandling(app: FastifyInstance, options: { spaFallback: boolean }): void {
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    const isApi = path.startsWith('/api/') || path.startsWith('/socket.io/');
    if (options.spaFallback && (request.method === 'GET' || request.method === 'HEAD') && !isApi) {
      return reply.sendClientFile('index.html', () => reply.code(404).send(notFound(request.method, path)));
    }
    return reply.code(404).send(notFound(request.method, path));
  });

  app.setErrorHandler<FastifyError>((err, request, reply) => {
    if (hasZodFastifySchemaValidationErrors(err)) {
      const body: ErrorResponse = {
        error: {
          code: 'VALIDATION_FAILED',
          message: 'The request does not match the API.',
          issues: err.validation.map((v) => ({
            path: [err.validationContext, ...String(v.instancePath).split('/').filter(Boolean)].join('.'),
            message: v.message ?? 'is invalid',
          })),
        },
      };
      return reply.code(400).send(body);
    }
    const status = typeof err.statusCode === 'number' && err.statusCode >= 400 ? err.statusCode : 500;
    if (status >= 500) request.log.error({ err }, 'request failed');
    const body: ErrorResponse = {
      error: {
        code: CODE_BY_STATUS[status] ?? 'INTERNAL',
        message: status >= 500 ? 'The server could not handle this request.' : err.message,
      },
    };
    return reply.code(status).send(body);
  });
}

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
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(json)}\r\nConnection: close\r\n\r\n${json}`,
  );
}

/**
 * Errors Fastify raises before routing (a URL that does not decode, e.g. `%E0%A4%A`) skip the error handler;
 * they answer in the typed shape too. Passed to Fastify as `frameworkErrors`.
 */
export function frameworkErrors(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  const body: ErrorResponse = { error: { code: 'VALIDATION_FAILED', message: error.message } };
  void reply.code(400).send(body);
}
